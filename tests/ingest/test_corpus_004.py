"""Corpus document 004: the beleids- en begrotingstoelichting 2023 of Gelijke Kansen,
Integratie en Inburgering, a progress report on the 2019-2024 policy note.

Expected values come from reading the document. Chapter V reports per budget entity:
`1. ISE GELIJKE KANSEN` (SD 1 with OD 1.3, SD 3 with OD 3.1-3.5, SD 4 with OD 4.1-4.6)
and `2. ISE INTEGRATIE EN INBURGERING` (SD 1 with OD 1.1-1.4, SD 2 with OD 2.1-2.5,
SD 4 with OD 4.1-4.6), each followed by a budget section. That makes 4 SDs and 20 ODs,
SD 1, SD 4, OD 1.3 and OD 4.1-4.6 written up twice. The annex lists 82 executed policy
initiatives (SD 1: 19, SD 2: 15, SD 3: 19 bullets and 24 supported projects, SD 4: 5,
besides one cross-reference), 9 evaluations and research initiatives (besides a `Cf.
supra`) and 6 regulatory initiatives. The list of abbreviations has 62 entries, five
lines holding two.
"""

from collections import Counter

import pytest

from beleidsmonitor.ingest import parse
from tests.corpus import corpus_file


@pytest.fixture(scope="module")
def plan():
    return parse(corpus_file("004"))


@pytest.fixture(scope="module")
def goals(plan):
    return {goal["id"]: goal for goal in plan["goals"]}


@pytest.fixture(scope="module")
def actions(plan):
    return {action["id"]: action for action in plan["actions"]}


def test_plan_metadata(plan):
    meta = plan["plan"]
    assert meta["kind"] == "voortgangsrapport"
    assert meta["title"] == (
        "Beleids- en begrotingstoelichting Gelijke Kansen, Integratie en Inburgering 2023"
    )
    assert meta["policy_field"] == "Gelijke Kansen, Integratie en Inburgering"
    assert meta["period"] == {"start": 2019, "end": 2024}
    assert meta["report_year"] == 2023


def test_four_sds_and_twenty_ods_each_once(plan):
    ids = [goal["id"] for goal in plan["goals"]]
    assert ids == [
        "SD1", "OD1.1", "OD1.2", "OD1.3", "OD1.4",
        "SD2", "OD2.1", "OD2.2", "OD2.3", "OD2.4", "OD2.5",
        "SD3", "OD3.1", "OD3.2", "OD3.3", "OD3.4", "OD3.5",
        "SD4", "OD4.1", "OD4.2", "OD4.3", "OD4.4", "OD4.5", "OD4.6",
    ]  # fmt: skip
    for goal in plan["goals"]:
        # The annex repeats the SD headings to group initiatives: those are no goals.
        assert 313 <= goal["lines"][0] < 2104
        expected_parent = None if goal["level"] == "SD" else "SD" + goal["number"].split(".")[0]
        assert goal["parent"] == expected_parent


def test_goals_written_up_per_budget_entity(goals):
    assert goals["SD1"]["lines"] == [313, 314]
    assert goals["SD1"]["also_lines"] == [[1111, 1113]]
    assert goals["SD1"]["label"] == "Samenleven"
    assert goals["SD1"]["text"] is None
    od13 = goals["OD1.3"]
    assert od13["lines"] == [316, 395]
    assert od13["also_lines"] == [[1273, 1288]]
    assert od13["text"].startswith("Nadat eind oktober ’22 het decreet tot oprichting")
    assert "Ik werkte verder actief en constructief mee" in od13["text"]  # the second passage
    assert goals["SD4"]["also_lines"] == [[1476, 1477]]
    od41 = goals["OD4.1"]
    assert od41["lines"] == [793, 796]
    assert od41["also_lines"] == [[1479, 1508]]
    assert od41["text"].startswith("Zie OD 4.1 onder SD 3. In 2024 zal het horizontale actieplan")
    assert goals["OD4.6"]["also_lines"] == [[1590, 1603]]
    for key in ("OD1.1", "OD1.2", "OD1.4", "OD2.1", "OD3.1", "OD3.5"):
        assert "also_lines" not in goals[key]


