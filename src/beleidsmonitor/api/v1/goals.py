"""Goals (doelstellingen) of plans."""

from __future__ import annotations

from typing import Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from beleidsmonitor.api.auth import read_auth
from beleidsmonitor.api.v1.common import Id, ListParams, PageMeta, paginate, words_filter
from beleidsmonitor.plans.models import Goal

router = Router(tags=["goals"])


class GoalOut(Schema):
    id: int
    plan: int
    key: str
    level: str
    number: str
    title: str
    text: str
    parent: int | None
    order: int


class GoalPage(PageMeta):
    items: list[GoalOut]


class GoalFilters(ListParams):
    plan: Id | None = None
    parent: Id | None = None
    level: str | None = None
    ordering: Literal["order", "-order", "key", "-key", "id", "-id"] = "order"


def goal_out(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.pk,
        "plan": goal.plan_id,
        "key": goal.key,
        "level": goal.level,
        "number": goal.number,
        "title": goal.title,
        "text": goal.text,
        "parent": goal.parent_id,
        "order": goal.order,
    }


@router.get("/goals", response=GoalPage, auth=read_auth, summary="List goals")
def list_goals(request, filters: Query[GoalFilters]):
    goals = words_filter(Goal.objects.all(), filters.text, "title", "text", "key")
    if filters.plan:
        goals = goals.filter(plan_id=filters.plan)
    if filters.parent:
        goals = goals.filter(parent_id=filters.parent)
    if filters.level:
        goals = goals.filter(level__iexact=filters.level.replace("\x00", ""))
    # plan first so "order" (the place within a plan) gives a readable listing across plans
    return paginate(goals.order_by("plan_id", filters.ordering, "pk"), filters, goal_out)


@router.get("/goals/{goal_id}", response=GoalOut, auth=read_auth, summary="One goal")
def get_goal(request, goal_id: Id):
    return goal_out(get_object_or_404(Goal, pk=goal_id))
