"""The action-plan parser on small plans written for these tests."""

import pytest

from beleidsmonitor.ingest.actionplan import (
    collapse_repeat,
    list_entries,
    parse_action_plan,
    split_actors,
)
from beleidsmonitor.ingest.clean import clean_lines
from beleidsmonitor.ingest.metadata import guess_title
from beleidsmonitor.ingest.records import Line
from beleidsmonitor.ingest.text import join_text

PLAN = """\
1 INLEIDING

Dit Vlaams Actieplan Stille Straten 2025-2029 bundelt wat de ministers doen tegen
lawaai. Het plan is opgebouwd rond twee doelstellingen:
1. We maken straten rustiger.
2. We meten het lawaai beter.

1.1 WERKWIJZE

Elke actie heeft een tijdspad.

2 ACTIEPLAN

2.1 HD 1: WE MAKEN STRATEN EN PLEINEN RUSTIGER VOOR

IEDEREEN DIE ER WOONT

Lawaai van verkeer en werven weegt op de gezondheid. We pakken het aan bij
de bron.

2.1.1 OD 1.1: Gemeenten krijgen de middelen om stille zones in te richten in
hun centrum

Actie 1. Proefproject stille zones in vijf centrumsteden en hun
randgemeenten

Vijf steden richten een stille zone in rond scholen en woonzorgcentra. De
ervaringen worden gedeeld.

Doelstellingen

• Minder lawaai rond scholen.

• Een draaiboek voor andere steden.

De steden werken daarvoor samen met hun politiezone.

Beoogde resultaten

• Vijf stille zones

Verantwoordelijke
minister(s)

Minister van Omgeving

In samenwerking met Minister van Mobiliteit
Minister van Binnenlands Bestuur

Tijdspad 2026 - 2027

Indicator(en) - Aantal ingerichte stille zones
- 1 draaiboek

Actie 2. Stille wegdekken bij heraanleg

We leggen bij elke heraanleg van een gewestweg een stil wegdek aan.
https://www.voorbeeld.be/stille-wegdekken
 Verantwoordelijke minister(s) Minister van Mobiliteit, Minister van Omgeving en
Minister van Financiën
 Tijdspad Vanaf 1 maart 2026
 Indicator(en) Kilometer stil wegdek per jaar
Analyse van de geluidsmetingen

2.2 WE METEN HET LAWAAI BETER

Zonder metingen weten we niet waar het lawaai het grootst is.

2.2.1 OD 1.2: Er is een meetnet voor lawaai

Actie 3. Meetnet lawaai

In samenwerking met de provincies plaatsen we meetpunten.

Verantwoordelijke minister(s) Minister van Omgeving

Tijdspad 2027

2027Indicator(en)

- Aantal meetpunten
- Percentage inwoners binnen 2 km van een
meetpunt

Actie 4.

Dit wordt uitgewerkt onder actie 3.
"""


def parse_text(text: str):
    return parse_action_plan(clean_lines(text.splitlines()))


def test_goals_with_levels_numbers_parents_and_joined_titles():
    plan = parse_text(PLAN)
    goals = {g.id: g for g in plan.goals}
    assert list(goals) == ["HD1", "OD1.1", "HD2", "OD1.2"]
    assert goals["HD1"].title == "WE MAKEN STRATEN EN PLEINEN RUSTIGER VOOR IEDEREEN DIE ER WOONT"
    assert (goals["HD1"].first_line, goals["HD1"].last_line) == (14, 16)
    assert goals["HD1"].text == (
        "Lawaai van verkeer en werven weegt op de gezondheid. We pakken het aan bij de bron."
    )
    assert goals["OD1.1"].title == (
        "Gemeenten krijgen de middelen om stille zones in te richten in hun centrum"
    )
    assert goals["OD1.1"].parent == "HD1"
    assert goals["HD2"].title == "WE METEN HET LAWAAI BETER"
    assert goals["HD2"].text == "Zonder metingen weten we niet waar het lawaai het grootst is."


def test_heading_without_level_label_gets_the_level_and_number_its_place_implies():
    plan = parse_text(PLAN)
    hd2 = plan.goal_by_id("HD2")
    assert (hd2.level, hd2.number, hd2.parent) == ("HD", "2", None)
    messages = [w.message for w in plan.warnings]
    assert any("no level label" in m and "HD 2" in m for m in messages)


def test_introduction_is_not_read_as_goals_or_actions():
    plan = parse_text(PLAN)
    assert all(g.first_line > 13 for g in plan.goals)
    assert plan.title == "Vlaams Actieplan Stille Straten"
    assert (plan.period_start, plan.period_end) == (2025, 2029)
    assert plan.kind == "actieplan"


