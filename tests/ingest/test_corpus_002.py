"""Corpus document 002: the measure sheets (actiefiches) of the integration plan 2016-2019.

Expected values come from reading the document: 5 SDs and 11 OD headings, one OD (1.3)
that only a sheet names, and 62 measure sheets, each opening with `Maatregel`.
"""

from collections import Counter

import pytest

from beleidsmonitor.ingest import parse
from tests.corpus import corpus_file


@pytest.fixture(scope="module")
def plan() -> dict:
    return parse(corpus_file("002"))


@pytest.fixture(scope="module")
def actions(plan) -> dict[str, dict]:
    return {action["id"]: action for action in plan["actions"]}


def years(action: dict) -> list[int]:
    return [m["year"] for m in action["milestones"]]


def test_plan_metadata(plan):
    assert plan["plan"]["kind"] == "actieplan"
    assert plan["plan"]["title"] == "Horizontaal Integratiebeleidsplan – bijlage actiefiches"
    assert plan["plan"]["period"] == {"start": 2016, "end": 2019}


def test_goals(plan):
    goals = {goal["id"]: goal for goal in plan["goals"]}
    assert list(goals) == [
        "SD1", "OD1.1", "OD1.2", "OD1.3",
        "SD2", "OD2.1", "OD2.2",
        "SD3", "OD3.1", "OD3.2",
        "SD4", "OD4.1", "OD4.2", "OD4.4",
        "SD5", "OD5.1", "OD5.2",
    ]  # fmt: skip
    assert goals["SD1"]["title"].startswith("Tegen 2019 is de participatie van personen")
    assert (
        goals["SD4"]["title"]
        == "Het horizontaal integratiebeleid is afgestemd, onderbouwd en gedragen"
    )
    assert goals["OD4.2"]["title"] == (
        "We verhogen de betrokkenheid van personen van buitenlandse herkomst bij het beleid"
    )
    assert goals["OD3.2"]["lines"] == [4842, 4843]
    assert goals["OD5.2"]["parent"] == "SD5"
    # OD 1.3 has no heading: it is taken from the sheet that names it.
    assert goals["OD1.3"]["parent"] == "SD1"
    assert goals["OD1.3"]["title"].startswith("Besturen, organisaties en voorzieningen")
    assert goals["OD1.3"]["lines"] == [1407, 1409]


def test_measures_per_goal(plan):
    assert len(plan["actions"]) == 62
    per_goal = Counter(action["goal"] for action in plan["actions"])
    assert per_goal == {
        "OD1.1": 8, "OD1.2": 14, "OD2.1": 3, "OD2.2": 6, "OD3.1": 1, "OD3.2": 2,
        "OD4.1": 5, "OD4.2": 3, "OD4.4": 4, "OD5.1": 9, "OD5.2": 7,
    }  # fmt: skip
    assert all(
        action["kind"] == "maatregel" and action["number"] is None for action in plan["actions"]
    )
    assert all(action["milestones"] for action in plan["actions"])


def test_effect_indicators_on_the_strategic_goals(plan):
    goals = {goal["id"]: goal for goal in plan["goals"]}
    sd1 = [i["text"] for i in goals["SD1"]["indicators"]]
    assert "Toename van personeel van buitenlandse herkomst" in sd1
    assert "Doorstroom- (naar acties) Uitstroomindicatoren, naar migratieachtergrond." in sd1
    assert {i["level"] for i in goals["SD1"]["indicators"]} == {"effect"}
    sd5 = [i["text"] for i in goals["SD5"]["indicators"]]
    # Repeated in three sheets, kept once.
    assert sd5.count("Onderwijsparticipatie van kinderen van woonwagenbewoners neemt toe") == 1
    assert goals["OD1.1"]["indicators"] == []
    # `een beperkt aantal jongeren` (line 2886) is no count.
    missing_link = next(i for i in goals["SD1"]["indicators"] if "missing link" in i["text"])
    assert missing_link["kind"] == "qualitative"


