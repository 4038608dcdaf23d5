"""What every page shows as an action's status and progress, and what counts as at risk.

The one definition, used by the home, plan, action, actor and dashboard pages:

- The *status* of an action is the status of its latest update the viewer may see
  (`monitoring.permissions.visible_updates`: anonymous visitors see published updates
  only, logged-in users every update). "Latest" is by the end of the round's period.
  Only updates with a status filled in count: opening a new round makes an empty draft
  for every action, and that must not wipe out what the previous round said.
  Progress comes from the same update. An action without such an update has status
  `NO_REPORT` ("geen rapportering").
- An action is *late* when its end date has passed and its status is not realised or
  stopped (the same rule as `monitoring.followup.late_actions`).
- An action is *at risk* when it is not realised or stopped, and any of:
  1. its status is "lopend - vertraagd" (the reporter says it is delayed);
  2. its end date is within the next `RISK_HORIZON_DAYS` days and its progress is below
     `RISK_PROGRESS` percent (or unknown);
  3. its status worsened since the previous round (`STATUS_RANK`, as in
     `monitoring.followup.worsened`, but over visible updates only).
  Late actions are not also listed as at risk: they are past risk.

The *round a plan is shown in* when nobody chose one (the dashboard, and the round the
home page names beside its status bar) is `default_rounds`: the open round that covers
the plan, else the latest round in which the viewer sees a status for one of its actions
(the same updates that give actions their status above), else the plan's latest round.

Every query here goes through `visible_updates`, so an unpublished status never reaches
an anonymous visitor, whichever page asks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.monitoring.models import (
    STATUS_RANK,
    ActionUpdate,
    ReportingRound,
    RoundState,
    UpdateStatus,
)
from beleidsmonitor.monitoring.permissions import visible_updates
from beleidsmonitor.plans.models import Action

NO_REPORT = "geen"
NO_REPORT_LABEL = _("geen rapportering")
RISK_HORIZON_DAYS = 183  # about six months
RISK_PROGRESS = 50
DONE = (UpdateStatus.REALISED, UpdateStatus.STOPPED)

# The order in which statuses are counted and stacked: from done to not started, with
# the problems last, so bars read from good (left) to bad (right).
ORDER: tuple[str, ...] = (
    UpdateStatus.REALISED,
    UpdateStatus.ON_SCHEDULE,
    UpdateStatus.ADJUSTED,
    UpdateStatus.NOT_STARTED,
    UpdateStatus.DELAYED,
    UpdateStatus.STOPPED,
    NO_REPORT,
)
# Colours chosen to stay apart for common colour blindness; the bars also carry the
# numbers and a table, so colour is never the only cue.
COLOURS = {
    UpdateStatus.REALISED: "#1e6b34",
    UpdateStatus.ON_SCHEDULE: "#4c9a5f",
    UpdateStatus.ADJUSTED: "#05527d",
    UpdateStatus.NOT_STARTED: "#a9b8c3",
    UpdateStatus.DELAYED: "#c45f00",
    UpdateStatus.STOPPED: "#a4000f",
    NO_REPORT: "#e4e4e4",
}
# A URL-friendly name per status, for the `status` filter and CSS classes.
SLUGS = {
    UpdateStatus.REALISED: "gerealiseerd",
    UpdateStatus.ON_SCHEDULE: "op-schema",
    UpdateStatus.ADJUSTED: "bijgestuurd",
    UpdateStatus.NOT_STARTED: "niet-gestart",
    UpdateStatus.DELAYED: "vertraagd",
    UpdateStatus.STOPPED: "stopgezet",
    NO_REPORT: "geen",
}
BY_SLUG = {slug: status for status, slug in SLUGS.items()}


def label(status: str) -> str:
    if status == NO_REPORT or not status:
        return str(NO_REPORT_LABEL)
    return str(UpdateStatus(status).label)


@dataclass
class StatusCount:
    status: str
    label: str
    slug: str
    colour: str
    count: int


@dataclass
class Counts:
    """Number of actions per status, in `ORDER`; iterating gives the non-empty ones."""

    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def reported(self) -> int:
        return self.total - self.by_status.get(NO_REPORT, 0)

    def rows(self) -> list[StatusCount]:
        return [
            StatusCount(status, label(status), SLUGS[status], COLOURS[status], n)
            for status in ORDER
            if (n := self.by_status.get(status, 0))
        ]

    def all_rows(self) -> list[StatusCount]:
        return [
            StatusCount(status, label(status), SLUGS[status], COLOURS[status], self.get(status))
            for status in ORDER
        ]

    # A method, not __getitem__: templates try `counts["rows"]` before `counts.rows`.
    def get(self, status: str) -> int:
        return self.by_status.get(status, 0)

    def add(self, status: str, n: int = 1) -> None:
        key = status or NO_REPORT
        self.by_status[key] = self.by_status.get(key, 0) + n


def reported_updates(user) -> QuerySet[ActionUpdate]:
    """The updates that can give an action its status for this user."""
    return visible_updates(user).exclude(status="")


def _latest(user, field_name: str) -> Subquery:
    updates = (
        reported_updates(user)
        .filter(action=OuterRef("pk"))
        .order_by("-round__period_end", "-round_id")
        .values(field_name)[:1]
    )
    return Subquery(updates)


def with_status(actions: QuerySet[Action], user) -> QuerySet[Action]:
    """Actions annotated with `current_status` (NO_REPORT when none) and `current_progress`.

    A correlated subquery per action: the database picks the latest visible update, so a
    filter or a count on the status stays one query.
    """
    return actions.annotate(
        current_status=Coalesce(_latest(user, "status"), Value(NO_REPORT)),
        current_progress=_latest(user, "progress"),
    )


def filter_status(actions: QuerySet[Action], user, status: str) -> QuerySet[Action]:
    return with_status(actions, user).filter(current_status=status)


def counts(actions: QuerySet[Action], user) -> Counts:
    """How many of these actions have each status, in one query."""
    result = Counts()
    rows = (
        with_status(actions.order_by(), user)
        .values("current_status")
        .annotate(n=Count("pk", distinct=True))
        .values_list("current_status", "n")
    )
    for status, n in rows:
        result.add(status, n)
    return result


def counts_by(actions: QuerySet[Action], user, key: str) -> dict[object, Counts]:
    """Status counts per value of `key` (a field path of Action, e.g. `plan_id`)."""
    result: dict[object, Counts] = {}
    rows = (
        with_status(actions.order_by(), user)
        .annotate(group=F(key))
        .values("group", "current_status")
        .annotate(n=Count("pk", distinct=True))
        .values_list("group", "current_status", "n")
    )
    for group, status, n in rows:
        result.setdefault(group, Counts()).add(status, n)
    return result


def latest_updates(actions: Iterable[Action], user) -> dict[int, ActionUpdate]:
    """The latest visible update with a status for each action, in one query."""
    ids = [action.pk for action in actions]
    found: dict[int, ActionUpdate] = {}
    if not ids:
        return found
    updates = (
        reported_updates(user)
        .filter(action_id__in=ids)
        .select_related("round")
        .only(
            "action_id",
            "status",
            "progress",
            "state",
            "round__name",
            "round__period_end",
            "round__state",
        )
        .order_by("action_id", "-round__period_end", "-round_id")
    )
    for update in updates:
        found.setdefault(update.action_id, update)
    return found


def attach(actions: list[Action], user) -> None:
    """Set `status`, `status_label`, `status_slug`, `progress` and `latest_update` on each."""
    latest = latest_updates(actions, user)
    for action in actions:
        update = latest.get(action.pk)
        status = update.status if update else NO_REPORT
        action.latest_update = update
        action.status = status
        action.status_label = label(status)
        action.status_slug = SLUGS[status]
        action.progress = update.progress if update else None


def is_late(action: Action, status: str, day: datetime.date) -> bool:
    return bool(action.end_date and action.end_date < day and status not in DONE)


def late_q(user, day: datetime.date) -> Q:
    """For actions annotated by `with_status`: the same rule as `is_late`."""
    return Q(end_date__lt=day) & ~Q(current_status__in=DONE)


@dataclass
class Risk:
    action: Action
    update: ActionUpdate | None
    reasons: list[str]


def default_rounds(plan_ids: Iterable[int], user) -> dict[int, ReportingRound]:
    """The round each plan is shown in when none is chosen, by plan id (two queries).

    1. the open round covering the plan (with the latest period, if there are several:
       the one `monitoring.followup.current_round` would pick among them);
    2. else the latest round with a status the user may see for one of the plan's
       actions: a round opened and closed without anyone reporting has only empty
       drafts, and must not hide the last round that has data;
    3. else the plan's latest round.

    "Latest" is by end of period, then by id. A plan without rounds is left out.
    """
    ids = list(plan_ids)
    covering: dict[int, list[ReportingRound]] = {}
    if not ids:
        return {}
    for link in (
        ReportingRound.plans.through.objects.filter(plan_id__in=ids)
        .select_related("reportinground")
        .order_by("-reportinground__period_end", "-reportinground_id")
    ):
        covering.setdefault(link.plan_id, []).append(link.reportinground)
    with_data = set(
        reported_updates(user)
        .filter(action__plan_id__in=ids)
        .values_list("action__plan_id", "round_id")
        .distinct()
        .order_by()
    )
    found: dict[int, ReportingRound] = {}
    for plan_id, rounds in covering.items():
        found[plan_id] = (
            next((r for r in rounds if r.state == RoundState.OPEN), None)
            or next((r for r in rounds if (plan_id, r.pk) in with_data), None)
            or rounds[0]
        )
    return found


def default_round(plan_id: int, user) -> ReportingRound | None:
    """`default_rounds` for one plan."""
    return default_rounds([plan_id], user).get(plan_id)


def round_updates(round_: ReportingRound, plan_id: int, user) -> dict[int, ActionUpdate]:
    """The visible updates of one plan's actions in one round, by action."""
    updates = visible_updates(user, round_.updates.filter(action__plan_id=plan_id))
    return {u.action_id: u for u in updates.select_related("round")}


