"""Actions of plans, with their actors and the latest status this user may see."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from beleidsmonitor.api.access import visible_updates
from beleidsmonitor.api.auth import read_auth
from beleidsmonitor.api.v1.common import (
    Id,
    ListParams,
    PageMeta,
    number,
    paginate,
    words_filter,
)
from beleidsmonitor.monitoring.models import ActionUpdate
from beleidsmonitor.plans.models import Action, ActionActor

router = Router(tags=["actions"])

Status = Literal[
    "niet gestart",
    "lopend - op schema",
    "lopend - vertraagd",
    "gerealiseerd",
    "stopgezet",
    "bijgestuurd",
]
# tests/api/test_read_endpoints.py checks this lists every UpdateStatus.


class ActionActorOut(Schema):
    actor: int
    name: str
    role: str
    written_as: str


class ActionOut(Schema):
    id: int
    plan: int
    goal: int | None
    also_goals: list[int]
    key: str
    number: str
    kind: str
    title: str
    description: str
    objectives: list[str]
    results: list[str]
    timeline_text: str
    start_date: date | None
    end_date: date | None
    budget_text: str
    budget_amount: float | None
    actors: list[ActionActorOut]
    status: str | None
    status_round: int | None


class ActionPage(PageMeta):
    items: list[ActionOut]


class ActionFilters(ListParams):
    plan: Id | None = None
    goal: Id | None = None
    actor: Id | None = None
    status: Status | None = None
    round: Id | None = None
    ordering: Literal[
        "order",
        "-order",
        "key",
        "-key",
        "title",
        "-title",
        "start_date",
        "-start_date",
        "end_date",
        "-end_date",
        "id",
        "-id",
    ] = "order"


def with_status(actions, user, round_id: int | None = None):
    """Annotate the status of each action's latest update this user may read."""
    updates = visible_updates(user, ActionUpdate.objects.filter(action=OuterRef("pk")))
    updates = updates.exclude(status="")
    if round_id:
        updates = updates.filter(round_id=round_id)
    latest = updates.order_by("-round__period_end", "-round_id")
    return actions.annotate(
        latest_status=Subquery(latest.values("status")[:1]),
        latest_round=Subquery(latest.values("round_id")[:1]),
    )


def _actions(user, round_id: int | None = None):
    links = Prefetch("actor_links", queryset=ActionActor.objects.select_related("actor"))
    return with_status(Action.objects.prefetch_related(links, "extra_goals"), user, round_id)


def action_out(action: Action) -> dict[str, Any]:
    return {
        "id": action.pk,
        "plan": action.plan_id,
        "goal": action.goal_id,
        "also_goals": [goal.pk for goal in action.extra_goals.all()],
        "key": action.key,
        "number": action.number,
        "kind": action.kind,
        "title": action.title,
        "description": action.description,
        "objectives": [str(item) for item in action.objectives],
        "results": [str(item) for item in action.results],
        "timeline_text": action.timeline_text,
        "start_date": action.start_date,
        "end_date": action.end_date,
        "budget_text": action.budget_text,
        "budget_amount": number(action.budget_amount),
        "actors": [
            {
                "actor": link.actor_id,
                "name": link.actor.name,
                "role": link.role,
                "written_as": link.written_as,
            }
            for link in action.actor_links.all()
        ],
        "status": getattr(action, "latest_status", None),
        "status_round": getattr(action, "latest_round", None),
    }


@router.get("/actions", response=ActionPage, auth=read_auth, summary="List actions")
def list_actions(request, filters: Query[ActionFilters]):
    actions = words_filter(
        _actions(request.auth, filters.round), filters.text, "title", "description", "key"
    )
    if filters.plan:
        actions = actions.filter(plan_id=filters.plan)
    if filters.goal:
        actions = actions.filter(Q(goal_id=filters.goal) | Q(extra_goals=filters.goal))
    if filters.actor:
        actions = actions.filter(actor_links__actor_id=filters.actor)
    if filters.status:
        actions = actions.filter(latest_status=filters.status)
    actions = actions.distinct().order_by("plan_id", filters.ordering, "pk")
    return paginate(actions, filters, action_out)


@router.get("/actions/{action_id}", response=ActionOut, auth=read_auth, summary="One action")
def get_action(request, action_id: Id):
    return action_out(get_object_or_404(_actions(request.auth), pk=action_id))
