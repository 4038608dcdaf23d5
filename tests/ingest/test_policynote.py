"""The policy note parser on small notes written for these tests."""

from beleidsmonitor.ingest.clean import clean_lines
from beleidsmonitor.ingest.metadata import guess_field_name, guess_term
from beleidsmonitor.ingest.objectives import parse_goal_heading, section_heading
from beleidsmonitor.ingest.policynote import parse_policy_note

# A page starts with a space, the way the PDF extraction marks it.
NOTE = [
    " I. INLEIDING",  # 1
    "In deze beleidsnota beschrijf ik hoe we het sportbeleid vernieuwen.",
    " II. MANAGEMENTSAMENVATTING",
    "De eerste strategische doelstelling gaat over bewegen.",
    "OD 1.1 Dit is een vermelding in de samenvatting en geen doel",  # 5
    " III. STRATEGISCHE EN OPERATIONELE DOELSTELLINGEN",
    "",
    "1. Strategische doelstelling ‘Bewegen’: We zorgen dat elke inwoner",
    "wekelijks kan sporten",
    "",  # 10
    "Sport brengt mensen samen.",
    "",
    "OD 1.1. We bouwen sporthallen in",
    "elke gemeente",
    "",  # 15
    "We investeren in infrastructuur.",
    "- Een eerste punt dat door-",
    "loopt op de volgende regel.",
    "12 (2024-2025) – Nr. 1 7",
    "Vlaams Parlement",  # 20
    "Tot slot nog een zin.",
    "1.2 OD We ondersteunen sportclubs",
    "",
    "Clubs krijgen een werkingssubsidie.",
    " 2. Strategische doelstelling: Sport is veilig",  # 25
    "",
    "OD 2.1 We pakken grensoverschrijdend gedrag aan",
    "",
    "Meldpunten worden uitgebouwd.",
    " IV. LIJST MET AFKORTINGEN",  # 30
    "SD: strategische doelstelling",
    "OD: operationele doelstelling",
    " V. REGELGEVINGSAGENDA",
    "",
    "1. Nieuwe decreten ter uitvoering van het regeerakkoord",  # 35
    "",
    "Bewegen & Gezondheid",
    "",
    "Decreet op de sportinfrastructuur van",
    "het jaar 2010",  # 40
    "",
    "Omschrijving: Het decreet wordt herschreven. Een ontwerp volgt",
    "in 2026.",
    "",
    "Cultuur",  # 45
    "",
    "Decreet op de musea",
    "",
    "Omschrijving: Wordt geëvalueerd.",
]


def parsed():
    return parse_policy_note(clean_lines(NOTE))


def test_goals_come_from_the_objectives_chapter_only():
    plan = parsed()
    assert [g.id for g in plan.goals] == ["SD1", "OD1.1", "OD1.2", "SD2", "OD2.1"]
    assert plan.kind == "beleidsnota"


def test_sd_written_as_a_chapter_heading_with_a_label_and_a_wrapped_title():
    sd1 = parsed().goals[0]
    assert (sd1.level, sd1.number, sd1.label) == ("SD", "1", "Bewegen")
    assert sd1.title == "We zorgen dat elke inwoner wekelijks kan sporten"
    assert sd1.text == "Sport brengt mensen samen."
    assert (sd1.first_line, sd1.last_line) == (8, 11)
    assert sd1.parent is None


def test_od_text_runs_to_the_next_heading_without_page_furniture():
    od = parsed().goals[1]
    assert od.title == "We bouwen sporthallen in elke gemeente"
    assert od.parent == "SD1"
    assert od.text == (
        "We investeren in infrastructuur. Een eerste punt dat doorloopt op de volgende regel. "
        "Tot slot nog een zin."
    )
    assert (od.first_line, od.last_line) == (13, 21)


def test_number_before_the_level_and_sd_without_label():
    goals = {g.id: g for g in parsed().goals}
    assert goals["OD1.2"].title == "We ondersteunen sportclubs"
    assert goals["OD1.2"].parent == "SD1"
    assert goals["SD2"].label is None
    assert goals["SD2"].title == "Sport is veilig"
    assert goals["SD2"].text is None
    assert goals["OD2.1"].text == "Meldpunten worden uitgebouwd."


def test_regulatory_agenda_items_are_linked_to_the_sd_their_domain_names():
    plan = parsed()
    first, second = plan.actions
    assert first.id == "SD1/R1"
    assert first.number is None
    assert first.kind == "regelgevingsinitiatief"
    assert first.goal == "SD1"
    assert first.title == "Decreet op de sportinfrastructuur van het jaar 2010"
    assert first.description == "Het decreet wordt herschreven. Een ontwerp volgt in 2026."
    assert (
        first.category
        == "Nieuwe decreten ter uitvoering van het regeerakkoord – Bewegen & Gezondheid"
    )
    assert (first.first_line, first.last_line) == (39, 43)
    assert second.id == "R1"
    assert second.goal is None
    assert second.title == "Decreet op de musea"
    messages = [w.message for w in plan.warnings]
    assert any("'Bewegen & Gezondheid'" in m and "linked to SD1" in m for m in messages)
    assert any("'Cultuur' name no goal" in m for m in messages)


