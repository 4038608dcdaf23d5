"""The home page lists plans; the plan page shows the goal tree."""

import json
from pathlib import Path

import pytest

from beleidsmonitor.plans.operations.import_plan import import_plan

SMALL_PLAN = Path(__file__).parents[1] / "data" / "small-plan.json"

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return import_plan(json.loads(SMALL_PLAN.read_text(encoding="utf-8"))).plan


def test_home_lists_current_plans_with_period_and_counts(client, plan):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Actieplan Veilig Fietsen 2025-2029" in html
    assert f'href="/plannen/{plan.pk}/"' in html
    assert '<html lang="nl">' in html


def test_home_without_plans_says_how_to_import(client):
    assert "beleidsmonitor import" in client.get("/").content.decode()


def test_plan_page_shows_goals_with_their_actions_and_responsible_minister(client, plan):
    html = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert html.index("Fietsen wordt veiliger") < html.index("Schoolroutes zijn veilig")
    assert html.index("Schoolroutes zijn veilig") < html.index("Schoolstraten in elke gemeente")
    assert "Minister van Mobiliteit" in html


def test_unknown_plan_is_404(client):
    assert client.get("/plannen/424242/").status_code == 404


# Filters and pagination on the plan page (plan fixtures in tests/web/conftest.py).


def action_titles(html: str) -> list[str]:
    import re

    return re.findall(r'class="action-link"[^>]*><span class="code">[^<]*</span> ([^<]+)</a>', html)


def test_plan_page_filters_by_minister(client, work):
    html = client.get(f"/plannen/{work.pk}/?actor=minister-van-onderwijs").content.decode()
    assert action_titles(html) == ["Een opleidingscheque voor knelpuntberoepen"]
    assert "1 actie voldoet aan de filters" in html


def test_plan_page_filters_by_goal_with_its_subgoals(client, work):
    goal = work.goals.get(key="SD1")
    html = client.get(f"/plannen/{work.pk}/?doel={goal.pk}").content.decode()
    assert action_titles(html) == [
        "Jobpunten in elk lokaal bestuur",
        "Trajecten met de VDAB voor langdurig werklozen",
    ]


def test_plan_page_filters_by_theme(client, work):
    theme = work.goals.get(key="SD2")
    html = client.get(f"/plannen/{work.pk}/?thema={theme.pk}").content.decode()
    assert action_titles(html) == ["Een opleidingscheque voor knelpuntberoepen"]


def test_plan_page_filters_late_and_this_year(client, work):
    late = client.get(f"/plannen/{work.pk}/?tijd=te-laat").content.decode()
    assert action_titles(late) == ["Jobpunten in elk lokaal bestuur"]
    assert "te laat" in late
    now = client.get(f"/plannen/{work.pk}/?tijd=dit-jaar").content.decode()
    assert action_titles(now) == ["Trajecten met de VDAB voor langdurig werklozen"]


def test_plan_page_filters_by_text_with_stemming(client, work):
    html = client.get(f"/plannen/{work.pk}/?q=gemeenten").content.decode()
    assert action_titles(html) == ["Jobpunten in elk lokaal bestuur"]


def test_plan_page_filter_form_is_labelled(client, work):
    html = client.get(f"/plannen/{work.pk}/").content.decode()
    for name in ("actor", "doel", "thema", "tijd", "q"):
        assert f'<label for="id_{name}">' in html
        assert f'id="id_{name}"' in html


def test_plan_page_is_paginated(client, work):
    from beleidsmonitor.plans.models import Action

    goal = work.goals.get(key="SD2")
    Action.objects.bulk_create(
        Action(plan=work, key=f"X{n}", goal=goal, title=f"Extra actie {n}", order=10 + n)
        for n in range(60)
    )
    first = client.get(f"/plannen/{work.pk}/").content.decode()
    assert len(action_titles(first)) == 50
    assert "Pagina 1 van 2" in first
    second = client.get(f"/plannen/{work.pk}/?pagina=2").content.decode()
    assert len(action_titles(second)) == 13
    assert "Extra actie 59" in second
    assert "Jobpunten in elk lokaal bestuur" not in second


def test_plan_page_filters_by_actor_and_role(client, work):
    url = f"/plannen/{work.pk}/?actor=minister-van-werk"
    assert len(action_titles(client.get(url).content.decode())) == 3
    html = client.get(url + "&rol=cooperating").content.decode()
    assert action_titles(html) == ["Een opleidingscheque voor knelpuntberoepen"]
    assert '<option value="cooperating" selected>' in html
    # a role alone: the actions on which someone has that role
    html = client.get(f"/plannen/{work.pk}/?rol=cooperating").content.decode()
    assert action_titles(html) == [
        "Jobpunten in elk lokaal bestuur",
        "Een opleidingscheque voor knelpuntberoepen",
    ]


@pytest.mark.parametrize(
    ("query", "label", "value"),
    [("doel=abc", "Doelstelling", "abc"), ("status=foo", "Status", "foo")],
)
def test_plan_page_says_which_filter_value_it_ignored(client, work, query, label, value):
    html = client.get(f"/plannen/{work.pk}/?{query}").content.decode()
    assert f"Filter {label}: de waarde “{value}” werd niet begrepen en genegeerd." in html
    assert len(action_titles(html)) == 3  # the list is still there, unfiltered


def test_an_ignored_filter_value_keeps_the_other_filters(client, work):
    html = client.get(f"/plannen/{work.pk}/?actor=minister-van-onderwijs&doel=abc").content.decode()
    assert "werd niet begrepen en genegeerd" in html
    assert action_titles(html) == ["Een opleidingscheque voor knelpuntberoepen"]


def test_valid_filters_give_no_notice(client, work):
    goal = work.goals.get(key="SD1")
    for url in (f"/plannen/{work.pk}/", f"/plannen/{work.pk}/?doel={goal.pk}&status=geen"):
        assert "niet begrepen" not in client.get(url).content.decode()


def test_timeline_says_which_filter_value_it_ignored(client, work):
    html = client.get(f"/plannen/{work.pk}/tijdlijn/?tijd=gisteren").content.decode()
    assert "Filter Tijdspad: de waarde “gisteren” werd niet begrepen en genegeerd." in html


def test_an_old_version_of_a_plan_points_to_the_one_that_replaced_it(client, plan):
    data = json.loads(SMALL_PLAN.read_text(encoding="utf-8"))
    data["source"] = {**data["source"], "sha256": "verbeterd"}
    data["actions"][0]["title"] = "Schoolstraten in elke gemeente, ook in het weekend"
    newer = import_plan(data).plan
    old_page = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert "Dit is versie 1 van het plan, vervangen door" in old_page
    assert f'href="/plannen/{newer.pk}/"' in old_page
    assert "vervangen door" not in client.get(f"/plannen/{newer.pk}/").content.decode()
