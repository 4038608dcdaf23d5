"""Corpus document 001: the policy note Gelijke Kansen, Integratie en Inburgering 2019-2024.

Expected values come from reading the document: chapter IV holds four SDs (written as
`1. Strategische doelstelling ‘Samenleven’: ...`) with 20 ODs (among them the odd heading
`4.6 OD ...`); chapter V lists 19 abbreviations; chapter VI, the regulatory agenda, lists
six decrees grouped by policy domain, not by goal.
"""

import pytest

from beleidsmonitor.ingest import parse
from tests.corpus import corpus_file


@pytest.fixture(scope="module")
def plan():
    return parse(corpus_file("001"))


@pytest.fixture(scope="module")
def goals(plan):
    return {goal["id"]: goal for goal in plan["goals"]}


@pytest.fixture(scope="module")
def actions(plan):
    return {action["id"]: action for action in plan["actions"]}


def test_plan_metadata(plan):
    assert plan["plan"]["kind"] == "beleidsnota"
    assert (
        plan["plan"]["title"] == "Beleidsnota Gelijke Kansen, Integratie en Inburgering 2019-2024"
    )
    assert plan["plan"]["policy_field"] == "Gelijke Kansen, Integratie en Inburgering"
    assert plan["plan"]["period"] == {"start": 2019, "end": 2024}
    assert "report_year" not in plan["plan"]


def test_four_sds_and_twenty_ods(plan):
    ids = [goal["id"] for goal in plan["goals"]]
    assert ids == [
        "SD1", "OD1.1", "OD1.2", "OD1.3", "OD1.4",
        "SD2", "OD2.1", "OD2.2", "OD2.3", "OD2.4", "OD2.5",
        "SD3", "OD3.1", "OD3.2", "OD3.3", "OD3.4", "OD3.5",
        "SD4", "OD4.1", "OD4.2", "OD4.3", "OD4.4", "OD4.5", "OD4.6",
    ]  # fmt: skip
    for goal in plan["goals"]:
        expected_parent = None if goal["level"] == "SD" else "SD" + goal["number"].split(".")[0]
        assert goal["parent"] == expected_parent
        # The summary and introduction mention the objectives; only chapter IV heads them.
        assert 634 <= goal["lines"][0] <= 1552


def test_sd_headings_with_labels_and_wrapped_titles(goals):
    sd1 = goals["SD1"]
    assert sd1["label"] == "Samenleven"
    assert sd1["title"] == (
        "We werken aan een gedeelde en inclusieve samenleving waaraan elke burger actief bijdraagt"
    )
    assert sd1["lines"] == [634, 653]
    assert sd1["text"].startswith("De Vlaamse Regering wil een robuust beleid ontwikkelen")
    assert goals["SD2"]["label"] == "Inburgering"
    assert goals["SD2"]["title"].endswith("een actieve bijdrage te leveren aan onze samenleving")
    assert goals["SD2"]["text"] is None  # OD 2.1 follows its heading directly
    assert goals["SD3"]["label"] == "Gelijke Kansen"
    assert "label" not in goals["SD4"]  # `4. Strategische doelstelling: Het ...` has none
    assert goals["SD4"]["title"] == (
        "Het gelijkekansen-, integratie- en inburgeringsbeleid is afgestemd, onderbouwd en gedragen"
    )


def test_od_titles_and_texts(goals):
    od11 = goals["OD1.1"]
    assert od11["title"] == (
        "Vlaanderen versterkt de sociale samenhang door netwerken te stimuleren die het sociaal "
        "weefsel vormen"
    )
    assert od11["text"].startswith("We ontwikkelen een beleid dat segregatie tegengaat")
    assert od11["lines"] == [657, 736]
    assert goals["OD1.2"]["title"].endswith("onderwijs, arbeidsmarkt, wonen, enz.")
    assert goals["OD3.3"]["title"].endswith("LGBTQI+ personen belemmeren")
    assert goals["OD3.4"]["title"] == (
        "We realiseren de inclusie (volwaardige maatschappelijke participatie) van mensen met een handicap"
    )
    assert goals["OD4.1"]["title"].endswith("horizontale gelijkekansen- en integratiebeleid")


def test_the_odd_heading_4_6_od(goals):
    od46 = goals["OD4.6"]
    assert (od46["level"], od46["number"], od46["parent"]) == ("OD", "4.6", "SD4")
    assert od46["title"] == (
        "We werken actief mee op internationaal niveau en leren van buitenlandse goede praktijken"
    )
    assert od46["lines"] == [1552, 1582]
    assert od46["text"].startswith("De Vlaamse Regering zal voluit investeren")
    assert od46["text"].endswith("waarbij het Vlaams Parlement actief wordt betrokken.")


