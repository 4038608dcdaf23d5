"""Importing an export JSON (plan JSON + `monitoring`) back: the plan and its monitoring.

Meant for moving a plan to another installation, or restoring it on an empty one: the
plan goes through the ordinary plan importer, then rounds, updates and indicator values
are recreated as they were, workflow state included. Existing updates are left alone,
so running it twice changes nothing the second time; only an untouched draft (one the
plan import itself opened in an open round for an action new in this version) gives way
to the exported update. Not restored: the change history of updates, and who
coordinates or reports (users belong to an installation).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils.dateparse import parse_datetime

from beleidsmonitor.exceptions import PlanJsonError
from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    IndicatorValue,
    ReportingRound,
    RoundState,
    UpdateStatus,
    WorkflowState,
)
from beleidsmonitor.plans.models import Indicator, Plan
from beleidsmonitor.plans.operations.import_plan import ImportResult, import_plan
from beleidsmonitor.plans.operations.planjson import parse_amount, parse_date
from beleidsmonitor.reports.exports import MONITORING_FORMAT


@dataclass
class RestoreResult:
    plan: ImportResult
    rounds_created: int = 0
    updates_created: int = 0
    updates_skipped: int = 0

    def summary(self) -> str:
        return (
            f"{self.plan.summary()}; monitoring: {self.rounds_created} rounds created, "
            f"{self.updates_created} updates restored, {self.updates_skipped} already there"
        )


def restore_plan(data: dict, *, user=None) -> RestoreResult:
    """Store the plan and, when the document has one, its `monitoring` section."""
    monitoring = data.get("monitoring")
    if monitoring is not None:
        _validate(monitoring)
    with transaction.atomic():
        result = RestoreResult(import_plan(data, user=user))
        if monitoring:
            _restore(result, result.plan.plan, monitoring)
    return result


def _validate(monitoring: object) -> None:
    if not isinstance(monitoring, dict) or monitoring.get("format") != MONITORING_FORMAT:
        raise PlanJsonError(f"'monitoring' must be an object with format {MONITORING_FORMAT!r}")
    for key in ("rounds", "updates"):
        if not isinstance(monitoring.get(key, []), list):
            raise PlanJsonError(f"monitoring.{key} must be a list")
    names = set()
    for index, item in enumerate(monitoring.get("rounds", [])):
        where = f"monitoring.rounds[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise PlanJsonError(f"{where}: a round needs a name")
        for key in ("period_start", "period_end", "deadline"):
            if parse_date(item.get(key), f"{where}.{key}") is None:
                raise PlanJsonError(f"{where}: {key} is required")
        names.add(item["name"])
    for index, item in enumerate(monitoring.get("updates", [])):
        where = f"monitoring.updates[{index}]"
        if not isinstance(item, dict) or item.get("round") not in names:
            raise PlanJsonError(f"{where}: 'round' must name one of monitoring.rounds")
        if (item.get("status") or "") not in ["", *UpdateStatus.values]:
            raise PlanJsonError(f"{where}: unknown status {item.get('status')!r}")
        if item.get("state", "draft") not in WorkflowState.values:
            raise PlanJsonError(f"{where}: unknown state {item.get('state')!r}")
        progress = item.get("progress")
        if progress is not None and not (isinstance(progress, int) and 0 <= progress <= 100):
            raise PlanJsonError(f"{where}: progress must be a whole number from 0 to 100")
        parse_amount(item.get("budget_spent"), f"{where}.budget_spent")


def _restore(result: RestoreResult, plan: Plan, monitoring: dict) -> None:
    rounds = {}
    for item in monitoring.get("rounds", []):
        round_ = ReportingRound.objects.filter(name=item["name"]).first()
        if round_ is None:
            round_ = ReportingRound.objects.create(
                name=item["name"],
                period_start=parse_date(item["period_start"], "round"),
                period_end=parse_date(item["period_end"], "round"),
                deadline=parse_date(item["deadline"], "round"),
                state=item.get("state") if item.get("state") in RoundState.values else "closed",
                opened_at=_datetime(item.get("opened_at")),
                closed_at=_datetime(item.get("closed_at")),
            )
            result.rounds_created += 1
        round_.plans.add(plan)
        rounds[item["name"]] = round_
    actions = {action.key: action for action in plan.actions.all()}
    indicators: dict[int, list[Indicator]] = {}
    for indicator in Indicator.objects.filter(action__plan=plan).order_by("order", "pk"):
        indicators.setdefault(indicator.action_id, []).append(indicator)
    for index, item in enumerate(monitoring.get("updates", [])):
        action = actions.get(item.get("action"))
        if action is None:
            raise PlanJsonError(f"monitoring.updates[{index}]: no action {item.get('action')!r}")
        round_ = rounds[item["round"]]
        existing = ActionUpdate.objects.filter(round=round_, action=action).first()
        if existing is not None:
            if not _untouched(existing):
                result.updates_skipped += 1
                continue
            # an empty draft the plan import just opened for a new action: the export's
            # report takes its place (its indicator values and history go with it)
            existing.delete()
        update = ActionUpdate.objects.create(
            round=round_,
            action=action,
            status=item.get("status") or "",
            progress=item.get("progress"),
            narrative=item.get("narrative") or "",
            budget_spent=parse_amount(item.get("budget_spent"), "budget_spent"),
            evidence_links=[str(link) for link in item.get("evidence_links") or []],
            state=item.get("state") or WorkflowState.DRAFT,
            review_comment=item.get("review_comment") or "",
            version=item.get("version") or 1,
            updated_at=_datetime(item.get("updated_at")),
            submitted_at=_datetime(item.get("submitted_at")),
            approved_at=_datetime(item.get("approved_at")),
            published_at=_datetime(item.get("published_at")),
        )
        result.updates_created += 1
        own = indicators.get(action.pk, [])
        for value in item.get("indicator_values") or []:
            position = value.get("indicator")
            if not isinstance(position, int) or not 0 <= position < len(own):
                raise PlanJsonError(
                    f"monitoring.updates[{index}]: action {action.key} has no indicator "
                    f"{position!r}"
                )
            IndicatorValue.objects.create(
                update=update,
                indicator=own[position],
                period_start=parse_date(value.get("period_start"), "indicator value")
                or round_.period_start,
                period_end=parse_date(value.get("period_end"), "indicator value")
                or round_.period_end,
                baseline=parse_amount(value.get("baseline"), "baseline"),
                target=parse_amount(value.get("target"), "target"),
                value=_signed(value.get("value")),
                text=value.get("text") or "",
            )


def _untouched(update: ActionUpdate) -> bool:
    """A draft nobody worked on: version 1, and no history but its opening record (as
    `create_updates` writes it when a round opens or a new version brings the action).

    An update restored earlier has no history at all: it is the export's and stays, so a
    second restore changes nothing."""
    if update.state != WorkflowState.DRAFT or update.version != 1:
        return False
    opening = Q(field="state", old__isnull=True)
    history = update.changes.aggregate(
        opening=Count("pk", filter=opening), other=Count("pk", filter=~opening)
    )
    return history["opening"] > 0 and history["other"] == 0


def _signed(value) -> object:
    # parse_amount refuses negatives (budgets); an indicator value may be below zero.
    from decimal import Decimal, InvalidOperation

    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise PlanJsonError(f"indicator value {value!r} is not a number") from None


def _datetime(value) -> dt.datetime | None:
    if not value:
        return None
    parsed = parse_datetime(str(value))
    if parsed is None:
        raise PlanJsonError(f"{value!r} is not an ISO date and time")
    return parsed