def test_vlam_2020(actions):
    action = actions["OD1.1/M1"]
    assert action["lines"] == [7, 136]
    assert action["title"].startswith("Vlam 2020: via een individuele en persoonsgerichte aanpak")
    assert action["title"].endswith(
        "zelfredzaamheid stimuleren en hen duurzaam toeleiden naar werk."
    )
    assert action["responsible"] == ["Werk"]
    assert action["administrations"] == ["VDAB"]
    assert action["cooperating"] == []
    assert action["partners"] == []
    assert [(i["text"], i["target"]) for i in action["indicators"]] == [
        ("Analyserapport maatwerk", None)
    ]
    assert action["budget"] == {"text": "Binnen de reguliere budgetten", "amount_eur": None}
    assert action["timeline"] == {"text": "2018 - 2019", "start": "2018-01-01", "end": "2019-12-31"}
    assert action["description"].startswith("Vlam 2020 richt zich naar alle werkzoekenden")


def test_raming_glued_to_the_statement(actions):
    action = actions["OD1.1/M3"]
    assert action["title"] == (
        "We lanceren proeftuinen voor duurzame kwalitatieve kleuterparticipatie via ouderbetrokkenheid."
    )
    assert action["budget"]["amount_eur"] == 2000000.0
    assert action["responsible"] == ["Integratie en Inburgering"]
    assert action["administrations"] == ["Agentschap Binnenlands Bestuur"]
    assert action["partners"][0] == "Departement WSE"
    assert len(action["indicators"]) == 2
    assert action["indicators"][1]["text"] == (
        "bundeling van de kennis in een publicatie en de organisatie van een slotconferentie"
    )
    assert years(action) == [2017, 2018, 2019]


def test_sheet_for_several_goals(actions):
    """`Maatregelen vanuit het Strategisch Plan Geletterdheid`: SD 1 and SD 4, OD 1.1, 1.2, 4.4."""
    action = actions["OD1.1/M5"]
    assert action["lines"][0] == 514
    assert action["title"].startswith("Maatregelen vanuit het Strategisch Plan Geletterdheid")
    assert action["also_goals"] == ["OD1.2", "OD4.4"]
    assert action["responsible"] == ["Onderwijs"]
    assert action["administrations"] == ["Departement Onderwijs en Vorming"]
    assert action["cooperating"] == [
        "Armoedebestrijding en Integratie",
        "Welzijn, Volksgezondheid en Gezin",
        "Werk",
        "Cultuur Jeugd Sport Media",
        "Algemeen Regeringsbeleid",
    ]
    assert "Agentschap Binnenlands Bestuur" in action["partners"]
    assert action["budget"]["amount_eur"] == 12500.0
    texts = [i["text"] for i in action["indicators"]]
    # Items after the page break belong to the indicators, not to the `n.v.t.` target.
    # The numbered group labels (lines 613, 632-634, 648) head their items; they are no
    # indicators of their own.
    assert len(texts) == 8
    assert (
        "Sensibilisering: een werking van ambassadeurs en ervaringsdeskundigen; "
        "aantal + waar zijn ze ingezet"
    ) in texts
    assert texts[3].startswith("Samenwerking CBE – leerplichtonderwijs: het uitgewerkte concept")
    assert texts[-1] == (
        "Vorming en nascholing: initiatieven naar opleiding van leraren en maatschappelijk werkers"
    )
    assert {i["target"] for i in action["indicators"]} == {None}
    assert action["milestones"][0]["staffing"] == "wisselende VTE inzet bij verschillende partners."
    assert action["timeline"]["text"] == "2015 - 2019"


def test_od_headings_mid_line_and_a_span_of_years(actions):
    action = actions["OD1.2/M2"]
    assert action["title"] == "Realiseren van een samenwerkingsverband geïntegreerd breed onthaal"
    assert action["goal"] == "OD1.2"
    assert action["administrations"] == ["Departement WVG afdeling W&S"]
    assert [i["text"] for i in action["indicators"]] == [
        "Conceptnota",
        "Netwerken",
        "uitrol in Vlaanderen",
    ]
    assert {i["target"] for i in action["indicators"]} == {"Toepassing in gans Vlaanderen."}
    assert [(m["year"], m.get("until")) for m in action["milestones"]] == [
        (2015, None),
        (2016, 2018),
        (2019, None),
    ]


def test_od_only_named_in_the_sheet(actions):
    action = actions["OD1.2/M1"]
    assert action["also_goals"] == ["OD1.3"]
    assert action["responsible"] == ["Welzijn"]
    assert action["administrations"] == [
        "Alle agentschappen en afdelingen WVG",
        "coördinatie Departement WVG",
    ]
    assert action["partners"] == ["Nog toe te wijzen partners projecten"]


