"""Plans: list, one plan, its plan JSON export, and storing a plan JSON (administrators)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.db.models import Count
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from pydantic import BaseModel, ConfigDict

from beleidsmonitor.api.auth import read_auth, token_auth
from beleidsmonitor.api.v1.common import Id, ListParams, PageMeta, order, paginate, words_filter
from beleidsmonitor.plans.models import Plan

router = Router(tags=["plans"])


class PlanOut(Schema):
    id: int
    title: str
    kind: str
    policy_field: str
    period_start: int | None
    period_end: int | None
    report_year: int | None
    licence: str
    version: int
    is_current: bool
    replaces: int | None
    imported_at: datetime
    goal_count: int
    action_count: int


class PlanPage(PageMeta):
    items: list[PlanOut]


class PlanFilters(ListParams):
    kind: Literal["actieplan", "beleidsnota", "voortgangsrapport", "onbekend"] | None = None
    current: bool | None = Field(None, description="Only current (true) or older (false) versions.")
    ordering: Literal["title", "-title", "period_start", "-period_start", "id", "-id"] = "id"


class PlanDocument(BaseModel):
    """A plan JSON document (`beleidsmonitor.plan/1`), see the project's plan-json spec."""

    # A pydantic model rather than a ninja Schema: ninja's Schema drops extra fields,
    # and everything but `format` is extra here.

    model_config = ConfigDict(extra="allow")
    format: str = Field(..., description="Must be 'beleidsmonitor.plan/1'.")


class ImportOut(Schema):
    status: str
    plan: PlanOut
    counts: dict[str, int]
    updates_restored: int = 0


def plan_out(plan: Plan) -> dict[str, Any]:
    goal_count = getattr(plan, "goal_count", None)
    action_count = getattr(plan, "action_count", None)
    return {
        "id": plan.pk,
        "title": plan.title,
        "kind": plan.kind,
        "policy_field": plan.policy_field,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "report_year": plan.report_year,
        "licence": plan.licence,
        "version": plan.version,
        "is_current": plan.is_current,
        "replaces": plan.replaces_id,
        "imported_at": plan.imported_at,
        "goal_count": plan.goals.count() if goal_count is None else goal_count,
        "action_count": plan.actions.count() if action_count is None else action_count,
    }


def _plans():
    return Plan.objects.annotate(
        goal_count=Count("goals", distinct=True), action_count=Count("actions", distinct=True)
    )


@router.get("/plans", response=PlanPage, auth=read_auth, summary="List plans")
def list_plans(request, filters: Query[PlanFilters]):
    plans = words_filter(_plans(), filters.text, "title", "policy_field")
    if filters.kind:
        plans = plans.filter(kind=filters.kind)
    if filters.current is not None:
        plans = plans.filter(is_current=filters.current)
    return paginate(order(plans, filters.ordering), filters, plan_out)


@router.get("/plans/{plan_id}", response=PlanOut, auth=read_auth, summary="One plan")
def get_plan(request, plan_id: Id):
    return plan_out(get_object_or_404(_plans(), pk=plan_id))


@router.get(
    "/plans/{plan_id}/export",
    response=dict[str, Any],
    auth=read_auth,
    summary="The plan JSON with the monitoring data this user may read",
)
def export_plan_json(request, plan_id: Id):
    from beleidsmonitor.reports.exports import export_json

    plan = get_object_or_404(Plan, pk=plan_id)
    return export_json(plan, user=request.auth)


@router.post(
    "/plans",
    response={200: ImportOut, 201: ImportOut},
    auth=token_auth,
    summary="Store a plan JSON document or an export with monitoring data (coordinating team)",
)
def import_plan_json(request, document: PlanDocument):
    """A plan JSON; with the `monitoring` section of an export, its rounds and updates too."""
    from beleidsmonitor.monitoring.permissions import Operation, check
    from beleidsmonitor.reports.restore import restore_plan

    check(request.auth, Operation.IMPORT_PLAN)
    restored = restore_plan(document.model_dump(), user=request.auth)
    result = restored.plan
    plan = _plans().get(pk=result.plan.pk)
    changed = result.status != "unchanged" or restored.updates_created
    return Status(
        201 if changed else 200,
        {
            "status": result.status,
            "plan": plan_out(plan),
            "counts": result.counts,
            "updates_restored": restored.updates_created,
        },
    )