def test_goal_titles(goals):
    assert goals["SD2"]["title"] == (
        "Met ons inburgeringsbeleid bieden we nieuwkomers kansen en nodigen we hen uit om een "
        "actieve bijdrage te leveren aan onze samenleving"
    )
    assert goals["SD3"]["label"] == "Gelijke Kansen"
    assert goals["SD4"]["title"] == (
        "Het gelijkekansen-, integratie- en inburgeringsbeleid is afgestemd, onderbouwd en gedragen"
    )
    assert goals["OD1.4"]["title"].endswith("vanuit de gedeelde sokkel van Verlichtingswaarden")
    assert goals["OD3.3"]["title"].endswith("het welbevinden van LGBTI+ personen belemmeren")
    # Heading wraps onto a new page whose first line is the text: the title stops there.
    assert goals["OD3.4"]["title"].endswith("van mensen met een handicap")
    assert goals["OD3.4"]["text"].startswith("Mensen met een handicap moeten de mogelijkheid")
    assert goals["OD4.1"]["title"] == (
        "We optimaliseren de coördinatie over het horizontale gelijkekansen- en Integratiebeleid"
    )


def test_goal_texts_hold_no_tables_comments_or_page_furniture(goals):
    for goal in goals.values():
        text = goal["text"] or ""
        for leak in (
            "duizend euro",
            "AO TO LO",
            "VAK VEK",
            "Vermeiren",
            "Van Acker",
            "\ufffd",
            "http",
        ):
            assert leak not in text, (goal["id"], leak)
    # A review comment and a page number sat in the middle of this sentence.
    assert (
        "Het project liep af in augustus 2023 en de opgebouwde expertise" in goals["OD3.3"]["text"]
    )
    # So did a link annotation in this one.
    assert "van Belgische, EU en niet-EU herkomst" in goals["OD4.5"]["text"]
    assert goals["OD4.6"]["text"].endswith("Frankrijk, Noorwegen, Berlijn en IOM.")
    assert goals["OD4.6"]["lines"] == [869, 874]
    assert goals["OD3.1"]["text"].startswith("Het onderzoek met betrekking tot de doorstroom")


def test_initiative_counts(plan):
    kinds = Counter(action["kind"] for action in plan["actions"])
    assert kinds == {
        "beleidsinitiatief": 82,
        "onderzoeksinitiatief": 9,
        "regelgevingsinitiatief": 6,
    }
    per_goal = Counter(
        action["goal"] for action in plan["actions"] if action["kind"] == "beleidsinitiatief"
    )
    assert per_goal == {"SD1": 19, "SD2": 15, "SD3": 43, "SD4": 5}
    research = Counter(
        action["goal"] for action in plan["actions"] if action["kind"] == "onderzoeksinitiatief"
    )
    assert research == {"SD1": 2, "SD2": 2, "SD3": 5}
    for action in plan["actions"]:
        assert action["number"] is None
        assert action["id"].startswith(action["goal"] + "/")