def test_streefwaarde_glued_to_the_indicator(actions):
    action = actions["OD1.2/M11"]
    assert [(i["text"], i["target"], i["kind"]) for i in action["indicators"]] == [
        ("Aantal dossiers bij aanmeldpunten", "Min. 150 dossiers op jaarbasis", "count")
    ]
    assert action["budget"]["amount_eur"] == 123560.0
    assert action["partners"] == ["Federale Dienst Voogdij (FOD Justitie)"]
    # The 2019 row is empty: the timeline ends with the last milestone.
    assert action["timeline"]["text"] == "2015 - 2018"
    assert action["milestones"][0]["staffing"] == "2 VTE"


def test_sheet_naming_a_later_od_than_its_heading(plan, actions):
    action = actions["OD2.2/M1"]
    assert action["title"].startswith("SYNTRA Vlaanderen ondersteunt verder (door co-financiering)")
    assert action["responsible"] == ["Werk"]
    assert action["budget"]["amount_eur"] == 150000.0
    assert action["milestones"][0]["staffing"] == "+/- 1 VTE TLC per SYNTRA"
    assert {
        "line": 3845,
        "message": "measure sheet names OD2.2 but stands under the heading OD2.1",
    } in plan["warnings"]


def test_sheet_under_od_3_1_that_names_od_1_2_first(actions):
    action = actions["OD1.2/M14"]
    assert action["lines"][0] == 4681
    assert action["also_goals"] == ["OD3.1", "OD4.4"]
    assert action["partners"] == ["VLHORA", "Lerarenopleidingen", "Koning Boudewijnstichting"]
    assert [(i["text"], i["target"]) for i in action["indicators"]] == [
        (
            "Aantal ondersteunde studenttutoringsprojecten",
            "7-tal projecten in 2016, 2017; een 13-tal in 2018 en 2019.",
        )
    ]
    assert action["budget"]["amount_eur"] == 115000.0


def test_misnumbered_od_read_by_its_title(plan, actions):
    action = actions["OD3.2/M1"]
    assert action["title"].startswith("Via een projectoproep zorgt de Vlaamse overheid")
    assert action["budget"]["amount_eur"] == 1500000.0
    assert action["partners"] == ["Departement WSE (afdeling ESF)"]
    assert action["timeline"]["text"] == "2016 - 2019"
    assert any(
        w["line"] == 4880 and "OD 3.3, read as OD3.2" in w["message"] for w in plan["warnings"]
    )


def test_streefwaarde_split_over_two_lines(actions):
    action = actions["OD4.2/M2"]
    assert action["administrations"] == [
        "Departement Onderwijs en Vorming",
        "afdeling Secundair Onderwijs en Leerlingenbegeleiding",
    ]
    assert len(action["indicators"]) == 2
    assert action["indicators"][0]["text"].startswith(
        "Nieuwe beheersovereenkomsten met de ouderkoepelverenigingen"
    )
    assert action["budget"]["amount_eur"] == 1201000.0
    assert years(action) == [2018, 2019, 2020, 2021]
    assert action["timeline"]["end"] == "2021-12-31"


def test_short_sd_heading_inside_a_sheet(actions):
    action = actions["OD4.4/M4"]
    assert action["title"].startswith("Het jeugdwerk en het jeugdbeleid bouwt door internationale")
    assert action["responsible"] == ["Jeugd", "Buitenlandse Zaken"]
    assert [(i["text"], i["target"]) for i in action["indicators"]] == [
        ("Aanbeveling Raad van Europa en output van het project", None)
    ]
    assert action["budget"]["amount_eur"] == 80000.0
    assert years(action) == [2016, 2018, 2019]


def test_operationele_doelstelling_split_over_lines(actions):
    action = actions["OD5.2/M2"]
    assert action["title"] == "Een mobiel vaccinatieteam wordt mee ingezet op doortrekkersterreinen"
    assert action["responsible"] == ["Welzijn, Volksgezondheid en Gezin"]
    assert action["administrations"] == ["Zorg en Gezondheid"]
    assert action["cooperating"] == ["Welzijn, Volksgezondheid en Gezin"]
    assert action["partners"] == ["Kind en Gezin", "Lokale beheerders van de doortrekkersterreinen"]
    assert action["indicators"] == []
    assert action["budget"] == {"text": "Algemene werking", "amount_eur": None}


