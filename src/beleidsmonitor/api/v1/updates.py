"""Updates (rapporteringen): read as the web allows, write through the monitoring operations.

Every write names the `version` the client last read, as the web editor does, so two
people editing the same update cannot overwrite each other unknowingly (409).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.db.models import Prefetch, Q
from django.http import Http404
from ninja import Field, Query, Router, Schema

from beleidsmonitor.api.access import visible_updates
from beleidsmonitor.api.auth import read_auth, token_auth
from beleidsmonitor.api.v1.actions import Status
from beleidsmonitor.api.v1.common import (
    MAX_ID,
    Id,
    ListParams,
    PageMeta,
    number,
    order,
    paginate,
    words_filter,
)
from beleidsmonitor.monitoring.errors import InvalidValues
from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue
from beleidsmonitor.monitoring.operations.approve import approve_update
from beleidsmonitor.monitoring.operations.publish import publish_update
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.send_back import send_back
from beleidsmonitor.monitoring.operations.submit import submit_update
from beleidsmonitor.monitoring.validation import DELIVERABLE_CHOICES, parse_decimal
from beleidsmonitor.plans.models import IndicatorKind

router = Router(tags=["updates"])

# The largest magnitude the indicator value columns hold (15 digits, 3 after the point).
MAX_INDICATOR_VALUE = Decimal("999999999999.999")

State = Literal["draft", "submitted", "sent_back", "approved", "published"]


class IndicatorValueOut(Schema):
    indicator: int
    indicator_text: str
    kind: str
    unit: str
    period_start: date
    period_end: date
    baseline: float | None
    target: float | None
    value: float | None
    text: str
    attainment: float | None


class UpdateOut(Schema):
    id: int
    round: int
    action: int
    plan: int
    status: str
    progress: int | None
    narrative: str
    budget_spent: float | None
    evidence_links: list[str]
    state: str
    review_comment: str | None = Field(
        description="The coordinator's comment; only for logged-in users."
    )
    version: int
    updated_at: datetime | None
    submitted_at: datetime | None
    approved_at: datetime | None
    published_at: datetime | None
    indicator_values: list[IndicatorValueOut]


class UpdatePage(PageMeta):
    items: list[UpdateOut]


class UpdateFilters(ListParams):
    plan: Id | None = None
    round: Id | None = None
    action: Id | None = None
    goal: Id | None = None
    actor: Id | None = None
    status: Status | None = None
    state: State | None = None
    ordering: Literal["id", "-id", "updated_at", "-updated_at", "action", "-action"] = "id"


class UpdatePatch(Schema):
    version: int = Field(..., ge=1, le=MAX_ID, description="The version you last read.")
    status: Status | Literal[""] | None = None
    progress: int | None = Field(None, ge=-1000, le=1000)
    narrative: str | None = Field(None, max_length=20000)
    budget_spent: Decimal | None = Field(
        None, le=Decimal("9999999999999.99"), ge=Decimal("-9999999999999.99")
    )
    evidence_links: list[str] | None = Field(None, max_length=50)
    indicators: dict[int, float | str | bool | None] | None = Field(
        None,
        description="Indicator id -> value: a number, 'ja'/'nee' for a deliverable, "
        "text for a qualitative indicator.",
    )


class WorkflowIn(Schema):
    version: int | None = Field(None, ge=1, le=MAX_ID, description="The version you last read.")


class SendBackIn(WorkflowIn):
    comment: str = Field(..., max_length=5000)


def _value_out(value: IndicatorValue) -> dict[str, Any]:
    reached = value.attainment
    return {
        "indicator": value.indicator_id,
        "indicator_text": value.indicator.text,
        "kind": value.indicator.kind,
        "unit": value.indicator.unit,
        "period_start": value.period_start,
        "period_end": value.period_end,
        "baseline": number(value.baseline),
        "target": number(value.target),
        "value": number(value.value),
        "text": value.text,
        "attainment": None if reached is None else round(float(reached), 4),
    }


def update_out(update: ActionUpdate, user) -> dict[str, Any]:
    logged_in = bool(user and user.is_authenticated)
    return {
        "id": update.pk,
        "round": update.round_id,
        "action": update.action_id,
        "plan": update.action.plan_id,
        "status": update.status,
        "progress": update.progress,
        "narrative": update.narrative,
        "budget_spent": number(update.budget_spent),
        "evidence_links": [str(link) for link in update.evidence_links or []],
        "state": update.state,
        # The comment is part of the review between coordinator and reporter, not of
        # what is published.
        "review_comment": update.review_comment if logged_in else None,
        "version": update.version,
        "updated_at": update.updated_at,
        "submitted_at": update.submitted_at,
        "approved_at": update.approved_at,
        "published_at": update.published_at,
        "indicator_values": [_value_out(value) for value in update.indicator_values.all()],
    }


def _updates(user):
    values = Prefetch(
        "indicator_values", queryset=IndicatorValue.objects.select_related("indicator")
    )
    queryset = ActionUpdate.objects.select_related("action").prefetch_related(values)
    return visible_updates(user, queryset)


def _get(user, update_id: int) -> ActionUpdate:
    update = _updates(user).filter(pk=update_id).first()
    if update is None:
        # Also for an update that exists but is not published: anonymous visitors are
        # not told what is still in review.
        raise Http404(f"no update {update_id}")
    return update


@router.get("/updates", response=UpdatePage, auth=read_auth, summary="List updates")
def list_updates(request, filters: Query[UpdateFilters]):
    updates = words_filter(_updates(request.auth), filters.text, "narrative", "action__title")
    if filters.plan:
        updates = updates.filter(action__plan_id=filters.plan)
    if filters.round:
        updates = updates.filter(round_id=filters.round)
    if filters.action:
        updates = updates.filter(action_id=filters.action)
    if filters.goal:
        updates = updates.filter(
            Q(action__goal_id=filters.goal) | Q(action__extra_goals=filters.goal)
        )
    if filters.actor:
        updates = updates.filter(action__actor_links__actor_id=filters.actor)
    if filters.status:
        updates = updates.filter(status=filters.status)
    if filters.state:
        updates = updates.filter(state=filters.state)
    updates = order(updates.distinct(), filters.ordering)
    return paginate(updates, filters, lambda update: update_out(update, request.auth))


@router.get("/updates/{update_id}", response=UpdateOut, auth=read_auth, summary="One update")
def get_update(request, update_id: Id):
    return update_out(_get(request.auth, update_id), request.auth)


def _indicator_values(update: ActionUpdate, given: dict[int, Any]) -> dict[int, Any]:
    """API values to what `save_update` takes: Decimal for numbers, text for qualitative."""
    kinds = dict(update.indicator_values.values_list("indicator_id", "indicator__kind"))
    values: dict[int, Any] = {}
    errors: dict[str, str] = {}
    for indicator_id, raw in given.items():
        kind = kinds.get(indicator_id)
        if kind is None or kind == IndicatorKind.QUALITATIVE or raw is None:
            # unknown ids are reported by the operation itself, in its words
            values[indicator_id] = None if raw is None else str(raw)
            continue
        try:
            values[indicator_id] = _decimal(kind, raw)
        except ValueError:
            errors[f"indicator:{indicator_id}"] = "De waarde moet een getal zijn."
    if errors:
        raise InvalidValues(errors)
    return values


def _decimal(kind: str, raw: float | str | bool) -> Decimal:
    if kind == IndicatorKind.DELIVERABLE and isinstance(raw, bool):
        return Decimal(int(raw))
    if isinstance(raw, str):
        if kind == IndicatorKind.DELIVERABLE and raw.strip().lower() in DELIVERABLE_CHOICES:
            return DELIVERABLE_CHOICES[raw.strip().lower()]
        value = parse_decimal(raw)
    elif isinstance(raw, bool):
        raise ValueError(raw)
    else:
        value = Decimal(str(raw))
    if not value.is_finite() or abs(value) > MAX_INDICATOR_VALUE:
        raise ValueError(raw)
    return value


@router.patch(
    "/updates/{update_id}",
    response=UpdateOut,
    auth=token_auth,
    summary="Change an update (reporters of the action's actors, administrators)",
)
def patch_update(request, update_id: Id, patch: UpdatePatch):
    update = _get(request.auth, update_id)
    values = patch.model_dump(exclude_unset=True, exclude={"version"})
    if "narrative" in values and values["narrative"] is not None:
        values["narrative"] = values["narrative"].replace("\x00", "")
    if "status" in values and values["status"] is None:
        values["status"] = ""
    if values.get("evidence_links") is None:
        values.pop("evidence_links", None)
    if "indicators" in values:
        values["indicators"] = _indicator_values(update, values["indicators"] or {})
    save_update(request.auth, update, values, expected_version=patch.version)
    return update_out(_get(request.auth, update_id), request.auth)


def _step(operation, request, update_id: int, body: WorkflowIn, **kwargs):
    update = _get(request.auth, update_id)
    operation(request.auth, update, expected_version=body.version, **kwargs)
    return update_out(_get(request.auth, update_id), request.auth)


@router.post(
    "/updates/{update_id}/submit",
    response=UpdateOut,
    auth=token_auth,
    summary="Hand in an update for review (its reporters)",
)
def submit(request, update_id: Id, body: WorkflowIn):
    return _step(submit_update, request, update_id, body)


@router.post(
    "/updates/{update_id}/send-back",
    response=UpdateOut,
    auth=token_auth,
    summary="Send an update back with a comment (the plan's coordinators)",
)
def send_back_update(request, update_id: Id, body: SendBackIn):
    update = _get(request.auth, update_id)
    send_back(request.auth, update, body.comment.replace("\x00", ""), expected_version=body.version)
    return update_out(_get(request.auth, update_id), request.auth)


@router.post(
    "/updates/{update_id}/approve",
    response=UpdateOut,
    auth=token_auth,
    summary="Approve a submitted update (the plan's coordinators)",
)
def approve(request, update_id: Id, body: WorkflowIn):
    return _step(approve_update, request, update_id, body)


@router.post(
    "/updates/{update_id}/publish",
    response=UpdateOut,
    auth=token_auth,
    summary="Publish an approved update (the plan's coordinators)",
)
def publish(request, update_id: Id, body: WorkflowIn):
    return _step(publish_update, request, update_id, body)
