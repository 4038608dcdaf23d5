"""A new version of a plan takes over the monitoring of the version it replaces.

Re-importing a corrected document mid-year makes a new plan row (`plans` keeps every
version). Without this, the open round, its updates and the plan's coordinators would
stay behind on the old row, and the current plan would show "not reported" everywhere.

What moves, inside the import's transaction (`plans.signals.plan_imported`):
- the coordinators of the old version coordinate the new one too;
- every open round of the old version covers the new one; each of its updates moves
  to the action with the same key, its indicator values to the indicator with the same
  text (the reworded ones to the indicators left over, in order); new actions get a
  draft update, as when a round opens;
- an update whose action is gone from the new version stays where it is, and then the
  round keeps covering the old version too, so nothing reported disappears.

Closed rounds stay with the version they reported on: they are the record of that year.
"""

from __future__ import annotations

from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    IndicatorValue,
    PlanCoordinator,
    RoundState,
    UpdateChange,
)
from beleidsmonitor.monitoring.operations._history import audit
from beleidsmonitor.monitoring.operations.new_updates import create_updates
from beleidsmonitor.plans.models import Action, Plan


def carry_over_monitoring(plan: Plan) -> dict[str, int]:
    """Move the monitoring of `plan.replaces` to `plan`; counts of what moved."""
    previous = plan.replaces
    counts = {"coordinators": 0, "rounds": 0, "updates_moved": 0, "updates_left": 0}
    if previous is None:
        return counts
    coordinators = PlanCoordinator.objects.bulk_create(
        [PlanCoordinator(user_id=c.user_id, plan=plan) for c in previous.coordinators.all()],
        ignore_conflicts=True,
    )
    counts["coordinators"] = len(coordinators)
    new_actions = {a.key: a for a in plan.actions.prefetch_related("indicators")}
    for round_ in previous.reporting_rounds.filter(state=RoundState.OPEN):
        round_.plans.add(plan)
        covered: set[int] = set()
        updates = round_.updates.filter(action__plan=previous).select_related("action")
        for update in updates.prefetch_related("indicator_values__indicator"):
            action = new_actions.get(update.action.key)
            if action is None:
                counts["updates_left"] += 1
                continue
            _move(update, action, previous, plan)
            covered.add(action.pk)
            counts["updates_moved"] += 1
        missing = [a for a in plan.actions.order_by("order") if a.pk not in covered]
        create_updates(
            round_,
            missing,
            actor=None,
            note=f"nieuwe versie {plan.version} van het plan ingelezen",
        )
        if not round_.updates.filter(action__plan=previous).exists():
            round_.plans.remove(previous)
        counts["rounds"] += 1
    if counts["rounds"] or counts["coordinators"]:
        audit.info("carry_over: plan %s -> %s %s", previous.pk, plan.pk, counts)
    return counts


def _move(update: ActionUpdate, action: Action, previous: Plan, plan: Plan) -> None:
    indicators = list(action.indicators.all())
    by_text = {indicator.text: indicator for indicator in indicators}
    taken: set[int] = set()
    values = list(update.indicator_values.all())
    unmatched = []
    for value in values:  # the same text first, wherever it now stands
        new = by_text.get(value.indicator.text)
        if new is None or new.pk in taken:
            unmatched.append(value)
            continue
        _repoint(value, new, taken)
    # then the reworded ones: the values left over take the indicators left over, in order
    free = [indicator for indicator in indicators if indicator.pk not in taken]
    for value, indicator in zip(unmatched, free, strict=False):
        _repoint(value, indicator, taken)
    # a value beyond them has no counterpart: it stays, on the old version's indicator
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            update=update,
            indicator=indicator,
            period_start=update.round.period_start,
            period_end=update.round.period_end,
            baseline=indicator.baseline,
            target=indicator.target_value,
        )
        for indicator in indicators
        if indicator.pk not in taken
    )
    update.action = action
    update.save(update_fields=["action"])
    UpdateChange.objects.create(
        update=update,
        field="plan_version",
        old=previous.version,
        new=plan.version,
        version=update.version,
        note="nieuwe versie van het plan ingelezen",  # a record: Dutch, whoever reads it
    )


def _repoint(value: IndicatorValue, indicator, taken: set[int]) -> None:
    value.indicator = indicator
    value.save(update_fields=["indicator"])
    taken.add(indicator.pk)


def on_plan_imported(sender, plan: Plan, **kwargs) -> None:
    """`carry_over_monitoring` as a receiver of `plans.signals.plan_imported`."""
    carry_over_monitoring(plan)
