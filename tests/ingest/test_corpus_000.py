"""Corpus 000: the integration action plan 2025-2029 (Geïntegreerd Actieplan Horizontaal
Integratiebeleid). Expected values were read from the document."""

import pytest

from beleidsmonitor.ingest import parse
from tests.corpus import corpus_file

FULL_PERIOD = ("Volledige regeerperiode", "2025-01-01", "2029-12-31")


@pytest.fixture(scope="module")
def plan():
    return parse(corpus_file("000"))


@pytest.fixture(scope="module")
def actions(plan):
    return {a["number"]: a for a in plan["actions"]}


def timeline(action):
    t = action["timeline"]
    return (t["text"], t["start"], t["end"])


def indicator_texts(action):
    return [i["text"] for i in action["indicators"]]


def test_plan_metadata(plan):
    assert plan["plan"] == {
        "title": "Geïntegreerd Actieplan Horizontaal Integratiebeleid",
        "kind": "actieplan",
        "policy_field": "Integratie en inburgering",
        "period": {"start": 2025, "end": 2029},
    }


def test_counts(plan):
    levels = [g["level"] for g in plan["goals"]]
    assert levels.count("HD") == 4
    assert levels.count("OD") == 13
    assert len(plan["actions"]) == 42
    assert [a["number"] for a in plan["actions"]] == [str(n) for n in range(1, 43)]
    assert all(a["id"] == f"A{a['number']}" and a["kind"] == "actie" for a in plan["actions"])


def test_goal_tree(plan):
    tree = [(g["id"], g["parent"]) for g in plan["goals"]]
    assert tree == [
        ("HD1", None),
        ("OD1.1", "HD1"),
        ("OD1.2", "HD1"),
        ("OD1.3", "HD1"),
        ("HD2", None),
        ("OD2.1", "HD2"),
        ("OD2.2", "HD2"),
        ("OD2.3", "HD2"),
        ("OD2.4", "HD2"),
        # 2.2.5 and 2.2.6 are numbered inside chapter 2.2 but are ODs 3.1 and 3.2, and
        # HD 3's own text describes them: the number decides, the place is reported.
        ("OD3.1", "HD3"),
        ("OD3.2", "HD3"),
        ("HD3", None),
        ("OD3.3", "HD3"),
        ("OD3.4", "HD3"),
        ("HD4", None),
        ("OD4.1", "HD4"),
        ("OD4.2", "HD4"),
    ]


def test_goal_titles_and_texts(plan):
    goals = {g["id"]: g for g in plan["goals"]}
    assert goals["HD1"]["title"] == (
        "WE VERSTERKEN DE NEDERLANDSE TAAL ALS VERBINDENDE FACTOR IN DE SAMENLEVING"
    )
    assert goals["HD1"]["lines"] == [130, 132]
    assert goals["HD2"]["title"] == (
        "WE VERSTERKEN DE PARTICIPATIE EN ZELFREDZAAMHEID VAN PERSONEN VAN BUITENLANDSE HERKOMST"
    )
    assert goals["HD3"]["title"] == "WE VERSTERKEN DE SOCIALE COHESIE"
    assert goals["HD4"]["title"] == "WE BESTRIJDEN DISCRIMINATIE EN RACISME"
    assert goals["OD1.1"]["title"] == (
        "Er bestaat een Vlaanderenbreed ondersteuningsnetwerk voor taalbeleid"
    )
    assert goals["OD1.1"]["lines"] == [145, 145]
    assert goals["OD2.2"]["title"] == (
        "We bevorderen de participatie en zelfredzaamheid door middel van onderwijs"
    )
    assert goals["OD2.2"]["lines"] == [736, 738]
    assert goals["OD3.4"]["title"] == (
        "We zetten in op het versterken van sociale cohesie via genuanceerde beeldvorming"
    )
    assert goals["HD1"]["text"].startswith("Het Nederlands is een essentiële hefboom")
    assert goals["HD1"]["text"].endswith("binnen dit geïntegreerde actieplan.")
    # HD 2's text has a blank line after every line of the PDF; it is one paragraph.
    assert goals["HD2"]["text"].endswith("om bij te dragen en zich thuis te voelen")
    assert "  " not in goals["HD2"]["text"]
    assert goals["OD1.1"]["text"] is None


def test_warnings(plan):
    messages = [(w["line"], w["message"]) for w in plan["warnings"]]
    assert (
        1262,
        "OD3.1 stands under HD2 (section 2.2.5) but its number points to HD3; linked to HD3",
    ) in messages
    assert any(line == 1301 and "OD3.2" in m for line, m in messages)
    assert any(line == 1406 and "link" in m for line, m in messages)
    assert len(messages) == 3


