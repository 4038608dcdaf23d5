"""Every read endpoint: list, one item, filters, pagination and ordering."""

from __future__ import annotations

import pytest

from beleidsmonitor.plans.models import Actor, Goal, Indicator
from tests.reports.scenario import APPROVED_NARRATIVE, DRAFT_NARRATIVE, PUBLISHED_NARRATIVE

pytestmark = pytest.mark.django_db


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"count", "limit", "offset", "items"}
    return body["items"]


def test_plans_list_and_detail(roles):
    plan = roles.scenario.plan
    listed = items(roles.anonymous.get("/api/plans"))
    assert [p["id"] for p in listed] == [plan.pk]
    assert listed[0]["licence"] == plan.licence
    assert listed[0]["action_count"] == plan.actions.count()
    detail = roles.anonymous.get(f"/api/plans/{plan.pk}").json()
    assert detail["title"] == plan.title
    assert items(roles.anonymous.get("/api/plans", text="bestaat-niet")) == []
    assert items(roles.anonymous.get("/api/plans", kind="beleidsnota")) == []
    assert len(items(roles.anonymous.get("/api/plans", current=True))) == 1


def test_plan_export_follows_the_reader(roles):
    plan = roles.scenario.plan
    anonymous = roles.anonymous.get(f"/api/plans/{plan.pk}/export").json()
    reader = roles.reader.get(f"/api/plans/{plan.pk}/export").json()
    assert [u["narrative"] for u in anonymous["monitoring"]["updates"]] == [PUBLISHED_NARRATIVE]
    narratives = {u["narrative"] for u in reader["monitoring"]["updates"]}
    assert {PUBLISHED_NARRATIVE, APPROVED_NARRATIVE, DRAFT_NARRATIVE} <= narratives


def test_goals_filter_by_plan_and_parent_in_plan_order(roles):
    plan = roles.scenario.plan
    goals = items(roles.anonymous.get("/api/goals", plan=plan.pk, limit=500))
    assert [g["key"] for g in goals] == list(plan.goals.values_list("key", flat=True))
    top = Goal.objects.filter(plan=plan, parent=None).first()
    children = items(roles.anonymous.get("/api/goals", parent=top.pk))
    assert children and all(g["parent"] == top.pk for g in children)
    assert roles.anonymous.get(f"/api/goals/{top.pk}").json()["key"] == top.key
    assert items(roles.anonymous.get("/api/goals", plan=987654)) == []


def test_actions_filters_and_status_follow_visibility(roles):
    plan = roles.scenario.plan
    all_actions = items(roles.anonymous.get("/api/actions", plan=plan.pk, limit=500))
    assert len(all_actions) == plan.actions.count()
    # anonymous: only the published status is known
    realised = items(roles.anonymous.get("/api/actions", status="gerealiseerd"))
    assert [a["id"] for a in realised] == [roles.scenario.published.action_id]
    assert items(roles.anonymous.get("/api/actions", status="lopend - vertraagd")) == []
    # a logged-in reader sees the draft's status too
    delayed = items(roles.reader.get("/api/actions", status="lopend - vertraagd"))
    assert [a["id"] for a in delayed] == [roles.scenario.draft.action_id]
    # text, actor and goal filters
    first = roles.scenario.published.action
    found = items(roles.anonymous.get("/api/actions", text=first.title.split()[0]))
    assert first.pk in [a["id"] for a in found]
    actor_id = first.actor_links.first().actor_id
    by_actor = items(roles.anonymous.get("/api/actions", actor=actor_id, limit=500))
    assert first.pk in [a["id"] for a in by_actor]
    assert all(actor_id in [x["actor"] for x in a["actors"]] for a in by_actor)
    by_goal = items(roles.anonymous.get("/api/actions", goal=first.goal_id))
    assert first.pk in [a["id"] for a in by_goal]
    detail = roles.anonymous.get(f"/api/actions/{first.pk}").json()
    assert detail["status"] == "gerealiseerd" and detail["status_round"] == roles.scenario.round.pk


