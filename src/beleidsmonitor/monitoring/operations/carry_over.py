"""A new version of a plan takes over the monitoring of the version it replaces.

Re-importing a corrected document mid-year makes a new plan row (`plans` keeps every
version). Without this, the open round, its updates and the plan's coordinators would
stay behind on the old row, and the current plan would show "not reported" everywhere.

What moves, inside the import's transaction (`plans.signals.plan_imported`):
- the coordinators of the old version coordinate the new one too; so only they (or
  staff) may import a new version of a plan (`Operation.REPLACE_PLAN`);
- every open round of the old version covers the new one. Each update moves to the
  action it reports on: the one with the same title, else the one with the same key and
  a title that differs by a correction at most (keys are positions in the document:
  an inserted action renumbers those after it). Updates of earlier versions still in
  the round are matched too, newest first, so an action dropped and then restored
  finds its update again. Indicator values move to the indicator with the same text,
  else to a left-over one of the same kind and unit, in order; the history follows;
- each moved update gets a new version number, so a form or sheet opened before the
  import is refused as out of date instead of writing to the wrong indicators;
- new actions get a draft update, as when a round opens;
- an update no new action matches stays where it is, and the round keeps covering its
  version, so nothing reported disappears.

Closed rounds stay with the version they reported on: they are the record of that year.
"""

from __future__ import annotations

from django.db.models import F
from rapidfuzz import fuzz

from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    IndicatorValue,
    PlanCoordinator,
    RoundState,
    UpdateChange,
)
from beleidsmonitor.monitoring.models.history import INDICATOR_PREFIX
from beleidsmonitor.monitoring.operations._history import audit
from beleidsmonitor.monitoring.operations.new_updates import create_updates
from beleidsmonitor.monitoring.permissions import Operation, check
from beleidsmonitor.plans.models import Action, Plan
from beleidsmonitor.text.dutch import fold

# How alike the titles of two actions with the same key must be (rapidfuzz ratio, 0-100)
# for the update to follow: a corrected typo or a word added, not another action.
SAME_ACTION_TITLE = 85


def carry_over_monitoring(plan: Plan) -> dict[str, int]:
    """Move the monitoring of `plan.replaces` to `plan`; counts of what moved."""
    previous = plan.replaces
    counts = {"coordinators": 0, "rounds": 0, "updates_moved": 0, "updates_left": 0}
    if previous is None:
        return counts
    if plan.imported_by is not None:
        check(plan.imported_by, Operation.REPLACE_PLAN, previous)
    coordinators = PlanCoordinator.objects.bulk_create(
        [PlanCoordinator(user_id=c.user_id, plan=plan) for c in previous.coordinators.all()],
        ignore_conflicts=True,
    )
    counts["coordinators"] = len(coordinators)
    versions = _earlier_versions(plan)
    new_actions = list(plan.actions.prefetch_related("indicators").order_by("order"))
    for round_ in previous.reporting_rounds.filter(state=RoundState.OPEN):
        round_.plans.add(plan)
        updates = (
            round_.updates.filter(action__plan__in=versions)
            .select_related("action", "round")
            .prefetch_related("indicator_values__indicator")
        )
        candidates = list(updates)
        matched = _match(candidates, new_actions, versions)
        for update, action in matched.items():
            _move(update, action, plan)
        counts["updates_moved"] += len(matched)
        counts["updates_left"] += len(candidates) - len(matched)
        covered = {action.pk for action in matched.values()}
        create_updates(
            round_,
            [a for a in new_actions if a.pk not in covered],
            actor=None,
            note=f"nieuwe versie {plan.version} van het plan ingelezen",
        )
        for version_id in versions:
            if not round_.updates.filter(action__plan_id=version_id).exists():
                round_.plans.remove(version_id)
        counts["rounds"] += 1
    if counts["rounds"] or counts["coordinators"]:
        audit.info("carry_over: plan %s -> %s %s", previous.pk, plan.pk, counts)
    return counts


def _earlier_versions(plan: Plan) -> list[int]:
    """The ids of the versions before `plan`, newest first."""
    found, older = [], plan.replaces
    while older is not None and older.pk not in found:
        found.append(older.pk)
        older = older.replaces
    return found


def _title(action: Action) -> str:
    return " ".join(fold(action.title).split())


def _match(
    updates: list[ActionUpdate], actions: list[Action], versions: list[int]
) -> dict[ActionUpdate, Action]:
    """Which update follows which new action: the same title first, then the same key
    with a nearly equal title; each action takes one update, the newest version's first."""
    updates = sorted(updates, key=lambda u: versions.index(u.action.plan_id))
    free = {a.pk: a for a in actions}
    by_title: dict[str, list[Action]] = {}
    for action in actions:
        by_title.setdefault(_title(action), []).append(action)
    matched: dict[ActionUpdate, Action] = {}
    for update in updates:
        same = [a for a in by_title.get(_title(update.action), []) if a.pk in free]
        if same:
            matched[update] = free.pop(same[0].pk)
    for update in updates:
        if update in matched:
            continue
        for action in actions:
            if (
                action.pk in free
                and action.key == update.action.key
                and fuzz.ratio(_title(action), _title(update.action)) >= SAME_ACTION_TITLE
            ):
                matched[update] = free.pop(action.pk)
                break
    return matched


def _move(update: ActionUpdate, action: Action, plan: Plan) -> None:
    indicators = list(action.indicators.all())
    free = list(indicators)
    values = list(update.indicator_values.all())
    unmatched = []
    for value in values:  # the same text first, wherever it now stands
        same = next(
            (i for i in free if (i.text, i.unit) == (value.indicator.text, value.indicator.unit)),
            None,
        ) or next((i for i in free if i.text == value.indicator.text), None)
        if same is None:
            unmatched.append(value)
        else:
            _repoint(update, value, same, free)
    for value in unmatched:  # a reworded indicator: one left over of the same kind and unit
        alike = next(
            (i for i in free if i.kind == value.indicator.kind and i.unit == value.indicator.unit),
            None,
        )
        if alike is not None:
            _repoint(update, value, alike, free)
        # else no counterpart: the value stays, on the old version's indicator
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            update=update,
            indicator=indicator,
            period_start=update.round.period_start,
            period_end=update.round.period_end,
            baseline=indicator.baseline,
            target=indicator.target_value,
        )
        for indicator in free
    )
    old_version = update.action.plan.version
    update.action = action
    # a new version number: a form or sheet opened before the import is out of date
    ActionUpdate.objects.filter(pk=update.pk).update(action=action, version=F("version") + 1)
    update.refresh_from_db(fields=["action", "version"])
    UpdateChange.objects.create(
        update=update,
        field="plan_version",
        old=old_version,
        new=plan.version,
        version=update.version,
        note="nieuwe versie van het plan ingelezen",  # a record: Dutch, whoever reads it
    )


def _repoint(update: ActionUpdate, value: IndicatorValue, indicator, free: list) -> None:
    old_field = f"{INDICATOR_PREFIX}{value.indicator_id}"
    value.indicator = indicator
    value.save(update_fields=["indicator"])
    free.remove(indicator)
    # the history names the indicator by id: keep it restorable on the new one
    UpdateChange.objects.filter(update=update, field=old_field).update(
        field=f"{INDICATOR_PREFIX}{indicator.pk}"
    )


def on_plan_imported(sender, plan: Plan, **kwargs) -> None:
    """`carry_over_monitoring` as a receiver of `plans.signals.plan_imported`."""
    carry_over_monitoring(plan)