def test_action_1_lists_and_trailing_paragraph(actions):
    a = actions["1"]
    assert a["title"] == "Begeleidingstraject taalbeleid"
    assert a["goal"] == "OD1.1"
    assert a["lines"] == [147, 214]
    assert a["description"].startswith("Een duurzaam taalbeleid binnen de Vlaamse overheid")
    # The paragraph after the objectives list is free text, not a fourth objective.
    assert a["description"].endswith("via een werkgroep horizonTAAL.")
    assert len(a["objectives"]) == 4
    assert a["objectives"][0] == (
        "Taaldrempels structureel wegwerken in communicatie, dienstverlening aan en "
        "participatie met anderstaligen."
    )
    assert a["objectives"][3].endswith("inzetten van sociaal tolken en vertalen.")
    assert a["results"] == [
        "Een aangepast referentiekader en begeleidingsmethodiek voor Vlaamse overheidsinstanties",
        "Concrete voorbeeldtrajecten als inspiratie",
        "Meer samenhang en afstemming tussen Vlaamse departementen en agentschappen rond "
        "taalbeleid",
        "Een voorbeeldrol van de Vlaamse overheid in het realiseren van taalbeleid",
    ]
    assert a["responsible"] == ["Minister van Integratie en Inburgering"]
    assert a["cooperating"] == [
        "Minister van Gelijke Kansen",
        "Minister van Justitie en Handhaving",
        "Minister van Onderwijs",
        "Minister van Sport",
        "Minister van Welzijn",
        "Minister van Werk",
        "Minister van Wonen",
    ]
    assert timeline(a) == FULL_PERIOD
    assert [(i["kind"], i["target"]) for i in a["indicators"]] == [("count", None)] * 3
    assert indicator_texts(a)[0] == (
        "Aantal departementen en agentschappen met een formeel goedgekeurd taalbeleid."
    )


def test_action_2_wrapped_title_and_value_below_its_label(actions):
    a = actions["2"]
    assert a["title"] == (
        "In kaart brengen van potentiële doorverwijzers naar NT2-aanbod en rechthebbende "
        "inburgering"
    )
    assert a["goal"] == "OD1.2"
    assert a["responsible"] == ["Minister van Integratie en Inburgering"]
    assert len(a["cooperating"]) == 8 and a["cooperating"][0] == "Minister van Brussel"
    assert timeline(a) == FULL_PERIOD
    assert indicator_texts(a) == [
        "Aantal in kaart gebrachte potentiële doorverwijzers per regio en sector.",
        "Aantal doorverwijzingen naar NT2-aanbod via nieuw geïdentificeerde partners.",
        "Aantal partners dat structureel doorverwijst naar NT2-aanbod.",
    ]


def test_action_3_starts_on_a_page_break_and_opens_a_call(actions):
    a = actions["3"]
    assert a["title"] == "Projectoproep Nederlands in Brussel"
    assert a["lines"][0] == 273
    assert a["responsible"] == ["Minister van Brussel"]
    assert a["cooperating"] == []
    assert timeline(a) == ("Projectoproep vanaf 1 maart 2026", "2026-03-01", None)
    assert a["description"].endswith(
        "• De overheid moet het Nederlands kennen en de Nederlandstalige dienstverlening garanderen"
    )
    assert [(i["text"], i["kind"]) for i in a["indicators"]] == [
        ("Groei in leer-, oefen- en gebruikskansen Nederlands in Brussel", "qualitative")
    ]


def test_action_4_label_on_a_page_break_and_one_indicator_over_three_lines(actions):
    a = actions["4"]
    assert a["responsible"] == ["Minister van Welzijn"]
    assert timeline(a) == (
        "De aangepaste regelgeving treedt in werking op 1 januari 2026.",
        "2026-01-01",
        "2026-01-01",
    )
    assert indicator_texts(a) == [
        "Aantal gepresteerde uren, gebruikte talen en soort hulpverlening (telefonisch, live "
        "of videobellen). Jaarlijks voor te leggen aan Departement Zorg."
    ]


def test_action_5_indicator_continued_after_a_blank_line(actions):
    a = actions["5"]
    assert a["description"].endswith("VRT NWS-site en -app worden voorgelezen met een AI-stem")
    assert [(i["text"], i["kind"], i["target"]) for i in a["indicators"]] == [
        ("Analyserapport", "deliverable", None),
        (
            "2 vernieuwende initiatieven waarin nog laagdrempeliger wordt gecommuniceerd",
            "count",
            "2",
        ),
    ]


def test_action_6_month_to_end_of_term(actions):
    a = actions["6"]
    assert a["title"] == "Versterken Nederlands via onderwijsplan Ieder Kind Taalheld"
    assert a["goal"] == "OD1.3"
    assert a["cooperating"] == ["Minister van Brussel", "Minister van Jeugd"]
    assert timeline(a) == ("09/2025 tot einde legislatuur", "2025-09-01", "2029-12-31")
    assert a["indicators"][0]["kind"] == "qualitative"
    assert a["indicators"][0]["target"] is None


def test_action_11_two_responsible_ministers(actions):
    a = actions["11"]
    assert a["goal"] == "OD2.1"
    assert a["responsible"] == ["Minister van Werk", "Minister van Integratie en Inburgering"]
    assert a["cooperating"] == ["Minister van Buitenlandse Zaken"]
    assert timeline(a) == ("2025 - 2027", "2025-01-01", "2027-12-31")
    assert [(i["text"], i["kind"]) for i in a["indicators"]] == [
        ("Aantal bijeenkomsten van de stuurgroep", "count"),
        ("Methodologisch en finaal rapport met aanbevelingen", "deliverable"),
    ]


