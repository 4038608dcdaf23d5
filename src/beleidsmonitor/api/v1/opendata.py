"""Open data: published monitoring data of current plans, each under its stated licence.

Public, no token: the same content whoever asks, since only published data is in it.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema

from beleidsmonitor.api.v1.common import Id
from beleidsmonitor.plans.models import Plan
from beleidsmonitor.reports.exports import EXPORT_FORMATS, export_json

router = Router(tags=["open data"])


class OpenDataPlan(Schema):
    id: int
    title: str
    period_start: int | None
    period_end: int | None
    licence: str
    downloads: dict[str, str]


@router.get(
    "/open-data/plans",
    response=list[OpenDataPlan],
    auth=None,
    summary="Current plans with their licence and download links",
)
def open_data_plans(request):
    return [
        {
            "id": plan.pk,
            "title": plan.title,
            "period_start": plan.period_start,
            "period_end": plan.period_end,
            "licence": plan.licence,
            "downloads": {
                fmt: request.build_absolute_uri(
                    reverse("reports:open-data-file", args=[plan.pk, fmt])
                )
                for fmt in EXPORT_FORMATS
            },
        }
        for plan in Plan.objects.filter(is_current=True).order_by("title", "pk")
    ]


@router.get(
    "/open-data/plans/{plan_id}",
    response=dict[str, Any],
    auth=None,
    summary="One plan JSON with its published monitoring data and licence",
)
def open_data_plan(request, plan_id: Id):
    plan = get_object_or_404(Plan, pk=plan_id, is_current=True)
    return export_json(plan, user=None, published_only=True)