def previous_statuses(
    round_: ReportingRound, action_ids: list[int], user
) -> dict[int, ActionUpdate]:
    """For each action, its latest visible update with a status in an earlier round."""
    earlier = (
        reported_updates(user)
        .filter(action_id__in=action_ids, round__period_end__lt=round_.period_end)
        .select_related("round")
        .order_by("action_id", "-round__period_end", "-round_id")
    )
    found: dict[int, ActionUpdate] = {}
    for update in earlier:
        found.setdefault(update.action_id, update)
    return found


def worsened(
    updates: dict[int, ActionUpdate], previous: dict[int, ActionUpdate]
) -> dict[int, ActionUpdate]:
    """Actions whose status in `updates` ranks below their previous one: action -> previous."""
    return {
        action_id: previous[action_id]
        for action_id, update in updates.items()
        if update.status
        and action_id in previous
        and STATUS_RANK[update.status] < STATUS_RANK[previous[action_id].status]
    }


def risks(
    actions: list[Action],
    updates: dict[int, ActionUpdate],
    previous: dict[int, ActionUpdate],
    day: datetime.date,
) -> tuple[list[Risk], list[Risk]]:
    """(late, at risk) among the actions, judged on the given (visible) updates."""
    horizon = day + datetime.timedelta(days=RISK_HORIZON_DAYS)
    down = worsened(updates, previous)
    late: list[Risk] = []
    at_risk: list[Risk] = []
    for action in actions:
        update = updates.get(action.pk)
        status = update.status if update and update.status else NO_REPORT
        if status in DONE:
            continue
        if is_late(action, status, day):
            late.append(Risk(action, update, [str(_("einddatum voorbij"))]))
            continue
        reasons = []
        if status == UpdateStatus.DELAYED:
            reasons.append(str(_("vertraagd")))
        progress = update.progress if update else None
        if (
            action.end_date
            and day <= action.end_date <= horizon
            and (progress is None or progress < RISK_PROGRESS)
        ):
            reasons.append(
                str(_("eindigt binnen 6 maanden, voortgang onder %(pct)d%%"))
                % {"pct": RISK_PROGRESS}
            )
        if action.pk in down:
            reasons.append(
                str(_("verslechterd sinds %(round)s")) % {"round": down[action.pk].round.name}
            )
        if reasons:
            at_risk.append(Risk(action, update, reasons))
    return late, at_risk
