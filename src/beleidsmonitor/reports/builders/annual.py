"""The annual report: per plan and round, or per actor and round.

Title page, summary (status counts, progress and budget totals, charts), then goal by
goal and action by action: status, progress, narrative, indicator table (baseline,
target, value, attainment) and budget spent. The result is plain data in reading order
(`blocks`), so the HTML, PDF and DOCX renderers only lay it out.

The report is made in the active language (`language`): its own words (title, headings,
labels, statuses) are translated, what the plan and the reporters wrote stays as written.
`service.make_report` makes it in Dutch, the official language, unless asked otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    IndicatorValue,
    ReportingRound,
    UpdateStatus,
)
from beleidsmonitor.monitoring.numbers import localized_number
from beleidsmonitor.plans.models import Action, ActionActor, Actor, ActorRole, Goal, Plan
from beleidsmonitor.reports.renderers import percent

NOT_REPORTED = "niet gerapporteerd"
NOT_REPORTED_LABEL = gettext_lazy("niet gerapporteerd")
# The order statuses are listed in: the course of an action, then the exceptions.
STATUS_ORDER = [
    UpdateStatus.NOT_STARTED.value,
    UpdateStatus.ON_SCHEDULE.value,
    UpdateStatus.DELAYED.value,
    UpdateStatus.ADJUSTED.value,
    UpdateStatus.REALISED.value,
    UpdateStatus.STOPPED.value,
    NOT_REPORTED,
]


@dataclass
class IndicatorRow:
    text: str
    unit: str
    baseline: str
    target: str
    value: str
    attainment: float | None  # fraction of the way from baseline to target

    @property
    def attainment_label(self) -> str:
        return "" if self.attainment is None else percent(self.attainment * 100)


@dataclass
class ActionEntry:
    key: str
    label: str  # "Actie 3" or the measure key
    title: str
    goal_key: str | None
    plan_title: str
    responsible: list[str]
    status: str  # a status value or NOT_REPORTED (the stored Dutch words, not a label)
    progress: int | None
    narrative: str
    budget_planned: Decimal | None
    budget_spent: Decimal | None
    state: str | None  # workflow state of the update (its label), None when there is none
    indicators: list[IndicatorRow] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.label}: {self.title}"

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def state_note(self) -> str:
        """What a report writes after the status: the update's workflow state, so a
        reader with access to unpublished updates sees which ones are still "(in opmaak)",
        "(ingediend)" or "(goedgekeurd)"; "" when there is no update. Every format shows
        this one decision (`status_text`, or the note on its own in the HTML)."""
        return f"({self.state})" if self.state else ""

    @property
    def status_text(self) -> str:
        """The status with its workflow state: "lopend - op schema (in opmaak)"."""
        return f"{self.status_label} {self.state_note}".strip()


def status_label(status: str) -> str:
    """A status value (or NOT_REPORTED) in the active language."""
    if status in UpdateStatus.values:
        return str(UpdateStatus(status).label)
    return str(NOT_REPORTED_LABEL) if status == NOT_REPORTED else status


@dataclass
class Heading:
    level: int  # 1..3, the Word heading level
    text: str


@dataclass
class ActionBlock:
    level: int  # heading level of the action's own heading
    action: ActionEntry


@dataclass
class AnnualReport:
    title: str
    subtitle: str
    round_name: str
    round_period: str
    generated_at: dt.datetime
    licences: list[str]
    published_only: bool
    actions: list[ActionEntry]
    blocks: list[Heading | ActionBlock]
    language: str = "nl"  # the language the report's own words are in

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        """(status value, number of actions), in STATUS_ORDER; see `status_label`."""
        counts = Counter(action.status for action in self.actions)
        return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]

    @property
    def status_label_counts(self) -> list[tuple[str, int]]:
        return [(status_label(status), count) for status, count in self.status_counts]

    @property
    def reported_count(self) -> int:
        return sum(1 for action in self.actions if action.status != NOT_REPORTED)

    @property
    def average_progress(self) -> float | None:
        values = [a.progress for a in self.actions if a.progress is not None]
        return sum(values) / len(values) if values else None

    @property
    def budget_planned(self) -> Decimal | None:
        """Sum of the actions' budgets; None when no action states one."""
        return _total(a.budget_planned for a in self.actions)

    @property
    def budget_spent(self) -> Decimal | None:
        return _total(a.budget_spent for a in self.actions)

    def progress_by_section(self) -> list[tuple[str, float | None]]:
        """Average progress per level-1 heading (top goal or plan), for the second chart."""
        rows: list[tuple[str, list[int]]] = []
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 1:
                rows.append((block.text, []))
            elif isinstance(block, ActionBlock) and rows and block.action.progress is not None:
                rows[-1][1].append(block.action.progress)
        return [(text, sum(v) / len(v) if v else None) for text, v in rows]


