"""Corpus 003: the equal-opportunities action plan 2025-2029 (Horizontaal
Gelijkekansenbeleidsplan). Expected values were read from the document."""

import pytest

from beleidsmonitor.ingest import parse
from tests.corpus import corpus_file

ODS_PER_HD = {"1": 3, "2": 2, "3": 3, "4": 4, "5": 7, "6": 4, "7": 3}


@pytest.fixture(scope="module")
def plan():
    return parse(corpus_file("003"))


@pytest.fixture(scope="module")
def actions(plan):
    return {a["number"]: a for a in plan["actions"]}


def timeline(action):
    t = action["timeline"]
    return (t["text"], t["start"], t["end"])


def indicator_texts(action):
    return [i["text"] for i in action["indicators"]]


def test_plan_metadata_names_this_plan_not_the_ones_it_cites(plan):
    assert plan["plan"]["title"] == "Horizontaal Gelijkekansenbeleidsplan"
    assert plan["plan"]["kind"] == "actieplan"
    assert plan["plan"]["policy_field"] == "Gelijke kansen"
    assert plan["plan"]["period"] == {"start": 2025, "end": 2029}


def test_counts(plan):
    hds = [g for g in plan["goals"] if g["level"] == "HD"]
    ods = [g for g in plan["goals"] if g["level"] == "OD"]
    assert [g["id"] for g in hds] == [f"HD{n}" for n in range(1, 8)]
    assert len(ods) == 26
    assert {hd: sum(1 for g in ods if g["parent"] == f"HD{hd}") for hd in ODS_PER_HD} == ODS_PER_HD
    assert len(plan["actions"]) == 56
    assert [a["number"] for a in plan["actions"]] == [str(n) for n in range(1, 57)]


def test_ods_are_numbered_under_their_hd(plan):
    for goal in plan["goals"]:
        if goal["level"] == "OD":
            assert goal["parent"] == "HD" + goal["number"].split(".")[0]
    # `OD 6.4` keeps its number although footnote 4 is on the same page.
    assert plan["goals"][[g["id"] for g in plan["goals"]].index("OD6.4")]["title"] == (
        "Verschillende levensdomeinen zijn meer inclusief voor lgbti+ personen"
    )


def test_headings_without_hd_label(plan):
    goals = {g["id"]: g for g in plan["goals"]}
    assert goals["HD4"]["title"] == "WE STREVEN NAAR EEN DIGITAAL INCLUSIEF VLAANDEREN"
    assert goals["HD4"]["lines"] == [929, 929]
    assert goals["HD5"]["title"] == "WE STREVEN NAAR INCLUSIE VAN PERSONEN MET EEN HANDICAP"
    messages = {w["line"]: w["message"] for w in plan["warnings"]}
    assert "no level label" in messages[929] and "HD 4" in messages[929]
    assert "no level label" in messages[1130] and "HD 5" in messages[1130]


def test_goal_titles_and_texts(plan):
    goals = {g["id"]: g for g in plan["goals"]}
    assert (
        goals["HD1"]["title"] == "WE VERGROTEN HET DRAAGVLAK VOOR GELIJKE KANSEN EN MENSENRECHTEN"
    )
    assert goals["HD1"]["lines"] == [142, 144]
    assert goals["HD7"]["title"] == (
        "WE STREVEN NAAR GENDERGELIJKHEID IN ALLE ASPECTEN VAN HET MAATSCHAPPELIJK LEVEN"
    )
    assert goals["OD2.2"]["title"] == (
        "We versterken de kennis rond discriminatie en mensenrechten bij burgers en dienstverlening"
    )
    assert goals["OD3.1"]["title"] == "We sensibiliseren rond het belang van toegankelijkheid"
    assert goals["OD5.1"]["title"] == (
        "Vlaanderen heeft een onderbouwde, coherente en gedragen visie op de uitvoering van "
        "het IVRPH"
    )
    # The HD text stops where the table of other plans' actions starts.
    assert goals["HD1"]["text"].endswith("goede praktijken in de verf.")
    assert "Armoedebestrijding" not in goals["HD1"]["text"]
    assert goals["HD4"]["text"].endswith(
        "4. digitale informatie en dienstverlening gebruiksvriendelijk en toegankelijk te maken."
    )