def test_od_number_that_points_to_another_goal_wins_and_is_reported():
    plan = parse_text(PLAN)
    assert plan.goal_by_id("OD1.2").parent == "HD1"
    assert any(
        "OD1.2 stands under HD2" in w.message and "linked to HD1" in w.message
        for w in plan.warnings
    )


def test_action_with_wrapped_title_lists_and_split_label():
    action = parse_text(PLAN).actions[0]
    assert (action.id, action.number, action.kind, action.goal) == ("A1", "1", "actie", "OD1.1")
    assert action.title == "Proefproject stille zones in vijf centrumsteden en hun randgemeenten"
    assert action.description == (
        "Vijf steden richten een stille zone in rond scholen en woonzorgcentra. De ervaringen "
        "worden gedeeld. De steden werken daarvoor samen met hun politiezone."
    )
    assert action.objectives == ["Minder lawaai rond scholen.", "Een draaiboek voor andere steden."]
    assert action.results == ["Vijf stille zones"]
    assert action.responsible == ["Minister van Omgeving"]
    assert action.cooperating == ["Minister van Mobiliteit", "Minister van Binnenlands Bestuur"]
    assert (action.timeline.text, action.timeline.start, action.timeline.end) == (
        "2026 - 2027",
        "2026-01-01",
        "2027-12-31",
    )
    assert [(i.text, i.kind, i.target) for i in action.indicators] == [
        ("Aantal ingerichte stille zones", "count", None),
        ("1 draaiboek", "deliverable", "1"),
    ]
    assert (action.first_line, action.last_line) == (24, 53)


def test_page_break_lines_one_line_minister_list_and_stray_link():
    plan = parse_text(PLAN)
    action = plan.actions[1]
    assert action.title == "Stille wegdekken bij heraanleg"
    assert (
        action.description == "We leggen bij elke heraanleg van een gewestweg een stil wegdek aan."
    )
    assert action.responsible == [
        "Minister van Mobiliteit",
        "Minister van Omgeving",
        "Minister van Financiën",
    ]
    assert (action.timeline.start, action.timeline.end) == ("2026-03-01", None)
    assert [i.text for i in action.indicators] == [
        "Kilometer stil wegdek per jaar",
        "Analyse van de geluidsmetingen",
    ]
    assert any(w.line == 58 and "link" in w.message for w in plan.warnings)


def test_running_text_that_starts_like_a_label_stays_description_and_glued_label_is_split():
    plan = parse_text(PLAN)
    action = plan.actions[2]
    assert action.goal == "OD1.2"
    assert action.description == "In samenwerking met de provincies plaatsen we meetpunten."
    assert action.cooperating == []
    assert action.timeline.text == "2027"
    assert [i.text for i in action.indicators] == [
        "Aantal meetpunten",
        "Percentage inwoners binnen 2 km van een meetpunt",
    ]
    assert [i.kind for i in action.indicators] == ["count", "percentage"]
    assert any("repeated" in w.message for w in plan.warnings)


def test_action_without_title_or_fields_is_kept_and_reported():
    plan = parse_text(PLAN)
    action = plan.actions[3]
    assert action.title == "Actie 4"
    assert action.description == "Dit wordt uitgewerkt onder actie 3."
    assert action.responsible == [] and action.indicators == []
    assert action.timeline.text is None
    messages = {w.message for w in plan.warnings if w.line == action.first_line}
    assert messages == {
        "action 4 has no title",
        "action 4 without a responsible minister",
        "action 4 without a timeline",
        "action 4 without indicators",
    }


def test_to_json_is_complete_for_every_action():
    plan = parse_text(PLAN)
    data = plan.to_json(file="x.txt", sha256=None, line_count=90)
    assert [a["id"] for a in data["actions"]] == ["A1", "A2", "A3", "A4"]
    for action in data["actions"]:
        assert action["title"]
        assert action["goal"] in {g["id"] for g in data["goals"]}
        assert all(i["kind"] for i in action["indicators"])


def test_odd_input_never_crashes():
    assert parse_action_plan([]).goals == []
    assert parse_text("").actions == []
    assert parse_text("Actie 1.").actions[0].title == "Actie 1"
    repeated = parse_text("2.1 HD 1:\n2.1 HD 1:\nActie 1. Iets")
    assert [(g.id, g.title) for g in repeated.goals] == [("HD1", "HD 1")]
    assert repeated.actions[0].goal == "HD1"
    assert any("repeats" in w.message for w in repeated.warnings)
    plan = parse_text("Actie 7. Iets\nTijdspad\nTijdspad morgen\nActie 7. Nog eens")
    assert [a.id for a in plan.actions] == ["A7", "A7-2"]
    assert any("used twice" in w.message for w in plan.warnings)
    assert plan.actions[0].timeline.text == "morgen"


