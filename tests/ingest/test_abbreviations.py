"""Lists of abbreviations, in the shapes the PDF extraction leaves them."""

from beleidsmonitor.ingest.abbreviations import parse_abbreviations
from beleidsmonitor.ingest.clean import clean_lines
from beleidsmonitor.ingest.records import ParsedPlan


def read(*rows: str) -> tuple[list[tuple[str, str]], ParsedPlan]:
    plan = ParsedPlan()
    entries = parse_abbreviations(clean_lines(list(rows)), plan)
    return [(entry.short, entry.long) for entry in entries], plan


def test_one_entry_a_line():
    entries, plan = read("ABC: Algemene Bouwcommissie", "XYZ-2: tweede reeks van iets")
    assert entries == [("ABC", "Algemene Bouwcommissie"), ("XYZ-2", "tweede reeks van iets")]
    assert plan.warnings == []


def test_wrapped_expansion_is_joined_and_hyphenation_undone():
    entries, _ = read(
        "KLM: Kenniscentrum voor lokale mobili-",
        "teit en verkeersveiligheid",
        "",
        "PQ: Provinciale Queeste",
    )
    assert entries == [
        ("KLM", "Kenniscentrum voor lokale mobiliteit en verkeersveiligheid"),
        ("PQ", "Provinciale Queeste"),
    ]


def test_two_entries_on_one_line_are_split():
    entries, _ = read(
        "RST: Raad voor Stedelijke Transitie UVW: Uitvoeringsdienst voor",
        "Wegenwerken",
        "Fiets: fietsersbond van het dorp GHI: Gewestelijk Huis",
    )
    assert entries == [
        ("RST", "Raad voor Stedelijke Transitie"),
        ("UVW", "Uitvoeringsdienst voor Wegenwerken"),
        ("Fiets", "fietsersbond van het dorp"),
        ("GHI", "Gewestelijk Huis"),
    ]


def test_short_form_with_plus_and_page_start():
    entries, _ = read("ABC: iets", " LGBTQ+: een lange uitleg")
    assert entries == [("ABC", "iets"), ("LGBTQ+", "een lange uitleg")]


def test_dash_and_column_layouts():
    entries, _ = read(
        "DEF – Dienst voor Eenvoudige Formulieren",
        "MNOP",
        "Maatschappij voor Nieuwe Openbare Parken",
        "QRS",
        "Raad voor Sport",
    )
    assert entries == [
        ("DEF", "Dienst voor Eenvoudige Formulieren"),
        ("MNOP", "Maatschappij voor Nieuwe Openbare Parken"),
        ("QRS", "Raad voor Sport"),
    ]


def test_a_short_form_listed_twice_stays_twice():
    entries, _ = read("LO: Leerlingenopvang", "LO: Lokale overheid")
    assert entries == [("LO", "Leerlingenopvang"), ("LO", "Lokale overheid")]


def test_text_before_the_first_entry_and_missing_expansions_are_warned():
    entries, plan = read("zomaar een zin zonder afkorting", "ABC:", "DEF: iets", "GHI")
    assert entries == [("DEF", "iets")]
    messages = [w.message for w in plan.warnings]
    assert any("not placed" in m for m in messages)
    assert any("'ABC' without its expansion" in m for m in messages)
    assert any("'GHI' without its expansion" in m for m in messages)


def test_empty_list():
    assert read() == ([], ParsedPlan())