def test_warnings(plan):
    messages = [(w["line"], w["message"]) for w in plan["warnings"]]
    tables = [line for line, m in messages if m.startswith("table 'Acties gelinkt")]
    assert tables == [161, 352, 674, 946, 1141, 1697, 1972]
    assert (502, "action 10: timeline text repeated; read once") in messages
    assert {m for line, m in messages if line == 2062} == {
        "action 51 without a responsible minister",
        "action 51 without a timeline",
        "action 51 without indicators",
    }
    assert (2101, "action 53 without a timeline") in messages
    assert len(messages) == 14


def test_action_1_bulleted_cooperating_list(actions):
    a = actions["1"]
    assert a["title"] == "Analyse voordelen gelijkekansenmaatregelen"
    assert a["goal"] == "OD1.1"
    assert a["lines"] == [192, 218]
    assert a["responsible"] == ["Minister van Gelijke Kansen"]
    assert a["cooperating"] == [
        "Minister van Armoedebestrijding",
        "Minister van Cultuur",
        "Minister van Integratie en Inburgering",
        "Minister van Jeugd",
        "Minister Wonen",
        "Minister van Welzijn",
        "Minister van Werk",
    ]
    assert timeline(a) == ("2026 - 2027", "2026-01-01", "2027-12-31")
    assert [(i["text"], i["kind"], i["target"]) for i in a["indicators"]] == [
        ("1 analyserapport", "deliverable", "1"),
        ("1 communicatie", "deliverable", "1"),
    ]


def test_action_2_sentence_that_starts_like_a_label(actions):
    a = actions["2"]
    assert a["description"].startswith("In samenwerking met de Vlaamse Statistische Autoriteit")
    assert a["cooperating"] == ["Vlaamse regering"]
    assert timeline(a) == ("2025 - 2029", "2025-01-01", "2029-12-31")
    assert [(i["text"], i["kind"], i["target"]) for i in a["indicators"]] == [
        ("Minstens 1 bevraging naar de houding tegenover deze groepen mensen", "deliverable", "1"),
        ("Rapportering", "deliverable", None),
    ]


def test_action_3_title_wrapped_after_an_article(actions):
    a = actions["3"]
    assert a["title"] == (
        "We verhogen het draagvlak rond gelijke kansen en mensenrechten binnen de LEADER community"
    )
    assert a["goal"] == "OD1.3"
    assert a["responsible"] == ["Minister van Plattelandsbeleid"]
    assert timeline(a) == ("2026", "2026-01-01", "2026-12-31")
    assert [(i["text"], i["kind"], i["target"]) for i in a["indicators"]] == [
        ("2 LEADER-dagen", "count", "2")
    ]


def test_action_6_hyphenated_compound_at_line_end(actions):
    a = actions["6"]
    assert a["title"] == "Opname non-discriminatieclausule"
    assert len(a["cooperating"]) == 5
    assert indicator_texts(a) == [
        "De deelnemende beleidsvelden integreren een non-discriminatieclausule in "
        "overheidsopdrachten en/of projectfinanciering."
    ]


def test_action_10_title_without_blank_line_and_glued_label(actions):
    a = actions["10"]
    assert a["title"] == "Praktijktesten op de arbeidsmarkt"
    assert a["description"].startswith("We voeren praktijktesten in voor de arbeidsmarkt")
    assert a["responsible"] == ["Minister van Werk"]
    assert timeline(a) == ("2025-2029", "2025-01-01", "2029-12-31")
    assert indicator_texts(a) == [
        "1 nulmeting",
        "1 verbeterplan",
        "1 ronde praktijktesten",
        "1 opvolgmeting",
    ]


def test_action_11_title_wrapped_after_a_comma(actions):
    a = actions["11"]
    assert a["title"] == (
        "Kennisversterking binnen de Vlaamse Overheid over discriminatie, mensenrechten en het "
        "Vlaams Mensenrechteninstituut (VMRI)"
    )
    assert a["goal"] == "OD2.2"
    assert len(a["cooperating"]) == 8
    assert [(i["kind"], i["target"]) for i in a["indicators"]] == [
        ("deliverable", "1"),
        ("count", "5"),
    ]


def test_action_16_bulleted_timeline(actions):
    a = actions["16"]
    assert timeline(a) == (
        "Oplevering onderzoek in 2026; Timing regelgevende wijzigingen nog te bepalen",
        "2026-01-01",
        None,
    )
    assert len(a["indicators"]) == 3


