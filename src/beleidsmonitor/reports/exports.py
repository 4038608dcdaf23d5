"""A plan with its monitoring data as CSV, XLSX or JSON.

- CSV: one row per action with its update in one round (the latest by default), UTF-8
  with a BOM and `;` between fields: Excel set to Dutch (Belgium) then opens it in
  columns with the accents right.
- XLSX (`reports.xlsx`): sheets Doelstellingen, Acties, Indicatoren, Rapporteringen,
  Indicatorwaarden.
- JSON: the plan JSON (`beleidsmonitor.plan/1`) plus a `monitoring` section; importing
  it again (`restore.restore_plan`) gives back the plan and its rounds and updates.

What is included follows the reader: `user=None` with `published_only=True` is the
open-data view; the CLI passes `published_only=False` to get everything.
"""

from __future__ import annotations

import csv
import functools
import io
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import translation

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue, ReportingRound
from beleidsmonitor.plans.models import ActionActor, ActorRole, Indicator, Plan
from beleidsmonitor.plans.operations.export_plan import export_plan

MONITORING_FORMAT = "beleidsmonitor.monitoring/1"
EXPORT_FORMATS = ("json", "csv", "xlsx")
CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

CSV_COLUMNS = [
    "plan",
    "actie",
    "nummer",
    "titel",
    "doelstelling",
    "doelstelling titel",
    "verantwoordelijk",
    "tijdspad",
    "start",
    "einde",
    "geraamd budget (euro)",
    "ronde",
    "status",
    "voortgang (%)",
    "besteed budget (euro)",
    "toelichting",
    "workflow",
]


def in_site_language(function):
    """Export files are data, in the site's language (Dutch) whatever language the page,
    the API request or the command line asking for them is in: their status and kind
    labels must read the same in every copy, and a later import reads them."""

    @functools.wraps(function)
    def in_language(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return in_language


def updates_for(plan: Plan, *, user=None, published_only: bool = True) -> QuerySet:
    """The plan's updates this reader may see, with their indicator values."""
    updates = (
        ActionUpdate.objects.filter(action__plan=plan)
        .select_related("round", "action")
        .prefetch_related(
            Prefetch(
                "indicator_values",
                queryset=IndicatorValue.objects.select_related("indicator"),
            )
        )
        .order_by("round__period_end", "round_id", "action__order")
    )
    if published_only:
        return permissions.visible_updates(None, updates)
    if user is not None:
        return permissions.visible_updates(user, updates)
    return updates


def rounds_of(plan: Plan) -> QuerySet[ReportingRound]:
    return plan.reporting_rounds.order_by("period_end", "pk")


@in_site_language
def export_json(plan: Plan, *, user=None, published_only: bool | None = None) -> dict:
    """Plan JSON plus `monitoring`: the rounds of the plan and the updates this reader sees.

    `published_only` defaults to "what `user` may read" (anonymous: published only).
    """
    if published_only is None:
        published_only = not (user is not None and user.is_authenticated)
    data = export_plan(plan)
    indicator_positions = _indicator_positions(plan)
    updates = list(updates_for(plan, user=user, published_only=published_only))
    data["monitoring"] = {
        "format": MONITORING_FORMAT,
        "published_only": published_only,
        "rounds": [
            {
                "name": round_.name,
                "period_start": round_.period_start.isoformat(),
                "period_end": round_.period_end.isoformat(),
                "deadline": round_.deadline.isoformat(),
                "state": round_.state,
                "opened_at": _iso(round_.opened_at),
                "closed_at": _iso(round_.closed_at),
            }
            for round_ in rounds_of(plan)
        ],
        "updates": [
            _update_json(update, indicator_positions, with_review=not published_only)
            for update in updates
        ],
    }
    return data


def _update_json(update: ActionUpdate, positions: dict[int, int], *, with_review: bool) -> dict:
    return {
        "round": update.round.name,
        "action": update.action.key,
        "status": update.status or None,
        "progress": update.progress,
        "narrative": update.narrative or None,
        "budget_spent": _float(update.budget_spent),
        "evidence_links": list(update.evidence_links or []),
        "state": update.state,
        # the review between coordinator and reporter is not part of what is published
        "review_comment": (update.review_comment or None) if with_review else None,
        "version": update.version,
        "updated_at": _iso(update.updated_at),
        "submitted_at": _iso(update.submitted_at),
        "approved_at": _iso(update.approved_at),
        "published_at": _iso(update.published_at),
        "indicator_values": [
            {
                # Indicators have no id in plan JSON: they are named by their place in
                # the action's `indicators` list, with the text to check the match.
                "indicator": positions[value.indicator_id],
                "indicator_text": value.indicator.text,
                "period_start": value.period_start.isoformat(),
                "period_end": value.period_end.isoformat(),
                "baseline": _float(value.baseline),
                "target": _float(value.target),
                "value": _float(value.value),
                "text": value.text or None,
            }
            for value in update.indicator_values.all()
            if value.indicator_id in positions
        ],
    }


def _indicator_positions(plan: Plan) -> dict[int, int]:
    """Indicator id -> its index in its action's list, in export_plan's order."""
    positions: dict[int, int] = {}
    counters: dict[int, int] = {}
    for indicator in Indicator.objects.filter(action__plan=plan).order_by(
        "action_id", "order", "pk"
    ):
        positions[indicator.pk] = counters.get(indicator.action_id, 0)
        counters[indicator.action_id] = positions[indicator.pk] + 1
    return positions


@in_site_language
def export_csv(
    plan: Plan, *, round_: ReportingRound | None = None, user=None, published_only: bool = True
) -> bytes:
    """One row per action with its update in `round_` (default: the plan's latest round)."""
    if round_ is None:
        round_ = rounds_of(plan).last()
    by_action = {}
    if round_ is not None:
        updates = updates_for(plan, user=user, published_only=published_only)
        by_action = {u.action_id: u for u in updates.filter(round=round_)}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for action in actions_with_responsible(plan):
        update = by_action.get(action.pk)
        writer.writerow(
            [
                plan.title,
                action.key,
                action.number,
                action.title,
                action.goal.key if action.goal else "",
                action.goal.title if action.goal else "",
                ", ".join(link.actor.name for link in action.responsible_links),
                action.timeline_text,
                action.start_date.isoformat() if action.start_date else "",
                action.end_date.isoformat() if action.end_date else "",
                _dutch_number(action.budget_amount),
                round_.name if round_ is not None and update is not None else "",
                update.status if update else "",
                "" if update is None or update.progress is None else update.progress,
                _dutch_number(update.budget_spent) if update else "",
                update.narrative if update else "",
                update.get_state_display() if update else "",
            ]
        )
    # utf-8-sig writes the byte order mark Excel needs to read UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


def export(plan: Plan, fmt: str, *, user=None, published_only: bool = True) -> bytes:
    """The plan in one of EXPORT_FORMATS, as the bytes of a file."""
    import json

    if fmt == "json":
        data = export_json(plan, user=user, published_only=published_only)
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        return export_csv(plan, user=user, published_only=published_only)
    if fmt == "xlsx":
        # imported here: the xlsx module builds on this one
        from beleidsmonitor.reports.xlsx import export_xlsx

        return export_xlsx(plan, user=user, published_only=published_only)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def actions_with_responsible(plan: Plan):
    responsible = Prefetch(
        "actor_links",
        queryset=ActionActor.objects.filter(role=ActorRole.RESPONSIBLE).select_related("actor"),
        to_attr="responsible_links",
    )
    return plan.actions.select_related("goal").prefetch_related(responsible)


def _dutch_number(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}".replace(".", ",")


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