def test_sheet_under_od_5_2_that_names_od_5_1_first(actions):
    action = actions["OD5.1/M8"]
    assert action["lines"][0] == 6994
    assert action["also_goals"] == ["OD5.2"]
    assert action["cooperating"] == ["Ministers bevoegd voor de relevante beleidsdomeinen"]
    assert action["partners"][:2] == ["Andere relevante beleidsdomeinen", "Minderhedenforum"]
    assert [i["text"] for i in action["indicators"]] == [
        "Publicatie onderzoek",
        "Overzicht van prioritair aan te pakken problemen",
        "Overzicht goede praktijken en aanbevelingen",
    ]
    assert action["budget"]["amount_eur"] == 135000.0


def test_andere_partners_in_the_statement_is_no_label(actions):
    action = actions["OD2.1/M2"]
    assert action["title"].endswith(
        "en andere partners (die werken met anderstalige werkzoekenden)."
    )
    assert action["budget"]["text"] == "Binnen de reguliere budgetten"
    assert action["responsible"] == ["Werk", "Integratie en Inburgering", "Onderwijs"]
    assert action["partners"] == [
        "Onderwijs",
        "Agentschappen Integratie en Inburgering",
        "opleidingspartners",
        "de sectoren",
    ]
    assert [i["target"] for i in action["indicators"]] == [
        "Flexibel, afhankelijk van de vraag.",
        "Werking is sterk afhankelijk van instroom van nieuwkomers (EU en derdelanders)",
    ]


def test_footnote_links_are_reported_not_kept(plan, actions):
    assert "http" not in actions["OD2.2/M5"]["description"]
    assert any(
        w["line"] == 4339 and "footnote link(s) left out" in w["message"] for w in plan["warnings"]
    )


def test_names_joined_by_en_in_a_narrow_column(actions):
    """`Integratie en Inburgering en Onderwijs` (line 3440) are two cabinets; `Kind en
    Gezin` and `Welzijn, Volksgezondheid en Gezin` stay one name each."""
    assert actions["OD2.1/M1"]["responsible"] == ["Integratie en Inburgering", "Onderwijs"]
    assert actions["OD2.1/M1"]["administrations"] == [
        "Departement Onderwijs en Vorming",
        "Agentschap Binnenlands Bestuur",
    ]
    assert actions["OD1.2/M6"]["responsible"] == ["Onderwijs", "Werk"]
    assert actions["OD2.1/M3"]["administrations"] == ["Departement Onderwijs en Vorming", "AGODI"]
    assert actions["OD4.4/M4"]["administrations"] == [
        "Departement Cultuur, Jeugd en Media",
        "Departement Buitenlandse Zaken",
    ]
    assert "Vlaamse Maatschappij voor Sociaal Wonen (VMSW)" in actions["OD5.1/M3"]["partners"]
    assert actions["OD1.2/M4"]["administrations"] == ["Kind en Gezin"]
    assert actions["OD5.2/M1"]["responsible"] == ["Welzijn, Volksgezondheid en Gezin"]
    assert actions["OD1.1/M5"]["cooperating"][0] == "Armoedebestrijding en Integratie"


def test_phased_output_indicators_with_glued_bullets(actions):
    """Lines 1068-1100: `Fase 1:` over `-Procesmatig verslag` and three more."""
    texts = [i["text"] for i in actions["OD1.1/M6"]["indicators"]]
    assert texts == [
        "Voorbereidende fase: Desk & partner search report",
        "Fase 1: Procesmatig verslag",
        "Fase 1: Vertaalslag naar Vlaanderen met toevoeging van het product",
        "Fase 1: Evaluatie van de Vlaamse en transnationale samenwerking",
        "Fase 1: Disseminatiestrategie",
        "Fase 2: ESF eindrapportage totaal project (eindproduct + disseminatie).",
    ]


def test_partner_lists_under_labels_and_a_lead_in(actions):
    """Lines 1549-1559: two labelled lists; lines 2500-2520: a sentence ending in a colon
    over a list whose bullets the extraction lost."""
    assert actions["OD1.2/M2"]["partners"][3:] == [
        "Vertegenwoordigers doelgroep en basisactoren: Samenlevingsopbouw",
        "Vertegenwoordigers doelgroep en basisactoren: Verenigingen Waar Armen het Woord Nemen",
        "Vertegenwoordigers doelgroep en basisactoren: patiëntenverenigingen",
    ]
    partners = actions["OD1.2/M6"]["partners"]
    assert partners[partners.index("Bestuurszaken") - 1].endswith("Wetenschap en Innovatie):")
