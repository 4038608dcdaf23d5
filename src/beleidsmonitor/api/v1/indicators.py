"""Indicators of actions and goals, with baseline and target."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from beleidsmonitor.api.auth import read_auth
from beleidsmonitor.api.v1.common import (
    Id,
    ListParams,
    PageMeta,
    number,
    order,
    paginate,
    words_filter,
)
from beleidsmonitor.plans.models import Indicator

router = Router(tags=["indicators"])


class IndicatorOut(Schema):
    id: int
    plan: int | None
    action: int | None
    goal: int | None
    text: str
    kind: str
    level: str
    unit: str
    baseline: float | None
    target: str
    target_value: float | None
    target_date: date | None
    order: int


class IndicatorPage(PageMeta):
    items: list[IndicatorOut]


class IndicatorFilters(ListParams):
    plan: Id | None = None
    goal: Id | None = None
    action: Id | None = None
    actor: Id | None = None
    kind: Literal["count", "percentage", "deliverable", "qualitative"] | None = None
    ordering: Literal["order", "-order", "text", "-text", "id", "-id"] = "id"


def indicator_out(indicator: Indicator) -> dict[str, Any]:
    plan_id = indicator.action.plan_id if indicator.action_id else indicator.goal.plan_id
    return {
        "id": indicator.pk,
        "plan": plan_id,
        "action": indicator.action_id,
        "goal": indicator.goal_id,
        "text": indicator.text,
        "kind": indicator.kind,
        "level": indicator.level,
        "unit": indicator.unit,
        "baseline": number(indicator.baseline),
        "target": indicator.target,
        "target_value": number(indicator.target_value),
        "target_date": indicator.target_date,
        "order": indicator.order,
    }


def _indicators():
    return Indicator.objects.select_related("action", "goal")


@router.get("/indicators", response=IndicatorPage, auth=read_auth, summary="List indicators")
def list_indicators(request, filters: Query[IndicatorFilters]):
    indicators = words_filter(_indicators(), filters.text, "text", "target")
    if filters.plan:
        indicators = indicators.filter(
            Q(action__plan_id=filters.plan) | Q(goal__plan_id=filters.plan)
        )
    if filters.goal:
        # a goal's own indicators and those of the actions under it
        indicators = indicators.filter(Q(goal_id=filters.goal) | Q(action__goal_id=filters.goal))
    if filters.action:
        indicators = indicators.filter(action_id=filters.action)
    if filters.actor:
        indicators = indicators.filter(action__actor_links__actor_id=filters.actor)
    if filters.kind:
        indicators = indicators.filter(kind=filters.kind)
    return paginate(order(indicators.distinct(), filters.ordering), filters, indicator_out)


@router.get(
    "/indicators/{indicator_id}", response=IndicatorOut, auth=read_auth, summary="One indicator"
)
def get_indicator(request, indicator_id: Id):
    return indicator_out(get_object_or_404(_indicators(), pk=indicator_id))
