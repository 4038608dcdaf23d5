"""The measure sheet parser on small sheets whose table columns are interleaved."""

from beleidsmonitor.ingest import parse_bytes
from beleidsmonitor.ingest.clean import clean_lines
from beleidsmonitor.ingest.measures import (
    Piece,
    Sheet,
    cabinet_names,
    indicator_items,
    organisation_names,
    parse_measure_sheets,
    read_milestones,
    split_joined_names,
    split_names,
    split_sheet,
)
from beleidsmonitor.ingest.records import Action

# Two goals with standalone headings, then sheets as the PDF extraction leaves them: the
# label `Raming` glued to the statement, `Streefwaarde` glued to the indicator, `Andere
# partners` in the middle of a line, a label split over two lines, the SD/OD headings
# repeated inside the sheet (one OD that has no heading of its own), a sheet that repeats
# an SD in the short form, and a page footer with the plan's name.
SHEETS = """\
SD 1: Tegen 2023 rijden alle bussen in de regio elektrisch
OD 1.1: We vervangen de dieselbussen stap voor stap

Maatregel We bouwen laadpalen in de drie stelplaatsen van de
vervoermaatschappij, met voorrang voor de grootste stelplaats. Raming
Budgettair

engagement

€ 1.250.000 (waarvan 250.000 euro Europese steun)

STRATEGISCHE DOELSTELLING SD 1: Tegen 2023 rijden alle bussen in de regio elektrisch
effectindicator

Minder uitstoot in de stadskern.
Stillere straten rond de stelplaatsen
OPERATIONELE DOELSTELLING OD 1.1: We vervangen de dieselbussen stap voor stap
OD 1.4: We leiden de chauffeurs op voor het nieuwe materieel

verantwoordelijken
kabinet

Mobiliteit
Energie

outputindicator

Aantal werkende laadpalen Streefwaarde

Minstens 60 laadpalen

administratie Departement Mobiliteit, Agentschap Wegen en Verkeer

betrokkenen
kabinet Omgeving

administratie Departement Omgeving Andere partners Netbeheerder, lokale besturen

Duiding maatregel

De laadpalen werken met een slim laad-
schema dat de nachtelijke daluren benut.

//
/

Mijlpalen Geschatte personeelsinzet (VTE)

2021 Aanbesteding en keuze van de leverancier 0,5 VTE

2022 Plaatsing in de eerste stelplaats
wisselende VTE inzet bij verschillende partners.

2023 Alle stelplaatsen uitgerust

2024
pagina 3 van 9 Actieplan schoon busvervoer
OD 1.2: We vergroenen de kleine voertuigen

 Maatregel Bestelwagens voor het onderhoud worden elektrisch, ook voor het maatschappelijk
engagement van de onderhoudsploegen. Raming
Budgettair
engagement
Binnen de reguliere budgetten
STRATEGISCHE DOELSTELLING SD 1: Tegen 2023 rijden alle bussen in de regio elektrisch
SD 2: De dienstverlening blijft betaalbaar
effectindicator
OPERATIONELE DOELSTELLING OD 1.2: We vergroenen de kleine voertuigen
verantwoordelijken kabinet
Mobiliteit
outputindicator
- Aantal aangekochte bestelwagens
- Handleiding voor de ploegen
Streefwa
arde
n.v.t.
 - Evaluatierapport na een jaar
administratie Departement Mobiliteit
betrokkenen
kabinet
administratie
Andere
partners Leveranciers
Duiding maatregel
Het onderhoud gebeurt voortaan zonder uitstoot.
Mijlpalen Geschatte personeelsinzet (VTE)
2022 Aankoop van de eerste tien wagens
"""


def parse_sheets(text: str):
    return parse_measure_sheets(clean_lines(text.splitlines()))


def test_headings_make_goals_and_sheet_repeats_do_not():
    plan = parse_sheets(SHEETS)
    assert [g.id for g in plan.goals] == ["SD1", "OD1.1", "OD1.2", "OD1.4", "SD2"]
    assert plan.goal_by_id("OD1.1").parent == "SD1"
    assert plan.goal_by_id("OD1.1").title == "We vervangen de dieselbussen stap voor stap"
    # OD 1.4 and SD 2 are only named inside a sheet: they become goals, and that is
    # reported, so that the sheet keeps all the goals it names.
    assert plan.goal_by_id("OD1.4").parent == "SD1"
    assert plan.goal_by_id("SD2").title == "De dienstverlening blijft betaalbaar"
    for key in ("OD1.4", "SD2"):
        assert any(f"goal {key} has no heading" in w.message for w in plan.warnings)


