"""The labelled-field mechanism: a table of labels cuts a block into fields."""

from beleidsmonitor.ingest.fields import Label, LabelTable, split_fields
from beleidsmonitor.ingest.records import Line

TABLE = LabelTable(
    [
        Label("owner", (r"verantwoordelijke?", r"minister(?:\(s\)|s)?")),
        Label("partners", (r"in", r"samenwerking", r"met"), strict=True),
        Label("when", (r"tijdspad",)),
        Label("measures", (r"indicator(?:\(en\)|en)?",), glued=True),
    ]
)


def lines_of(text: str, first: int = 10) -> list[Line]:
    return [Line(first + i, " ".join(raw.split())) for i, raw in enumerate(text.split("\n"))]


def as_dict(fields):
    return {f.name: [v.text for v in f.values if v.text] for f in fields}


def test_label_and_value_on_one_line():
    fields = split_fields(
        lines_of("Wat voorafgaat.\nTijdspad Najaar 2027\nIndicator(en) Aantal bezoeken"), TABLE
    )
    assert [f.name for f in fields] == [None, "when", "measures"]
    assert as_dict(fields) == {
        None: ["Wat voorafgaat."],
        "when": ["Najaar 2027"],
        "measures": ["Aantal bezoeken"],
    }


def test_label_split_over_lines_with_blank_lines_between():
    fields = split_fields(lines_of("Verantwoordelijke\n\nminister(s)\n\nMinister van Sport"), TABLE)
    owner = fields[1]
    assert owner.name == "owner"
    assert owner.label_lines == [10, 12]
    assert [v.text for v in owner.values if v.text] == ["Minister van Sport"]
    assert owner.first_line == 10 and owner.last_line == 14


def test_label_words_tolerate_case_and_spacing():
    fields = split_fields(lines_of("Verantwoordelijke   Minister Minister van Cultuur"), TABLE)
    assert as_dict(fields)["owner"] == ["Minister van Cultuur"]


def test_value_after_blank_lines_and_wrapped_value_lines_stay_together():
    fields = split_fields(
        lines_of("Tijdspad\n\n\nvan de zomer van 2026 tot\nhet einde van 2027"), TABLE
    )
    assert as_dict(fields)["when"] == ["van de zomer van 2026 tot", "het einde van 2027"]


def test_strict_label_does_not_match_a_sentence_of_running_text():
    text = "In samenwerking met de stad bouwen we een speelplein.\nIn samenwerking met Minister van Jeugd"
    fields = split_fields(lines_of(text), TABLE)
    assert as_dict(fields) == {
        None: ["In samenwerking met de stad bouwen we een speelplein."],
        "partners": ["Minister van Jeugd"],
    }


def test_glued_label_keeps_the_text_before_it_with_the_previous_field():
    fields = split_fields(lines_of("Tijdspad 2026\n2026Indicator(en)\n- Aantal deelnemers"), TABLE)
    assert as_dict(fields) == {
        None: [],
        "when": ["2026", "2026"],
        "measures": ["- Aantal deelnemers"],
    }


def test_unglued_label_is_only_found_at_the_start_of_a_line():
    fields = split_fields(lines_of("Zie het Tijdspad hieronder voor details."), TABLE)
    assert [f.name for f in fields] == [None]


def test_empty_and_label_only_blocks():
    assert [f.name for f in split_fields([], TABLE)] == [None]
    fields = split_fields(lines_of("Tijdspad"), TABLE)
    assert fields[1].name == "when" and fields[1].is_empty()
    assert fields[0].first_line is None and fields[0].last_line is None


def test_every_line_lands_in_exactly_one_field():
    text = "Intro\nVerantwoordelijke minister(s) Minister A\nMinister B\n\nTijdspad 2027\nnog iets"
    lines = lines_of(text)
    fields = split_fields(lines, TABLE)
    placed = [v.number for f in fields for v in f.values] + [
        n for f in fields for n in f.label_lines
    ]
    assert sorted(set(placed)) == [line.number for line in lines]
