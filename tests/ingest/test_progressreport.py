"""The progress report parser on a small report written for these tests."""

import pytest

from beleidsmonitor.ingest.clean import clean_lines
from beleidsmonitor.ingest.objectives import drop_artefacts, drop_tables
from beleidsmonitor.ingest.progressreport import parse_progress_report
from beleidsmonitor.ingest.records import ParsedPlan
from beleidsmonitor.ingest.text import join_text

REPORT = [
    " I. INLEIDING",  # 1
    "In 2025 werkten we verder aan het Vlaams regeerakkoord 2024-",
    "2029 en deze Beleids- en Begrotingstoelichting vat dat samen.",
    " II. SAMENVATTING",
    "(duizend euro)",  # 5
    "2025 AO TO LO",
    "1e BA 10 0 0",
    " III. BELEIDSVELD SPORT EN JEUGD",
    "",
    "1. ISE SPORT",  # 10
    "",
    "1.1. SD 1 ‘Bewegen’: We zorgen dat elke inwoner wekelijks kan",
    "sporten",
    "",
    "OD 1.1 We bouwen sporthallen",  # 15
    "",
    "In 2025 openden drie hallen.",
    "(duizend euro)",
    "2025 AO TO LO",
    "1e BA 10 0 0",  # 20
    "BU 12 0 0",
    "De vierde volgt",
    "",
    "Peeters Anna",
    "klopt dit cijfer?\ufffd",  # 25
    "",
    "",
    "9",
    "",
    "in 2026.",  # 30
    "1.2. Budgettair kader voor het begrotingsjaar",
    "(duizend euro)",
    "2025 AO TO LO",
    "Totaal 100 0 0",
    " 2. ISE JEUGD",  # 35
    "",
    "2.1. SD 1 Strategische doelstelling ‘Bewegen’: We zorgen dat elke",
    "inwoner wekelijks kan sporten",
    "",
    "OD 1.1 We bouwen sporthallen",  # 40
    "",
    "Ook jeugdhuizen kregen een sportzaal.",
    "",
    "OD 1.2 We steunen clubs",
    "",  # 45
    "Clubs kregen subsidies.",
    " IV. LIJST MET AFKORTINGEN",
    "ISE: Inhoudelijk structuurelement BU: Begrotingsuitvoering",
    "VIII. BIJLAGE ‘OVERZICHT BELEIDS- EN REGELGEVINGSINITIATIEVEN’",
    "",  # 50
    "1. Uitgevoerde beleidsinitiatieven",
    "",
    "SD 1 ‘Bewegen’: We zorgen dat elke inwoner wekelijks kan",
    "sporten",
    "",  # 55
    "- Opening van drie sporthallen",
    "- Uitrol van het e-",
    "",
    "sportplatform voor alle clubs",
    "- Ondersteunde projecten:",  # 60
    "o ‘Fit op school’ van vzw Beweeg",
    "o Project rond zwemles van de stad",
    "- Voor het onderzoek, zie infra",
    "",
    "2. Beleidsevaluaties en onderzoeksinitiatieven",  # 65
    "",
    "SD 1 ‘Bewegen’: We zorgen dat elke inwoner wekelijks kan sporten",
    "- Studie naar sportdeelname",
    "",
    "3. Nieuwe en belangrijke wijzigingen Vlaamse decreten en besluiten",  # 70
    "",
    "SD 1 ‘Bewegen’: We zorgen dat elke inwoner wekelijks kan sporten",
    "",
    "Wijziging van het sportdecreet",
    "",  # 75
    "- Titel",
    "Ontwerp van decreet tot wijziging van het sportdecreet.",
    "",
    "- Korte omschrijving",
    "Het decreet regelt twee zaken:",  # 80
    "o De erkenning van clubs",
    "o De",
    "",
    "subsidies voor trainers",
    "",  # 85
    "Daarnaast wordt een fout rechtgezet.",
    "- Uitvoering van de vooropgestelde planning (met inbegrip van",
    "adviezen)",
    "o Eerste principiële goedkeuring: 03/02/2025",
    "o Advies Sportraad: 30/02/2025",  # 90
    "o Definitieve goedkeuring nog te plannen",
    "- Betrokken entiteiten van de Vlaamse overheid",
    "o Departement Sport",
    " Besluit over sportkampen",
    "- Titel",  # 95
    "Besluit van de Vlaamse Regering over sportkampen",
    "",
    "4. Decreetsevaluaties",
    "N.v.t.",
    "",  # 100
    "SD 7 Een doel dat de nota niet kent",
    "- Iets",
]