def test_action_before_any_goal_is_reported():
    plan = parse_text("Actie 1. Los van alles\nVerantwoordelijke minister(s) Minister van Werk")
    assert plan.actions[0].goal is None
    assert any("before any goal" in w.message for w in plan.warnings)


def test_annex_chapter_after_the_goals_is_reported_not_read():
    # Enough lines after the chapter heading that the clean-up does not take them for a
    # footnote block at the end of the page.
    annex = "\n".join(f"Regel {n} van de bijlage." for n in range(20))
    text = f"2.1 HD 1: DOEL\n\nActie 1. Iets\nTijdspad 2026\n4 VTE\n\n3 BIJLAGEN\n\n{annex}"
    plan = parse_text(text)
    assert plan.actions[0].timeline.text == "2026 4 VTE"
    assert [w.line for w in plan.warnings if "BIJLAGEN" in w.message] == [7]


def test_list_entries_unbulleted_lines_are_entries_unless_they_wrap():
    parts = [
        "Aantal gemeenten dat een stille zone heeft ingericht in het",
        "centrum of rond een school (volgens de",
        "gemeentelijke registratie)",
        "Rapport",
        "Aantal klachten",
    ]
    entries, trailing = list_entries(parts)
    assert entries == [
        "Aantal gemeenten dat een stille zone heeft ingericht in het centrum of rond een "
        "school (volgens de gemeentelijke registratie)",
        "Rapport",
        "Aantal klachten",
    ]
    assert trailing == []


def test_list_entries_bullets_with_group_labels_and_blank_line_wraps():
    parts = ["Wegen:", "- Aantal km", "", "stil asfalt", "Spoor:", "- 1 studie"]
    assert list_entries(parts) == (["Wegen: Aantal km stil asfalt", "Spoor: 1 studie"], [])


def test_split_actors():
    assert split_actors(["- Minister van Werk", "- Minister van Onderwijs en", "Vorming"]) == [
        "Minister van Werk",
        "Minister van Onderwijs en Vorming",
    ]
    assert split_actors(["Minister van Cultuur, Minister van Jeugd en", "Minister van Sport."]) == [
        "Minister van Cultuur",
        "Minister van Jeugd",
        "Minister van Sport",
    ]
    assert split_actors(["Minister van Justitie en Handhaving", "", "Vlaamse Regering"]) == [
        "Minister van Justitie en Handhaving",
        "Vlaamse Regering",
    ]
    assert split_actors([]) == []


def test_collapse_repeat():
    assert collapse_repeat("2026-2027 2026-2027") == "2026-2027"
    assert collapse_repeat("2026 2027") == "2026 2027"
    assert collapse_repeat(None) is None


# The shared steps this layout needed changed in a general way; their tests live here.


def test_section_number_is_not_taken_for_a_footnote_marker():
    raw = [
        "2.1 HD 1: EEN DOEL",
        "2.1.4 OD 1.4 Meer bomen in de stad",
        "Actie 1. Bomen planten",
        "Een zin met een voetnoot.4",
        "4 Bron: een rapport.",
        " Volgende pagina",
    ]
    plan = parse_text("\n".join(raw))
    assert [g.id for g in plan.goals] == ["HD1", "OD1.4"]
    assert plan.actions[0].description == "Een zin met een voetnoot. Volgende pagina"


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["een diploma-", "erkenning"], "een diploma-erkenning"),
        (["een non-", "discriminatieclausule"], "een non-discriminatieclausule"),
        (["het sociaal-", "culturele werk"], "het sociaal-culturele werk"),
        (["de organisa-", "tie van"], "de organisatie van"),
    ],
)
def test_line_end_hyphen_kept_where_dutch_writes_one(parts, joined):
    assert join_text(parts) == joined


def test_title_is_the_name_the_plan_gives_itself_not_a_plan_it_cites():
    cited_first = [
        "Dit plan vult het Vlaams Actieplan Zachte Mobiliteit aan.",
        "In dit Horizontaal Fietsbeleidsplan staan extra inspanningen.",
    ]
    lines = [Line(n, text) for n, text in enumerate(cited_first, start=1)]
    assert guess_title(lines) == "Horizontaal Fietsbeleidsplan"
    assert guess_title(lines[:1]) == "Vlaams Actieplan Zachte Mobiliteit"