def test_sheet_fields_are_cut_at_their_labels():
    action = parse_sheets(SHEETS).actions[0]
    assert action.id == "OD1.1/M1"
    assert action.number is None
    assert action.kind == "maatregel"
    assert action.goal == "OD1.1"
    assert action.also_goals == ["OD1.4"]
    assert action.title == (
        "We bouwen laadpalen in de drie stelplaatsen van de vervoermaatschappij, "
        "met voorrang voor de grootste stelplaats."
    )
    assert action.budget.text == "€ 1.250.000 (waarvan 250.000 euro Europese steun)"
    assert action.budget.amount_eur == 1250000.0
    assert action.responsible == ["Mobiliteit", "Energie"]
    assert action.administrations == ["Departement Mobiliteit", "Agentschap Wegen en Verkeer"]
    assert action.cooperating == ["Omgeving"]
    assert action.partners == ["Departement Omgeving", "Netbeheerder", "lokale besturen"]
    assert action.description == (
        "De laadpalen werken met een slim laadschema dat de nachtelijke daluren benut."
    )
    assert [(i.text, i.target, i.level) for i in action.indicators] == [
        ("Aantal werkende laadpalen", "Minstens 60 laadpalen", "output")
    ]
    assert action.indicators[0].kind == "count"


def test_milestones_give_the_timeline_and_keep_staffing_apart():
    action = parse_sheets(SHEETS).actions[0]
    assert [(m.year, m.text, m.staffing) for m in action.milestones] == [
        (2021, "Aanbesteding en keuze van de leverancier", "0,5 VTE"),
        (
            2022,
            "Plaatsing in de eerste stelplaats",
            "wisselende VTE inzet bij verschillende partners.",
        ),
        (2023, "Alle stelplaatsen uitgerust", None),
    ]
    assert action.timeline.text == "2021 - 2023"
    assert (action.timeline.start, action.timeline.end) == ("2021-01-01", "2023-12-31")


def test_effect_indicators_go_to_the_strategic_goal():
    plan = parse_sheets(SHEETS)
    effects = plan.goal_by_id("SD1").indicators
    assert [(i.text, i.level) for i in effects] == [
        ("Minder uitstoot in de stadskern.", "effect"),
        ("Stillere straten rond de stelplaatsen", "effect"),
    ]


def test_second_sheet_split_labels_page_break_and_short_sd():
    plan = parse_sheets(SHEETS)
    action = plan.actions[1]
    # `engagement` inside the statement is a word, not the budget label.
    assert action.title.endswith(
        "ook voor het maatschappelijk engagement van de onderhoudsploegen."
    )
    assert action.goal == "OD1.2"
    assert action.id == "OD1.2/M1"
    # SD 2 is served besides SD 1, through no OD of its own.
    assert action.also_goals == ["SD2"]
    assert action.responsible == ["Mobiliteit"]
    assert action.partners == ["Leveranciers"]
    # The item after the page break belongs to the indicator list, not to the target.
    assert [(i.text, i.target) for i in action.indicators] == [
        ("Aantal aangekochte bestelwagens", None),
        ("Handleiding voor de ploegen", None),
        ("Evaluatierapport na een jaar", None),
    ]
    assert action.budget.amount_eur is None
    assert action.timeline.text == "2022"


def test_plan_metadata_from_footer_and_goal_deadline():
    plan = parse_sheets("Looptijd 2020-2022\n" + SHEETS)
    assert plan.kind == "actieplan"
    assert plan.title == "Actieplan schoon busvervoer"
    # The goals are set for 2023, so the plan runs until then.
    assert (plan.period_start, plan.period_end) == (2020, 2023)
    assert any("before the first goal" in w.message for w in plan.warnings)


def test_layout_detection_routes_to_the_measure_parser():
    data = parse_bytes(SHEETS.encode(), "fiches.txt")
    assert len(data["actions"]) == 2
    assert data["actions"][0]["milestones"][0] == {
        "text": "Aanbesteding en keuze van de leverancier",
        "date": None,
        "year": 2021,
        "staffing": "0,5 VTE",
    }