def test_action_21_three_responsible_ministers_after_a_page_break(actions):
    a = actions["21"]
    assert a["goal"] == "OD4.1"
    assert a["responsible"] == [
        "Minister van Gelijke Kansen",
        "Minister van Digitalisering",
        "Minister van Binnenlands Bestuur",
    ]
    assert a["cooperating"][2] == "Minister van Justitie"
    assert indicator_texts(a) == ["1 visienota"]


def test_action_23_several_ministers_on_one_line(actions):
    a = actions["23"]
    assert a["responsible"] == [
        "Minister van Binnenlands Bestuur",
        "Minister van Gelijke Kansen",
        "Minister van Digitalisering",
    ]
    assert a["cooperating"] == ["Minister van Gelijke Kansen"]
    assert timeline(a) == ("2026 - 2029", "2026-01-01", "2029-12-31")


def test_action_27_runs_beyond_the_plan(actions):
    a = actions["27"]
    assert a["title"] == "Perspectief 2040"
    assert timeline(a) == ("2026 -2040", "2026-01-01", "2040-12-31")
    assert a["cooperating"][3] == "Minister van Toerisme"


def test_action_29_title_wrapped_after_a_hyphen(actions):
    a = actions["29"]
    assert a["title"] == (
        "Versterking van vrijwillig engagement voor mensen met een handicap in jeugd- en "
        "volwassenwerk"
    )
    assert a["cooperating"] == ["Minister van Cultuur", "Minister van Jeugd", "Minister van Sport"]


def test_action_31_label_split_with_blank_lines(actions):
    a = actions["31"]
    assert a["title"] == "Pionierscholen"
    assert a["goal"] == "OD5.4"
    assert a["responsible"] == ["Minister van Onderwijs"]
    assert a["cooperating"] == ["Minister van Gelijke Kansen", "Minister van Welzijn"]
    assert timeline(a) == (
        "De pioniersscholen gaan van start in schooljaar 2026 - 2027.",
        "2026-09-01",
        None,
    )
    assert indicator_texts(a) == [
        "De goedkeuring van het BVR voor de pioniersscholen",
        "De selectie van de pioniersscholen",
    ]


def test_action_36_start_only(actions):
    a = actions["36"]
    assert timeline(a) == (
        "Vanaf 2025 analyse leegstandproblematiek, daarna worden de opvolgacties bepaald.",
        "2025-01-01",
        None,
    )


def test_action_42_start_and_execution_years(actions):
    a = actions["42"]
    assert a["goal"] == "OD6.1"
    assert len(a["cooperating"]) == 6
    assert timeline(a) == (
        "Voorbereiding start in 2026, uitvoering in 2027",
        "2026-01-01",
        "2027-12-31",
    )


def test_action_51_only_points_to_another_action(actions):
    a = actions["51"]
    assert a["title"] == "Bestrijding van lgbti+fobie en genderstereotypering bij jongeren"
    assert a["goal"] == "OD7.1"
    assert a["description"] == "Deze actie wordt uitgewerkt onder actie 46."
    assert (a["responsible"], a["cooperating"], a["indicators"]) == ([], [], [])
    assert timeline(a) == (None, None, None)


def test_action_52_cooperating_entry_wrapped_over_a_blank_line(actions):
    a = actions["52"]
    assert a["cooperating"] == [
        "Vlaams minister van Welzijn",
        "Federale en deelstaatministers voor Gelijke Kansen, Gezondheid en Welzijn",
    ]
    assert timeline(a)[1:] == ("2026-01-01", "2029-12-31")
    assert [(i["kind"], i["target"]) for i in a["indicators"]] == [("count", "2")]


def test_action_53_without_timeline(actions):
    a = actions["53"]
    assert a["cooperating"] == ["Minister van Welzijn"]
    assert timeline(a) == (None, None, None)
    assert indicator_texts(a) == ["1 projectoproep"]
    assert a["description"].endswith(
        "Sensibiliseringscampagne met focus op mythes in de medische wereld"
    )


def test_action_56_last_action(actions):
    a = actions["56"]
    assert a["goal"] == "OD7.3"
    assert a["lines"] == [2192, 2216]
    assert timeline(a) == ("2027 - 2029", "2027-01-01", "2029-12-31")
    assert indicator_texts(a) == [
        "2 informatiesessies",
        "1 erkenning of stimulans",
        "1 update van campagnemateriaal",
        "1 verspreidingsactie",
    ]