def test_pagination_and_ordering(roles):
    plan = roles.scenario.plan
    page = roles.anonymous.get("/api/actions", plan=plan.pk, limit=3, offset=2).json()
    assert page["count"] == plan.actions.count()
    assert (page["limit"], page["offset"]) == (3, 2)
    keys = list(plan.actions.order_by("order").values_list("key", flat=True))
    assert [a["key"] for a in page["items"]] == keys[2:5]
    backwards = items(
        roles.anonymous.get("/api/actions", plan=plan.pk, ordering="-order", limit=500)
    )
    assert [a["key"] for a in backwards] == keys[::-1]
    titles = [
        a["title"] for a in items(roles.anonymous.get("/api/actions", ordering="title", limit=500))
    ]
    assert titles == sorted(titles)


def test_actors_list_filter_and_detail(roles):
    plan = roles.scenario.plan
    actors = items(roles.anonymous.get("/api/actors", plan=plan.pk, limit=500))
    assert actors and all(a["action_count"] >= 1 for a in actors)
    minister = Actor.objects.filter(kind="minister").first()
    ministers = items(roles.anonymous.get("/api/actors", kind="minister", limit=500))
    assert minister.pk in [a["id"] for a in ministers]
    assert all(a["kind"] == "minister" for a in ministers)
    detail = roles.anonymous.get(f"/api/actors/{minister.pk}").json()
    assert detail["name"] == minister.name and minister.name in detail["aliases"]
    named = items(roles.anonymous.get("/api/actors", text=minister.name))
    assert minister.pk in [a["id"] for a in named]


def test_indicators_list_filter_and_detail(roles):
    plan = roles.scenario.plan
    indicators = items(roles.anonymous.get("/api/indicators", plan=plan.pk, limit=500))
    assert len(indicators) == Indicator.objects.filter(action__plan=plan).count() + (
        Indicator.objects.filter(goal__plan=plan).count()
    )
    action = roles.scenario.published.action
    own = items(roles.anonymous.get("/api/indicators", action=action.pk))
    assert {i["id"] for i in own} == set(action.indicators.values_list("pk", flat=True))
    one = own[0]
    assert roles.anonymous.get(f"/api/indicators/{one['id']}").json()["text"] == one["text"]


def test_rounds_list_filter_and_detail(roles):
    round_ = roles.scenario.round
    rounds = items(roles.anonymous.get("/api/rounds", plan=roles.scenario.plan.pk))
    assert [r["id"] for r in rounds] == [round_.pk]
    assert rounds[0]["plans"] == [roles.scenario.plan.pk]
    assert rounds[0]["update_count"] == roles.scenario.plan.actions.count()
    assert items(roles.anonymous.get("/api/rounds", state="closed")) == []
    assert roles.anonymous.get(f"/api/rounds/{round_.pk}").json()["name"] == round_.name


def test_updates_anonymous_sees_published_only(roles):
    listed = items(roles.anonymous.get("/api/updates", limit=500))
    assert [u["id"] for u in listed] == [roles.scenario.published.pk]
    assert listed[0]["review_comment"] is None
    assert listed[0]["indicator_values"], "values of the published update are shown"
    assert roles.anonymous.get(f"/api/updates/{roles.scenario.draft.pk}").status_code == 404


def test_updates_reader_sees_all_and_filters(roles):
    s = roles.scenario
    everything = items(roles.reader.get("/api/updates", limit=500))
    assert len(everything) == s.round.updates.count()
    assert [u["id"] for u in items(roles.reader.get("/api/updates", state="approved"))] == [
        s.approved.pk
    ]
    assert [u["id"] for u in items(roles.reader.get("/api/updates", status="gerealiseerd"))] == [
        s.published.pk
    ]
    assert [u["id"] for u in items(roles.reader.get("/api/updates", text="opmaak"))] == [s.draft.pk]
    by_action = items(roles.reader.get("/api/updates", action=s.draft.action_id))
    assert [u["id"] for u in by_action] == [s.draft.pk]
    assert roles.reader.get(f"/api/updates/{s.draft.pk}").json()["narrative"] == DRAFT_NARRATIVE


def test_a_browser_session_counts_as_logged_in(roles, client):
    client.force_login(roles.coordinator_user)
    response = client.get("/api/updates", {"limit": 500})
    assert response.json()["count"] == roles.scenario.round.updates.count()


def test_the_status_filter_offers_every_update_status():
    from typing import get_args

    from beleidsmonitor.api.v1.actions import Status
    from beleidsmonitor.monitoring.models import UpdateStatus

    assert set(get_args(Status)) == set(UpdateStatus.values)