def test_sheet_under_the_wrong_heading_and_misnumbered_od():
    text = """\
SD 3: De wachtlijsten zijn korter
OD 3.1: We openen extra plaatsen
OD 3.2: We informeren de gezinnen beter
Maatregel Een infolijn voor gezinnen Raming
OPERATIONELE DOELSTELLING OD 3.2: We informeren de gezinnen beter
verantwoordelijken kabinet
Welzijn
Mijlpalen
2024 Start van de infolijn
Maatregel Een folder in vijf talen Raming
OPERATIONELE DOELSTELLING OD 3.5: We informeren de gezinnen beter
Mijlpalen
2024 Verspreiding
"""
    plan = parse_sheets(text)
    assert [a.goal for a in plan.actions] == ["OD3.2", "OD3.2"]
    assert [a.id for a in plan.actions] == ["OD3.2/M1", "OD3.2/M2"]
    assert [g.id for g in plan.goals] == ["SD3", "OD3.1", "OD3.2"]
    messages = [w.message for w in plan.warnings]
    assert any("OD 3.5, read as OD3.2" in m for m in messages)
    assert any("without the cell(s): sd, output, target" in m for m in messages)


def test_odd_input_does_not_crash():
    assert parse_measure_sheets([]).actions == []
    plan = parse_sheets("Maatregel\nMaatregel Iets zonder velden\n\n")
    assert [a.title for a in plan.actions] == ["Maatregel", "Iets zonder velden"]
    assert all(a.goal is None for a in plan.actions)
    assert any("without a statement" in w.message for w in plan.warnings)
    assert any("without a goal" in w.message for w in plan.warnings)


def test_split_sheet_keeps_every_part_of_a_line():
    lines = clean_lines(
        [
            "Maatregel Iets doen Raming",
            "Budgettair engagement",
            "Geen extra middelen",
            "administratie Dienst A Andere partners Vereniging B",
        ]
    )
    sheet = Sheet(0, lines)
    split_sheet(sheet)
    assert sheet.texts("title") == ["Iets doen"]
    assert sheet.texts("budget") == ["Geen extra middelen"]
    assert sheet.texts("administrations") == ["Dienst A"]
    assert sheet.texts("partners") == ["Vereniging B"]


def test_split_names_keeps_enumerations_and_parentheses_whole():
    assert split_names("Welzijn, Volksgezondheid en Gezin") == ["Welzijn, Volksgezondheid en Gezin"]
    assert split_names("Departement Cultuur, Jeugd en Media, VDAB") == [
        "Departement Cultuur, Jeugd en Media",
        "VDAB",
    ]
    assert split_names("ABB, DWVG, Kind en Gezin") == ["ABB", "DWVG", "Kind en Gezin"]
    assert split_names("Syntra (regionaal, lokaal), VDAB") == ["Syntra (regionaal, lokaal)", "VDAB"]
    assert split_names("/") == []


def pieces(*texts: str) -> list[Piece]:
    return [Piece(n, text) for n, text in enumerate(texts, start=1)]


def test_cabinets_one_a_line_and_organisations_wrapped():
    assert cabinet_names(pieces("Onderwijs", "Werk,", "Wonen, Sport")) == [
        "Onderwijs",
        "Werk",
        "Wonen",
        "Sport",
    ]
    assert organisation_names(pieces("Agentschap Natuur en", "Bos, Departement Omgeving")) == [
        "Agentschap Natuur en Bos",
        "Departement Omgeving",
    ]
    # A cell written as a sentence is kept whole rather than cut at its commas.
    prose = pieces("We werken samen met scholen die, waar het kan, ook de ouders betrekken")
    assert organisation_names(prose) == [
        "We werken samen met scholen die, waar het kan, ook de ouders betrekken"
    ]


def test_indicator_items_by_bullet_and_by_sentence():
    assert indicator_items(pieces("- een eerste", "deel", "- een tweede")) == [
        "een eerste deel",
        "een tweede",
    ]
    assert indicator_items(pieces("De website is vernieuwd.", "Bezoekers vinden alles")) == [
        "De website is vernieuwd.",
        "Bezoekers vinden alles",
    ]
    assert indicator_items(pieces("/")) == []


def test_read_milestones_year_that_does_not_go_up_continues_the_row():
    milestones, leftovers = read_milestones(
        pieces("Inleidende zin", "2020 Start op 1 januari", "2020", "2021", "2022 Einde")
    )
    assert [(m.year, m.text) for m in milestones] == [
        (2020, "Start op 1 januari 2020"),
        (2022, "Einde"),
    ]
    assert [p.text for p in leftovers] == ["Inleidende zin"]
    spans, _ = read_milestones(pieces("2019 -2021 Proefproject", "2022 Uitrol"))
    assert [(m.year, m.until) for m in spans] == [(2019, 2021), (2022, None)]


