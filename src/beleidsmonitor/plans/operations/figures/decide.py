"""A person's decision on a figure candidate: accepted as an indicator value, or rejected."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.plans.models import (
    FigureCandidate,
    FigureKind,
    FigureStatus,
    Goal,
    Indicator,
    IndicatorKind,
)
from beleidsmonitor.plans.permissions import check_can_decide


class FigureError(BeleidsmonitorError):
    """A decision on a figure candidate that cannot be made."""


def accept_figure(
    figure: FigureCandidate,
    *,
    user,
    indicator: Indicator | None = None,
    text: str = "",
) -> FigureCandidate:
    """Accept a candidate as the value of an indicator of its note objective.

    The indicator is `indicator` (one of the note goal's), else the note goal's indicator
    of the same kind and unit, else a new one (kind count or percentage, baseline from
    `van X naar Y`). The value and year stay on the candidate: the monitoring app keeps
    indicator values per action update in a reporting round, and an objective's figure
    from a report has no such update.
    """
    check_can_decide(user)
    if figure.note_goal_id is None:
        raise FigureError(
            _("deze doelstelling is nog niet afgestemd op een doelstelling van de beleidsnota")
        )
    note_goal = figure.note_goal
    with transaction.atomic():
        if indicator is not None and indicator.goal_id != note_goal.pk:
            raise FigureError(_("die indicator hoort niet bij %(goal)s") % {"goal": note_goal.key})
        indicator = (
            indicator
            or _same_indicator(note_goal, figure)
            or _new_indicator(note_goal, figure, text)
        )
        figure.indicator = indicator
        figure.status = FigureStatus.ACCEPTED
        figure.decided_by = user
        figure.decided_at = timezone.now()
        figure.save(update_fields=["indicator", "status", "decided_by", "decided_at"])
    return figure


def reject_figure(figure: FigureCandidate, *, user) -> FigureCandidate:
    check_can_decide(user)
    figure.status = FigureStatus.REJECTED
    figure.decided_by = user
    figure.decided_at = timezone.now()
    figure.save(update_fields=["status", "decided_by", "decided_at"])
    return figure


def _indicator_unit(figure: FigureCandidate) -> str:
    return "%" if figure.kind == FigureKind.PERCENTAGE else figure.unit[:50]


def _same_indicator(note_goal: Goal, figure: FigureCandidate) -> Indicator | None:
    """An indicator of the goal a value of this figure belongs to: same kind and unit."""
    for indicator in note_goal.indicators.filter(kind=figure.kind):
        if indicator.unit.lower() == _indicator_unit(figure).lower() and (
            figure.kind != FigureKind.PERCENTAGE or figure.unit.lower() in indicator.text.lower()
        ):
            return indicator
    return None


def _new_indicator(note_goal: Goal, figure: FigureCandidate, text: str) -> Indicator:
    label = "Percentage" if figure.kind == FigureKind.PERCENTAGE else "Aantal"
    return Indicator.objects.create(
        goal=note_goal,
        text=(text or f"{label} {figure.unit}").strip(),
        kind=IndicatorKind.PERCENTAGE
        if figure.kind == FigureKind.PERCENTAGE
        else IndicatorKind.COUNT,
        unit=_indicator_unit(figure),
        baseline=figure.baseline,
        order=note_goal.indicators.count(),
    )
