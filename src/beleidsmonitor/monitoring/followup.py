"""Follow-up questions a coordinator asks of a round.

- who has not reported yet, per plan and per responsible actor;
- which actions are late: their timeline ended and they are not realised;
- which actions' status worsened since the previous round (see `STATUS_RANK`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from beleidsmonitor.monitoring.models import (
    OPEN_STATES,
    STATUS_RANK,
    ActionUpdate,
    ReportingRound,
    RoundState,
    UpdateStatus,
)
from beleidsmonitor.plans.models import Actor, ActorRole, Plan


@dataclass
class Missing:
    """The updates one actor still owes in one plan (actor None: nobody responsible)."""

    plan: Plan
    actor: Actor | None
    updates: list[ActionUpdate] = field(default_factory=list)


@dataclass(frozen=True)
class Worsened:
    update: ActionUpdate
    previous: ActionUpdate


def current_round() -> ReportingRound | None:
    """The open round that covers the latest period, the one follow-up is about."""
    return ReportingRound.objects.filter(state=RoundState.OPEN).order_by("-period_end").first()


def _updates(round_: ReportingRound) -> QuerySet[ActionUpdate]:
    return round_.updates.select_related("action", "action__plan").prefetch_related(
        "action__actor_links__actor"
    )


def not_reported(round_: ReportingRound) -> list[Missing]:
    """Open updates grouped by plan, then by the actor responsible for the action.

    An action with two responsible ministers is owed by both, so it is listed under each.
    """
    groups: dict[tuple[int, int | None], Missing] = {}
    for update in _updates(round_).filter(state__in=OPEN_STATES):
        responsible = [
            link.actor
            for link in update.action.actor_links.all()
            if link.role == ActorRole.RESPONSIBLE
        ] or [None]
        for actor in responsible:
            key = (update.action.plan_id, actor.pk if actor else None)
            if key not in groups:
                groups[key] = Missing(plan=update.action.plan, actor=actor)
            groups[key].updates.append(update)
    return sorted(
        groups.values(),
        key=lambda m: (m.plan.title, m.actor is None, m.actor.name if m.actor else ""),
    )


def late_actions(round_: ReportingRound, today: dt.date | None = None) -> list[ActionUpdate]:
    """Updates of actions whose timeline ended before `today` and that are not realised.

    Stopped actions are left out: they will not be realised, so they are not late but
    over; they show up under "worsened" instead. An update without a status yet is late
    if its action's end has passed, since nobody has said otherwise.
    """
    today = today or timezone.localdate()
    return list(
        _updates(round_)
        .filter(action__end_date__lt=today)
        .exclude(status__in=[UpdateStatus.REALISED, UpdateStatus.STOPPED])
    )


def worsened(round_: ReportingRound) -> list[Worsened]:
    """Updates whose status ranks lower than the same action's status one round earlier.

    "One round earlier" is the latest earlier round (by end of period) in which the
    action got a status. Actions are matched as stored: a re-imported plan version has
    new actions, and those have no earlier round yet.
    """
    current = [u for u in _updates(round_) if u.status]
    if not current:
        return []
    earlier = (
        ActionUpdate.objects.filter(
            action_id__in=[u.action_id for u in current],
            round__period_end__lt=round_.period_end,
        )
        .exclude(status="")
        .select_related("round")
        .order_by("action_id", "-round__period_end")
    )
    previous: dict[int, ActionUpdate] = {}
    for update in earlier:
        previous.setdefault(update.action_id, update)
    return [
        Worsened(update=u, previous=previous[u.action_id])
        for u in current
        if u.action_id in previous
        and STATUS_RANK[u.status] < STATUS_RANK[previous[u.action_id].status]
    ]