def test_goal_text_is_clean(goals):
    od12 = goals["OD1.2"]["text"]
    # The parliamentary running head on page 19 is not part of the text.
    assert "(2019-2020)" not in od12 and "Nr. 1" not in od12
    assert "netwerken, enz. Daarom voert De Vlaamse overheid" in od12
    # Bullets are gone, wrapped lines and hyphenated words are joined.
    assert "de OKAN-werking en zomerscholen" in od12
    assert " - " not in od12 and "•" not in goals["OD4.2"]["text"]
    assert "Atlas en In-Gent" in goals["OD4.2"]["text"]
    for goal in goals.values():
        assert goal["text"] is None or (
            "  " not in goal["text"] and goal["text"].strip() == goal["text"]
        )


def test_regulatory_agenda_items(plan, actions):
    assert list(actions) == ["SD2/R1", "SD3/R1", "SD3/R2", "SD3/R3", "SD3/R4", "SD2/R2"]
    for action in plan["actions"]:
        assert action["kind"] == "regelgevingsinitiatief"
        assert action["number"] is None
        assert action["timeline"] == {"text": None, "start": None, "end": None}
    change = actions["SD2/R1"]
    assert change["goal"] == "SD2"
    assert change["title"] == (
        "Decreet van 7 juni 2013 betreffende het Vlaamse integratie- en inburgeringsbeleid, "
        "gewijzigd bij de decreten van 29 mei 2015 en 3 juli 2015"
    )
    assert change["description"].startswith(
        "Het integratie- en inburgeringsdecreet van 7 juni 2013"
    )
    assert change["description"].endswith("voorgelegd aan de Vlaamse Regering.")
    assert change["category"] == (
        "Nieuwe en belangrijke wijzigingen van Vlaamse decreten ter uitvoering van het Vlaams "
        "regeerakkoord – Integratie & Inburgering"
    )
    assert change["lines"] == [1612, 1621]
    centre = actions["SD3/R1"]
    assert (
        centre["title"] == "Decreet ter oprichting van een nieuw gelijkekansencentrum in Vlaanderen"
    )
    assert centre["description"].startswith("Dit decreet zal de juridische basis vormen")
    assert centre["category"].endswith("– Gelijke Kansen")
    evaluation = actions["SD3/R2"]
    assert evaluation["title"].startswith("Decreet van 10 juli 2008 houdende een kader")
    assert evaluation["category"] == (
        "Decreetsevaluaties ter uitvoering van het Vlaams regeerakkoord – Lopende evaluaties: Gelijke Kansen"
    )
    assert evaluation["description"].endswith("kan wijzigingen vragen in het gelijkekansendecreet.")
    inter = actions["SD3/R3"]
    assert inter["title"].endswith(
        "agentschap Toegankelijk Vlaanderen in de vorm van een private stichting"
    )
    assert inter["lines"] == [1646, 1652]
    ordinance = actions["SD3/R4"]
    assert ordinance["title"].startswith("Besluit van de Vlaamse Regering van 5 juni 2009")
    assert ordinance["description"].startswith("Er wordt geëvalueerd in hoeverre de verordening")
    planned = actions["SD2/R2"]
    assert planned["title"] == change["title"]
    assert planned["category"].endswith("– Geplande evaluaties: Integratie & Inburgering")
    # The quotation runs over a page break.
    assert "evalueert de Vlaamse Regering de uitvoering" in planned["description"]
    assert planned["lines"] == [1664, 1672]


def test_abbreviations(plan):
    entries = [(a["short"], a["long"]) for a in plan["abbreviations"]]
    assert len(entries) == 19
    assert entries[0] == ("BSO", "beroepssecundair onderwijs")
    assert ("LGBTQI+", "lesbisch, gay, biseksueel, transgender, queer, intersekse") in entries
    assert ("VDAB", "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding") in entries
    assert entries[-1] == ("VRIND", "Monitor Vlaamse Regionale Indicatoren")


def test_warnings_say_how_the_agenda_was_linked_to_goals(plan):
    messages = [w["message"] for w in plan["warnings"]]
    assert len(messages) == 4
    assert all("not by goal" in m for m in messages)
    assert "linked to SD2 (‘Inburgering’)" in messages[0]
    assert "linked to SD3 (‘Gelijke Kansen’)" in messages[1]