def test_action_14_hyphen_at_line_end_and_label_on_page_break(actions):
    a = actions["14"]
    assert a["goal"] == "OD2.2"
    assert a["cooperating"] == []
    assert timeline(a) == ("2025-2029", "2025-01-01", "2029-12-31")
    assert indicator_texts(a)[0] == "Ingekorte afhandeltermijn aanvragen voor een diploma-erkenning"
    assert len(a["indicators"]) == 4
    assert indicator_texts(a)[3].startswith(
        "NARIC onderneemt de nodige stappen om met de onderwijs"
    )


def test_action_19_label_variant_minister_in_capitals(actions):
    a = actions["19"]
    assert a["responsible"] == ["Minister van Wonen"]
    assert a["cooperating"] == ["Minister van Werk"]
    assert indicator_texts(a)[2] == (
        "Aantal maal dat het informatieaanbod bezocht of geraadpleegd is (digitaal, analoog, "
        "fysieke bijeenkomsten)"
    )


def test_action_23_target_date(actions):
    a = actions["23"]
    assert a["title"] == "Aanspreekpunt handicap"
    assert timeline(a) == ("Streefdatum 1/1/2028", None, "2028-01-01")
    assert [i["kind"] for i in a["indicators"]] == ["count", "deliverable"]


def test_action_24_two_unbulleted_indicators(actions):
    a = actions["24"]
    assert a["responsible"] == ["Minister van Gelijke Kansen"]
    assert [(i["text"], i["kind"]) for i in a["indicators"]] == [
        ("Analyserapport", "deliverable"),
        ("Aantal gezamenlijke initiatieven", "count"),
    ]


def test_action_26_title_wrapped_after_a_preposition(actions):
    a = actions["26"]
    assert a["title"] == (
        "Versterken van gendergelijkheid en weerbaarheid binnen gezinnen met migratieachtergrond"
    )
    assert a["cooperating"] == ["Minister van Welzijn"]
    assert timeline(a) == ("2026 - 2027", "2026-01-01", "2027-12-31")
    assert a["indicators"][0]["target"] == "1"


def test_action_27_under_od_3_1(actions):
    a = actions["27"]
    assert a["goal"] == "OD3.1"
    assert a["responsible"] == ["Minister van Integratie- en Inburgering"]
    assert len(a["cooperating"]) == 7


def test_action_30_seasons_and_footnote_link(actions):
    a = actions["30"]
    assert a["goal"] == "OD3.2"
    assert timeline(a) == ("Opstart najaar 2026 tot najaar 2027", "2026-09-01", "2027-11-30")
    assert indicator_texts(a) == ["Resultaten bevraging"]
    assert "sociaal-culturele activiteiten" in a["description"]


def test_action_36_grouped_indicators(actions):
    a = actions["36"]
    assert a["responsible"] == ["Minister van Cultuur", "Minister van Sport"]
    assert a["cooperating"] == ["Minister van Gelijke Kansen", "Minister van Welzijn"]
    assert [(i["text"], i["kind"], i["target"]) for i in a["indicators"]] == [
        ("Cultuur: Aantal overlegmomenten tussen ABB en CJM", "count", None),
        ("Cultuur: Analyserapport met geleerde lessen", "deliverable", None),
        (
            "Sport: 1 actie per meewerkende bevoegdheid, afhankelijk van de gebruikte strategie",
            "deliverable",
            "1",
        ),
    ]


def test_action_38_responsible_as_written(actions):
    a = actions["38"]
    assert a["responsible"] == ["Integratie en Inburgering"]
    assert len(a["cooperating"]) == 8
    assert a["indicators"][0]["target"] == "60"
    assert a["indicators"][0]["kind"] == "count"


def test_action_41_timeline_over_two_lines(actions):
    a = actions["41"]
    assert a["goal"] == "OD4.2"
    assert timeline(a) == (
        "Evaluatie in 2025 Herziening van het actieplan in 2027",
        "2025-01-01",
        "2027-12-31",
    )
    assert [(i["text"], i["target"]) for i in a["indicators"]] == [
        ("1 evaluatie", "1"),
        ("1 nieuw actieplan", "1"),
    ]


def test_action_42_last_action_timing_to_be_decided(actions):
    a = actions["42"]
    assert a["lines"] == [1856, 1900]
    assert a["cooperating"][-1] == "Minister van Werk"
    assert len(a["cooperating"]) == 9
    assert timeline(a) == ("Timing nog te bepalen", None, None)
    assert indicator_texts(a)[2] == (
        "Afsprakenkader doorverwijzing (infofiche per meldpunt en gedeelde contactgegevens)"
    )


def test_every_action_is_complete(plan):
    for action in plan["actions"]:
        assert action["title"] and action["description"]
        assert action["responsible"], action["id"]
        assert action["timeline"]["text"], action["id"]
        assert action["indicators"], action["id"]
        assert all(
            i["kind"] in ("count", "percentage", "deliverable", "qualitative")
            for i in action["indicators"]
        )