def test_text_under_a_heading_beyond_its_title_is_reported():
    intro = "\n".join(f"Inleidende zin nummer {n} over het plan." for n in range(1, 7))
    text = f"SD 1: Een doel\n{intro}\nMaatregel Iets Raming\nMaatregel Nog iets Raming\n"
    plan = parse_sheets(text)
    goal = plan.goal_by_id("SD1")
    assert goal.title.startswith("Een doel Inleidende zin nummer 1")
    assert "nummer 4" not in goal.title
    assert any("3 line(s) of text under a goal heading" in w.message for w in plan.warnings)
    assert [a.goal for a in plan.actions] == ["SD1", "SD1"]


def test_group_label_heads_the_bulleted_items_under_it():
    items = indicator_items(
        pieces(
            "1. Planning:",
            "- een tijdschema",
            "- een lijst van",
            "mijlpalen",
            "2. Uitvoering en opvolging:",
            "- aantal bezoeken",
        )
    )
    assert items == [
        "Planning: een tijdschema",
        "Planning: een lijst van mijlpalen",
        "Uitvoering en opvolging: aantal bezoeken",
    ]
    # A label without bullets under it, or a long sentence ending in `:`, stays an item.
    assert indicator_items(pieces("- Eerste punt:", "- Tweede punt")) == [
        "Eerste punt:",
        "Tweede punt",
    ]
    lead = "Een lange inleidende zin die meer zegt dan een kopje en eindigt op:"
    assert indicator_items(pieces(lead, "- een punt")) == [lead, "een punt"]
    # Labels on lines of their own, bullets glued to the first word (`-Eerste`).
    items = indicator_items(
        pieces("Voorfase:", "Een verkenning van", "de markt", "Fase A:", "-Eerste stap", "-Tweede")
    )
    assert items == [
        "Voorfase: Een verkenning van de markt",
        "Fase A: Eerste stap",
        "Fase A: Tweede",
    ]
    # Organisation cells use the same reading.
    assert organisation_names(pieces("trekker van het project:", "- Vereniging Noord")) == [
        "trekker van het project: Vereniging Noord"
    ]


def test_names_joined_by_en_are_split_where_the_document_names_each_part():
    one = Action("M1", "Een", responsible=["Mobiliteit en Energie"])
    two = Action("M2", "Twee", responsible=["Mobiliteit"], cooperating=["Energie"])
    three = Action(
        "M3",
        "Drie",
        responsible=["Natuur en Bos"],
        administrations=["Departement Omgeving en Agentschap Wegen en Verkeer"],
        partners=["Departement Omgeving", "Havenbedrijf en VMM (Milieumaatschappij)"],
    )
    split_joined_names([one, two, three])
    assert one.responsible == ["Mobiliteit", "Energie"]
    # `Natuur` is named nowhere on its own: one name.
    assert three.responsible == ["Natuur en Bos"]
    assert three.administrations == ["Departement Omgeving", "Agentschap Wegen en Verkeer"]
    # `Havenbedrijf` is no name of its own in this document: kept whole.
    assert three.partners == ["Departement Omgeving", "Havenbedrijf en VMM (Milieumaatschappij)"]


def test_organisation_lists_under_a_label_or_a_lead_in():
    # A label line heads the names after it; an inline label heads the names of its list.
    cell = pieces(
        "Scholen: Basisschool Noord,",
        "Basisschool Zuid,",
        "Ouders en buren:",
        "Buurtwerk, Oudervereniging",
    )
    assert organisation_names(cell) == [
        "Scholen: Basisschool Noord",
        "Scholen: Basisschool Zuid",
        "Ouders en buren: Buurtwerk",
        "Ouders en buren: Oudervereniging",
    ]
    # A sentence leading into a list (bullets lost in the extraction) is kept as the
    # sentence; the names under it stand alone.
    lead = pieces(
        "Een werkgroep met vertegenwoordigers van de betrokken diensten wordt opgericht met:",
        "Mobiliteit",
        "Leefmilieu",
    )
    assert organisation_names(lead) == [
        "Een werkgroep met vertegenwoordigers van de betrokken diensten wordt opgericht met:",
        "Mobiliteit",
        "Leefmilieu",
    ]