def test_executed_policy_initiatives(actions):
    first = actions["SD1/B1"]
    assert first["title"] == "Operationele start van het Vlaams Mensenrechteninstituut"
    assert first["category"] == "Uitgevoerde beleidsinitiatieven"
    assert first["lines"] == [2113, 2113]
    assert first["description"] is None
    # A bullet that wraps with an empty line inside it.
    wrapped = actions["SD1/B4"]
    assert wrapped["title"].startswith("Versterking van het antidiscriminatiebeleid door nieuwe")
    assert wrapped["title"].endswith(
        "om het recht op inclusie in de praktijk beter te kunnen afdwingen"
    )
    assert wrapped["lines"] == [2116, 2120]
    assert actions["SD1/B13"]["title"] == (
        "Project ‘Refu Interim verdiept en verbreedt: vrijwilligerswerk als hefboom voor sociale "
        "integratie van nieuwkomers’"
    )
    assert actions["SD1/B19"]["title"] == "Vlaamse Interlevensbeschouwelijke Dialoog"
    assert actions["SD2/B1"]["title"] == "Vervolgtrajecten Inburgering"
    assert (
        actions["SD2/B15"]["title"] == "Project ‘Motor tot activering van inburgeraars’ van Jobroad"
    )
    assert actions["SD2/B15"]["goal"] == "SD2"
    # `e-` at a line end: a compound, not a broken word.
    assert actions["SD3/B18"]["title"].endswith("bij uitrol e-inclusieplan")
    assert actions["SD3/B19"]["title"].startswith("Samenwerking met Gelijke Kansenmiddenveld: ")
    assert actions["SD3/B19"]["title"].endswith("het Transgender Infopunt en Lumi, Grip")


def test_supported_projects_are_initiatives_of_their_own(actions):
    group = "Uitgevoerde beleidsinitiatieven – Innovatieve initiatieven binnen Gelijke Kansenbeleid ondersteund"
    first = actions["SD3/B20"]
    assert first["title"] == "‘Draw for change’ van Blue Birds Doc"
    assert first["category"] == group
    # The page number between two projects is gone.
    assert actions["SD3/B23"]["title"] == "‘Oog voor jongens’ van Mannen en jongens vzw"
    assert actions["SD3/B23"]["lines"] == [2213, 2213]
    last = actions["SD3/B43"]
    assert last["title"] == (
        "Draaiboek en toolbox voor begeleiders van ouders met een licht verstandelijke handicap "
        "van CIG Nestel"
    )
    assert last["category"] == group
    assert last["lines"] == [2237, 2239]
    assert "SD3/B44" not in actions


def test_cross_references_are_no_initiatives(plan, actions):
    assert actions["SD4/B5"]["title"] == "Voorbereiding EU-voorzitterschap"
    assert "SD4/B6" not in actions
    assert not any(
        a["goal"] == "SD4" and a["kind"] == "onderzoeksinitiatief" for a in plan["actions"]
    )
    messages = [w["message"] for w in plan["warnings"]]
    assert any("'Cf. supra'" in m for m in messages)
    assert any("zie infra'" in m for m in messages)


def test_research_initiatives(actions):
    assert actions["SD1/O1"]["title"] == "Tweede editie van de Barometer Samenleven"
    assert actions["SD1/O1"]["category"] == "Beleidsevaluaties en onderzoeksinitiatieven"
    assert actions["SD2/O1"]["title"] == (
        "OESO-onderzoek naar het Vlaamse integratiebeleid in perspectief met andere OESO-landen"
    )
    assert actions["SD2/O2"]["title"] == "Jaarrapport inburgering 2022"
    assert actions["SD3/O5"]["title"] == "Onderzoek naar de geweldervaringen van LGBTI+ personen"


