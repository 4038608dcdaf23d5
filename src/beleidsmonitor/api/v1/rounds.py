"""Reporting rounds: list, one round, open a round and close it (coordinators, admins)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from beleidsmonitor.api.auth import read_auth, token_auth
from beleidsmonitor.api.v1.common import Id, ListParams, PageMeta, order, paginate, words_filter
from beleidsmonitor.monitoring.errors import InvalidValues
from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.plans.models import Plan

router = Router(tags=["rounds"])


class RoundOut(Schema):
    id: int
    name: str
    period_start: date
    period_end: date
    deadline: date
    state: str
    plans: list[int]
    update_count: int
    opened_at: datetime | None
    closed_at: datetime | None


class RoundPage(PageMeta):
    items: list[RoundOut]


class RoundFilters(ListParams):
    plan: Id | None = None
    state: Literal["open", "closed"] | None = None
    ordering: Literal[
        "name", "-name", "period_end", "-period_end", "deadline", "-deadline", "id", "-id"
    ] = "-period_end"


class RoundIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    period_start: date
    period_end: date
    deadline: date
    plans: list[Id] = Field(..., min_length=1, max_length=100)


def round_out(round_: ReportingRound) -> dict[str, Any]:
    return {
        "id": round_.pk,
        "name": round_.name,
        "period_start": round_.period_start,
        "period_end": round_.period_end,
        "deadline": round_.deadline,
        "state": round_.state,
        "plans": [plan.pk for plan in round_.plans.all()],
        "update_count": round_.update_count,
        "opened_at": round_.opened_at,
        "closed_at": round_.closed_at,
    }


def _rounds():
    return ReportingRound.objects.prefetch_related(
        Prefetch("plans", queryset=Plan.objects.only("pk"))
    ).annotate(update_count=Count("updates", distinct=True))


@router.get("/rounds", response=RoundPage, auth=read_auth, summary="List reporting rounds")
def list_rounds(request, filters: Query[RoundFilters]):
    rounds = words_filter(_rounds(), filters.text, "name")
    if filters.plan:
        rounds = rounds.filter(plans=filters.plan)
    if filters.state:
        rounds = rounds.filter(state=filters.state)
    return paginate(order(rounds.distinct(), filters.ordering), filters, round_out)


@router.get("/rounds/{round_id}", response=RoundOut, auth=read_auth, summary="One round")
def get_round(request, round_id: Id):
    return round_out(get_object_or_404(_rounds(), pk=round_id))


@router.post(
    "/rounds",
    response={201: RoundOut},
    auth=token_auth,
    summary="Open a reporting round over some plans (their coordinators, administrators)",
)
def create_round(request, data: RoundIn):
    plans = list(Plan.objects.filter(pk__in=data.plans))
    missing = sorted(set(data.plans) - {plan.pk for plan in plans})
    if missing:
        raise InvalidValues({"plans": f"Geen plan met nummer {', '.join(map(str, missing))}."})
    round_ = open_round(
        request.auth,
        name=data.name.replace("\x00", ""),
        period_start=data.period_start,
        period_end=data.period_end,
        deadline=data.deadline,
        plans=plans,
    )
    return Status(201, round_out(_rounds().get(pk=round_.pk)))


@router.post(
    "/rounds/{round_id}/close",
    response=RoundOut,
    auth=token_auth,
    summary="Close a round (coordinators of all its plans, administrators)",
)
def close(request, round_id: Id):
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    close_round(request.auth, round_)
    return round_out(_rounds().get(pk=round_id))