@pytest.fixture(scope="module")
def plan():
    return parse_progress_report(clean_lines(REPORT))


def messages(plan):
    return [w.message for w in plan.warnings]


def test_metadata(plan):
    assert plan.kind == "voortgangsrapport"
    assert (plan.period_start, plan.period_end) == (2024, 2029)
    assert plan.report_year == 2025
    assert plan.policy_field == "Sport en Jeugd"
    assert plan.title == "Beleids- en begrotingstoelichting Sport en Jeugd 2025"
    meta = plan.to_json(file=None, sha256=None, line_count=1)["plan"]
    assert meta["report_year"] == 2025


def test_goal_written_up_per_budget_entity_is_one_goal(plan):
    assert [g.id for g in plan.goals] == ["SD1", "OD1.1", "OD1.2"]
    sd1, od11, od12 = plan.goals
    assert sd1.label == "Bewegen"
    assert sd1.title == "We zorgen dat elke inwoner wekelijks kan sporten"
    assert sd1.also_lines == [(37, 38)]
    assert (od11.first_line, od11.last_line) == (15, 30)
    assert od11.also_lines == [(40, 42)]
    assert od12.parent == "SD1"
    assert od12.text == "Clubs kregen subsidies."


def test_goal_text_without_tables_comments_and_page_numbers(plan):
    od11 = plan.goals[1]
    assert od11.text == (
        "In 2025 openden drie hallen. De vierde volgt in 2026. "
        "Ook jeugdhuizen kregen een sportzaal."
    )
    assert any(
        m.startswith("table left out of the text of OD1.1 (lines 18-21)") for m in messages(plan)
    )
    assert any(
        m.startswith("review comment left in the PDF removed (lines 24-25)") for m in messages(plan)
    )


def test_budget_sections_and_narrative_chapters_stay_out(plan):
    assert any(
        "budget section 'Budgettair kader voor het begrotingsjaar' (lines 31-34)" in m
        for m in messages(plan)
    )
    assert not any("SAMENVATTING" in m or "INLEIDING" in m for m in messages(plan))


def test_abbreviations(plan):
    assert [(a.short, a.long) for a in plan.abbreviations] == [
        ("ISE", "Inhoudelijk structuurelement"),
        ("BU", "Begrotingsuitvoering"),
    ]


def test_annex_bullets_become_initiatives_of_their_section_kind(plan):
    actions = {a.id: a for a in plan.actions}
    assert [a.id for a in plan.actions[:5]] == ["SD1/B1", "SD1/B2", "SD1/B3", "SD1/B4", "SD1/O1"]
    assert actions["SD1/B1"].title == "Opening van drie sporthallen"
    assert actions["SD1/B1"].kind == "beleidsinitiatief"
    assert actions["SD1/B1"].goal == "SD1"
    assert actions["SD1/B1"].category == "Uitgevoerde beleidsinitiatieven"
    assert actions["SD1/B2"].title == "Uitrol van het e-sportplatform voor alle clubs"
    assert (actions["SD1/B2"].first_line, actions["SD1/B2"].last_line) == (57, 59)
    # Sub-bullets are the initiatives; the bullet above them names their group.
    assert actions["SD1/B3"].title == "‘Fit op school’ van vzw Beweeg"
    assert actions["SD1/B3"].category == "Uitgevoerde beleidsinitiatieven – Ondersteunde projecten"
    assert actions["SD1/B4"].title == "Project rond zwemles van de stad"
    assert actions["SD1/O1"].kind == "onderzoeksinitiatief"
    assert actions["SD1/O1"].title == "Studie naar sportdeelname"
    assert any("cross-reference 'Voor het onderzoek, zie infra'" in m for m in messages(plan))