def build_plan_report(
    plan: Plan, round_: ReportingRound, *, user=None, published_only: bool = False
) -> AnnualReport:
    """The report of one plan in one round; `user` limits updates as the web does."""
    actions = list(_actions(Action.objects.filter(plan=plan)))
    entries = _entries(actions, round_, user=user, published_only=published_only)
    goals = list(plan.goals.all())
    blocks = _goal_blocks(goals, entries, top_level=1)
    return AnnualReport(
        title=_("Jaarrapport %(title)s") % {"title": plan.title},
        subtitle=f"{plan.get_kind_display().capitalize()} {plan.period_label}".strip(),
        round_name=round_.name,
        round_period=_period(round_),
        generated_at=timezone.localtime(),
        licences=[plan.licence] if plan.licence else [],
        published_only=published_only,
        actions=list(entries.values()),
        blocks=blocks,
        language=get_language() or settings.LANGUAGE_CODE,
    )


def _reporting_links() -> QuerySet[ActionActor]:
    """The links that put an action in an actor's report: responsible, co-operating,
    administration."""
    return ActionActor.objects.filter(role__in=permissions.REPORTING_ROLES)


def actor_report_rounds() -> dict[int, set[int]]:
    """Per actor id, the ids of the rounds its annual report has actions in: rounds that
    cover a plan with an action the actor reports on (`build_actor_report`). One query."""
    pairs = (
        _reporting_links()
        .filter(action__plan__reporting_rounds__isnull=False)
        .values_list("actor_id", "action__plan__reporting_rounds")
        .order_by()  # no default ordering: it would add columns and undo the distinct
        .distinct()
    )
    rounds: dict[int, set[int]] = {}
    for actor_id, round_id in pairs:
        rounds.setdefault(actor_id, set()).add(round_id)
    return rounds


def build_actor_report(
    actor: Actor, round_: ReportingRound, *, user=None, published_only: bool = False
) -> AnnualReport:
    """The actions an actor reports on (responsible, co-operating, administration)."""
    linked = _reporting_links().filter(actor=actor)
    actions = list(
        _actions(
            Action.objects.filter(pk__in=linked.values("action_id"), plan__in=round_.plans.all())
        ).order_by("plan__title", "plan_id", "order")
    )
    entries = _entries(actions, round_, user=user, published_only=published_only)
    blocks: list[Heading | ActionBlock] = []
    plans = {action.plan_id: action.plan for action in actions}
    for plan_id, plan in plans.items():
        blocks.append(Heading(1, plan.title))
        in_plan = {pk: entry for pk, entry in entries.items() if _plan_of(actions, pk) == plan_id}
        goals = list(Goal.objects.filter(plan_id=plan_id))
        blocks.extend(_goal_blocks(goals, in_plan, top_level=2))
    return AnnualReport(
        title=_("Jaarrapport %(title)s") % {"title": actor.name},
        subtitle=ngettext(
            "Acties van %(actor)s in %(count)d plan",
            "Acties van %(actor)s in %(count)d plannen",
            len(plans),
        )
        % {"actor": actor.name, "count": len(plans)},
        round_name=round_.name,
        round_period=_period(round_),
        generated_at=timezone.localtime(),
        licences=sorted({plan.licence for plan in plans.values() if plan.licence}),
        published_only=published_only,
        actions=list(entries.values()),
        blocks=blocks,
        language=get_language() or settings.LANGUAGE_CODE,
    )


def _plan_of(actions: list[Action], action_id: int) -> int:
    return next(action.plan_id for action in actions if action.pk == action_id)