def test_abbreviations_and_metadata():
    plan = parsed()
    assert [(a.short, a.long) for a in plan.abbreviations] == [
        ("SD", "strategische doelstelling"),
        ("OD", "operationele doelstelling"),
    ]
    # No span in the text: the term is read from the parliamentary running head.
    assert (plan.period_start, plan.period_end) == (2024, 2029)
    assert plan.title.startswith("Beleidsnota")
    assert plan.title.endswith("2024-2029")


def test_a_table_of_contents_entry_is_not_the_goal():
    plan = parse_policy_note(
        clean_lines(
            [
                "SD 1 Iets bereiken",
                "OD 1.1 Eerste doel 3",
                "OD 1.2 Tweede doel 4",
                " SD 1 Iets bereiken",
                "Inleidende tekst.",
                "OD 1.1 Eerste doel",
                "Tekst van het eerste doel.",
                "OD 1.2 Tweede doel",
                "Tekst van het tweede doel.",
            ]
        )
    )
    goals = {g.id: g for g in plan.goals}
    assert goals["OD1.1"].title == "Eerste doel"
    assert goals["OD1.1"].first_line == 6
    assert goals["OD1.1"].text == "Tekst van het eerste doel."
    assert goals["OD1.1"].also_lines == []
    assert goals["SD1"].first_line == 4


def test_an_od_without_its_sd_is_kept_without_parent_and_warned():
    plan = parse_policy_note(clean_lines(["OD 3.1 Los doel", "Tekst.", "OD 3.2 Nog een", "Meer."]))
    assert [g.parent for g in plan.goals] == [None, None]
    assert sum("has no SD3 heading" in w.message for w in plan.warnings) == 2


def test_odd_input_does_not_crash():
    for rows in (
        [],
        [""],
        ["SD 1"],
        ["OD 1.1"],
        ["I. INLEIDING"],
        ["V. REGELGEVINGSAGENDA", "Omschrijving:"],
    ):
        plan = parse_policy_note(clean_lines(rows))
        assert plan.goals == [] and plan.actions == []


def test_heading_forms():
    def heading(*rows):
        found = parse_goal_heading(clean_lines(list(rows)), 0)
        return (found.id, found.title, found.label) if found else None

    assert heading("OD 2.3. Wij doen iets") == ("OD2.3", "Wij doen iets", None)
    assert heading("2.3 OD Wij doen iets") == ("OD2.3", "Wij doen iets", None)
    assert heading("1.2. SD 4 ‘Naam’: Een doel", "dat wrapt") == (
        "SD4",
        "Een doel dat wrapt",
        "Naam",
    )
    assert heading("SD 3 ‘Naam’:Zonder spatie") == ("SD3", "Zonder spatie", "Naam")
    assert heading("3. Operationele doelstelling 3.1: Iets") == ("OD3.1", "Iets", None)
    assert heading("OD 1.1 Titel", " Nieuwe pagina met tekst") == ("OD1.1", "Titel", None)
    assert heading("OD 1.2 We zorgen voor wonen, enz.") == (
        "OD1.2",
        "We zorgen voor wonen, enz.",
        None,
    )
    # References and sentences are no headings.
    assert heading("OD 2.5) en verder") is None
    assert heading("SD 1 en SD 2 samen") is None
    assert heading("SDG 5 Gendergelijkheid") is None
    assert heading("OD 1 Zonder tweede cijfer") is None
    assert heading("OD 1.1 Inhoud ........ 5") is None
    assert heading("1. Kennis van het Nederlands") is None


def test_section_headings_are_told_apart_from_numbered_list_items():
    assert section_heading("1. ISE SPORT EN JEUGD") == "ISE SPORT EN JEUGD"
    assert section_heading("1.4. Budgettair kader voor het begrotingsjaar") == (
        "Budgettair kader voor het begrotingsjaar"
    )
    assert section_heading("1. Kennis van het Nederlands") is None
    assert section_heading("2023 AO TO LO") is None


def test_metadata_helpers():
    lines = clean_lines(
        ["Volgens het Vlaams regeerakkoord", "2030-2035 en het plan 2031-2033 en plan 2031-2033."]
    )
    assert guess_term(lines) == (2030, 2035)
    lines = clean_lines(["Het sport-, cultuur- en welzijnsbeleid"])
    assert guess_field_name(lines) is None  # `sport` and `cultuur` are no known policy fields
    lines = clean_lines(["het armoede-, integratie- en inburgeringsbeleid"])
    assert guess_field_name(lines) == "Armoedebestrijding, Integratie en Inburgering"
    lines = clean_lines(["V. BELEIDSVELD WERK EN SOCIALE ECONOMIE"])
    assert guess_field_name(lines) == "Werk en Sociale Economie"