def test_regulatory_initiatives(plan, actions):
    regulatory = [a["id"] for a in plan["actions"] if a["kind"] == "regelgevingsinitiatief"]
    assert regulatory == ["SD1/R1", "SD1/R2", "SD1/R3", "SD1/R4", "SD2/R1", "SD2/R2"]
    first = actions["SD1/R1"]
    assert first["title"].startswith("Wijziging van het decreet van 8 mei 2002 houdende evenredige")
    assert first["official_title"].startswith("Ontwerp van decreet tot wijziging van het decreet")
    assert first["category"] == (
        "Nieuwe en belangrijke wijzigingen Vlaamse decreten en besluiten Vlaamse Regering"
    )
    assert first["description"].startswith(
        "Het Gelijkekansendecreet wordt aangepast in het kader van de volgende vier thema’s: "
        "Antidiscriminatiebeleid; Horizontaal gelijkekansenbeleid;"
    )
    assert "Toegankelijkheid. Ten tweede worden het Gelijkekansendecreet" in first["description"]
    assert first["partners"] == [
        "Agentschap Binnenlands Bestuur",
        "Departement Werk en Sociale Economie",
    ]
    assert len(first["milestones"]) == 7
    assert first["milestones"][0] == {
        "text": "Eerste principiële goedkeuring",
        "date": "2023-06-23",
    }
    assert first["milestones"][-1] == {"text": "Definitieve goedkeuring", "date": "2023-12-15"}
    assert first["lines"] == [2302, 2339]
    # Its heading starts a new page right after the previous initiative's last entity.
    second = actions["SD1/R2"]
    assert second["title"].startswith("Wijziging van het decreet van 28 oktober 2022")
    assert second["milestones"] == [
        {"text": "Eerste principiële goedkeuring", "date": "2023-12-22"}
    ]
    assert second["partners"] == [
        "Agentschap Binnenlands Bestuur",
        "Agentschap Justitie en Handhaving",
    ]
    assert second["lines"][0] == 2340
    fourth = actions["SD1/R4"]
    assert fourth["description"].endswith(
        "Erkenning van partnerorganisaties (gelijke kansen, digitale inclusie en lokaal "
        "gelijkekansenbeleid); Antidiscriminatiebeleid"
    )
    brussels = actions["SD2/R1"]
    assert brussels["goal"] == "SD2"
    assert "samenwerkingsakkoord van XX XX XX tot wijziging" in brussels["official_title"]
    assert [m["date"] for m in brussels["milestones"]] == [
        "2023-09-08",
        "2023-09-29",
        "2023-10-10",
        "2023-10-20",
        "2023-11-17",
    ]
    last = actions["SD2/R2"]
    assert last["title"].endswith(
        "een afwijking van het taalniveau A2 voor personen met een handicap"
    )
    assert last["milestones"][3] == {
        "text": "Advies Vlaamse adviesraad handicap (NOOZO)",
        "date": "2023-12-05",
    }
    assert last["partners"] == ["Agentschap Binnenlands Bestuur"]


def test_abbreviations(plan):
    entries = [(a["short"], a["long"]) for a in plan["abbreviations"]]
    assert len(entries) == 62
    found = dict(entries)
    # Two entries on one line.
    assert found["BBT"] == "Beleids- en Begrotingstoelichting"
    assert found["BU"] == "Begrotingsuitvoering zoals opgenomen in de jaarrekening"
    assert found["HIVA"] == "Onderzoeksinstituut voor Arbeid en Samenleving"
    assert found["Inter"] == "expertisecentrum in toegankelijkheid en Universal Design"
    assert found["NT2"] == "Nederlands als tweede taal"
    assert found["OCMW"] == "Openbaar Centrum voor Maatschappelijk Welzijn"
    assert found["PA"] == "Participaties (ESRaggregaat)"
    assert found["VO"] == "Vlaamse overheid"
    # A wrapped expansion.
    assert found["BA-JR"].endswith("overdrachten, zoals opgenomen in de jaarrekening")
    # LO is listed with two meanings.
    assert [long for short, long in entries if short == "LO"] == [
        "Leningontvangsten",
        "Lonen (ESR-aggregaat)",
    ]
    assert entries[0] == ("ABB", "Agentschap Binnenlands Bestuur")
    assert entries[-1] == ("WT", "Werking en Toelagen (ESR-aggregaat)")


def test_warnings(plan):
    messages = [w["message"] for w in plan["warnings"]]
    assert len(messages) == 8
    assert messages[0].startswith("chapter 'IV. TRANSVERSALE, HORIZONTALE EN OVERKOEPELENDE")
    assert sum(m.startswith("review comment left in the PDF removed") for m in messages) == 2
    assert sum(m.startswith("budget section 'Budgettair kader") for m in messages) == 2
    assert any(m.startswith("chapter 'VI. APPARAATSKREDIETEN") for m in messages)