def _actions(queryset: QuerySet[Action]) -> QuerySet[Action]:
    responsible = Prefetch(
        "actor_links",
        queryset=ActionActor.objects.filter(role=ActorRole.RESPONSIBLE).select_related("actor"),
        to_attr="responsible_links",
    )
    return queryset.select_related("plan", "goal").prefetch_related(responsible)


def _entries(
    actions: list[Action], round_: ReportingRound, *, user, published_only: bool
) -> dict[int, ActionEntry]:
    updates = ActionUpdate.objects.filter(round=round_, action__in=actions).prefetch_related(
        Prefetch(
            "indicator_values",
            queryset=IndicatorValue.objects.select_related("indicator"),
        )
    )
    if published_only:
        updates = permissions.visible_updates(None, updates)
    elif user is not None:
        updates = permissions.visible_updates(user, updates)
    by_action = {update.action_id: update for update in updates}
    return {action.pk: _entry(action, by_action.get(action.pk)) for action in actions}


def _entry(action: Action, update: ActionUpdate | None) -> ActionEntry:
    indicators = []
    if update is not None:
        for value in update.indicator_values.all():
            reached = value.attainment
            indicators.append(
                IndicatorRow(
                    text=value.indicator.text,
                    unit=value.indicator.unit,
                    baseline=_number(value.baseline),
                    target=_number(value.target) or value.indicator.target,
                    value=value.display_label,
                    attainment=None if reached is None else float(reached),
                )
            )
    return ActionEntry(
        key=action.key,
        label=_("Actie %(number)s") % {"number": action.number} if action.number else action.key,
        title=action.title,
        goal_key=action.goal.key if action.goal else None,
        plan_title=action.plan.title,
        responsible=[link.actor.name for link in action.responsible_links],
        status=(update.status if update is not None and update.status else NOT_REPORTED),
        progress=update.progress if update is not None else None,
        narrative=update.narrative if update is not None else "",
        budget_planned=action.budget_amount,
        budget_spent=update.budget_spent if update is not None else None,
        state=update.get_state_display() if update is not None else None,
        indicators=indicators,
    )


def _goal_blocks(
    goals: list[Goal], entries: dict[int, ActionEntry], *, top_level: int
) -> list[Heading | ActionBlock]:
    """Goals depth-first with their actions; goals without any action in scope are left out."""
    children: dict[int | None, list[Goal]] = {}
    for goal in goals:
        children.setdefault(goal.parent_id, []).append(goal)
    by_goal: dict[int | None, list[ActionEntry]] = {}
    goal_ids = {goal.key: goal.pk for goal in goals}
    for entry in entries.values():
        by_goal.setdefault(goal_ids.get(entry.goal_key or ""), []).append(entry)

    def has_actions(goal: Goal) -> bool:
        return bool(by_goal.get(goal.pk)) or any(has_actions(c) for c in children.get(goal.pk, []))

    blocks: list[Heading | ActionBlock] = []

    def walk(goal: Goal, depth: int) -> None:
        if not has_actions(goal):
            return
        level = min(top_level + depth, 2)
        blocks.append(Heading(level, f"{goal.level} {goal.number}: {goal.title}".strip()))
        for entry in by_goal.get(goal.pk, []):
            blocks.append(ActionBlock(3, entry))
        for child in children.get(goal.pk, []):
            walk(child, depth + 1)

    for goal in children.get(None, []):
        walk(goal, 0)
    loose = by_goal.get(None, [])
    if loose:
        blocks.append(Heading(min(top_level, 2), _("Acties zonder doelstelling")))
        blocks.extend(ActionBlock(3, entry) for entry in loose)
    return blocks


def _total(amounts) -> Decimal | None:
    known = [amount for amount in amounts if amount is not None]
    return sum(known, Decimal(0)) if known else None


def _number(value: Decimal | None) -> str:
    return "" if value is None else localized_number(value)


def _period(round_: ReportingRound) -> str:
    return _("%(start)s tot %(end)s") % {
        "start": f"{round_.period_start:%d-%m-%Y}",
        "end": f"{round_.period_end:%d-%m-%Y}",
    }
