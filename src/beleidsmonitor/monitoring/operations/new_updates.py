"""Draft updates for actions that enter a round: when it opens, or when a new version of
a plan brings new actions into an open round (`carry_over`)."""

from __future__ import annotations

from collections.abc import Sequence

from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    IndicatorValue,
    ReportingRound,
    UpdateChange,
)
from beleidsmonitor.plans.models import Action, Indicator


def create_updates(
    round_: ReportingRound, actions: Sequence[Action], *, actor, note: str
) -> list[ActionUpdate]:
    """A draft update per action, with an indicator value per indicator (baseline and
    target copied as they are now), and the opening recorded in each update's history
    with `note` (a record: Dutch, whoever reads it)."""
    updates = ActionUpdate.objects.bulk_create(
        ActionUpdate(round=round_, action=action) for action in actions
    )
    by_action = {update.action_id: update for update in updates}
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            update=by_action[indicator.action_id],
            indicator=indicator,
            period_start=round_.period_start,
            period_end=round_.period_end,
            baseline=indicator.baseline,
            target=indicator.target_value,
        )
        for indicator in Indicator.objects.filter(action__in=list(actions))
    )
    UpdateChange.objects.bulk_create(
        UpdateChange(
            update=update,
            user=actor,
            field="state",
            old=None,
            new=update.state,
            version=update.version,
            note=note,
        )
        for update in updates
    )
    return updates