def test_annex_field_blocks_become_regulatory_initiatives(plan):
    actions = {a.id: a for a in plan.actions}
    first = actions["SD1/R1"]
    assert first.kind == "regelgevingsinitiatief"
    assert first.title == "Wijziging van het sportdecreet"
    assert first.official_title == "Ontwerp van decreet tot wijziging van het sportdecreet"
    assert first.description == (
        "Het decreet regelt twee zaken: De erkenning van clubs; De subsidies voor trainers. "
        "Daarnaast wordt een fout rechtgezet."
    )
    assert [(m.text, m.date) for m in first.milestones] == [
        ("Eerste principiële goedkeuring", "2025-02-03"),
        ("Advies Sportraad: 30/02/2025", None),
        ("Definitieve goedkeuring nog te plannen", None),
    ]
    assert first.partners == ["Departement Sport"]
    assert (first.first_line, first.last_line) == (74, 93)
    second = actions["SD1/R2"]
    assert second.title == "Besluit over sportkampen"
    assert second.official_title == "Besluit van de Vlaamse Regering over sportkampen"
    assert second.description is None
    json = first.to_json()
    assert json["milestones"][0] == {"text": "Eerste principiële goedkeuring", "date": "2025-02-03"}
    assert json["category"] == "Nieuwe en belangrijke wijzigingen Vlaamse decreten en besluiten"


def test_initiatives_under_an_unknown_goal_are_kept_without_goal(plan):
    last = plan.actions[-1]
    assert (last.id, last.goal, last.title) == ("R1", None, "Iets")
    assert any("listed under SD7, which is no goal of this plan" in m for m in messages(plan))
    assert len(plan.actions) == 8


def test_drop_tables_keeps_text_around_a_table():
    plan = ParsedPlan()
    lines = clean_lines(
        [
            "Voor.",
            "(duizend euro)",
            "VAK VEK",
            "2025 1e BA BU",
            "Uitgaven 1 2 3",
            "",
            "Na de tabel volgt tekst.",
        ]
    )
    assert [line.text for line in drop_tables(lines, plan, "test")] == [
        "Voor.",
        "Na de tabel volgt tekst.",
    ]
    assert len(plan.warnings) == 1


def test_drop_artefacts_keeps_a_link_that_is_not_repeated():
    plan = ParsedPlan()
    lines = clean_lines(
        [
            "Zie www.voorbeeld.be/sport voor meer.",
            "http://www.voorbeeld.be/sport/",
            "https://ander.be/x",
        ]
    )
    assert [line.text for line in drop_artefacts(lines, plan)] == [
        "Zie www.voorbeeld.be/sport voor meer.",
        "https://ander.be/x",
    ]


def test_join_text_keeps_the_hyphen_after_a_one_letter_prefix():
    assert join_text(["de e-", "inclusie"]) == "de e-inclusie"
    assert join_text(["het be-", "leid"]) == "het beleid"


def test_odd_input_does_not_crash():
    for rows in (
        [],
        ["VIII. BIJLAGE ‘OVERZICHT BELEIDSINITIATIEVEN’", "- Titel", "o x"],
        ["1.4. Budgettair kader"],
    ):
        parse_progress_report(clean_lines(rows))


def test_a_sentence_that_starts_like_a_label_stays_text():
    plan = parse_progress_report(
        clean_lines(
            [
                "SD 1 Een doel",
                "Tekst.",
                "VIII. REGELGEVINGSAGENDA",
                "SD 1 Een doel",
                "Decreet over iets",
                "- Korte omschrijving",
                "Het decreet wordt herzien.",
                "Betrokken partners zijn de steden en gemeenten.",
                "- Betrokken partners",
                "o Een agentschap",
            ]
        )
    )
    (action,) = plan.actions
    assert action.description == (
        "Het decreet wordt herzien. Betrokken partners zijn de steden en gemeenten."
    )
    assert action.partners == ["Een agentschap"]
    assert action.kind == "regelgevingsinitiatief"
