"""Open a reporting round: an empty update for every action of the plans in scope."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.errors import InvalidValues
from beleidsmonitor.monitoring.models import (
    ReportingRound,
    RoundState,
)
from beleidsmonitor.monitoring.models.rounds import round_date_errors
from beleidsmonitor.monitoring.operations._history import audit
from beleidsmonitor.monitoring.operations.new_updates import create_updates
from beleidsmonitor.plans.models import Action, Plan


def open_round(
    user,
    *,
    name: str,
    period_start: dt.date,
    period_end: dt.date,
    deadline: dt.date,
    plans: Iterable[Plan],
) -> ReportingRound:
    plans = list(plans)
    permissions.check(user, permissions.Operation.OPEN_ROUND, plans)
    name = (name or "").strip()
    actor = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        # Locking the plans makes two rounds opened at once for a plan wait for each
        # other, so the second sees the first when it looks for an overlap.
        # Read again under the lock: an import that committed while this waited has
        # replaced its plan by a newer version, and a round on the old one would give the
        # same actions a second form.
        locked = Plan.objects.select_for_update().filter(pk__in=[plan.pk for plan in plans])
        replaced = [plan for plan in locked.order_by("title", "version") if not plan.is_current]
        errors = {}
        if not name:
            errors["name"] = _("Geef de ronde een naam, bijvoorbeeld 'Rapportering 2026'.")
        elif ReportingRound.objects.filter(name=name).exists():
            errors["name"] = _("Er bestaat al een ronde '%(name)s'.") % {"name": name}
        errors |= round_date_errors(period_start, period_end, deadline)
        if not plans:
            errors["plans"] = _("Kies minstens één plan.")
        elif replaced:
            errors["plans"] = " ".join(
                _(
                    "Het plan '%(plan)s' (versie %(version)s) is vervangen: er bestaat een "
                    "nieuwere versie. Open de ronde op de huidige versie van het plan."
                )
                % {"plan": plan.title, "version": plan.version}
                for plan in replaced
            )
        elif "period_end" not in errors:
            overlap = _overlapping_open_rounds(plans, period_start, period_end)
            if overlap:
                errors["plans"] = " ".join(overlap)
        if errors:
            raise InvalidValues(errors)
        round_ = ReportingRound.objects.create(
            name=name,
            period_start=period_start,
            period_end=period_end,
            deadline=deadline,
            state=RoundState.OPEN,
            opened_at=timezone.now(),
            opened_by=actor,
        )
        round_.plans.set(plans)
        actions = list(Action.objects.filter(plan__in=plans).order_by("plan", "order"))
        # a record: Dutch, whoever reads it
        updates = create_updates(round_, actions, actor=actor, note=f"ronde '{name}' geopend")
        audit.info("open_round: %s with %d updates by %s", name, len(updates), user)
    return round_


def _overlapping_open_rounds(
    plans: list[Plan], period_start: dt.date, period_end: dt.date
) -> list[str]:
    """A message for every open round of these plans whose period overlaps the new one's:
    its reporters would get a second form for the same actions."""
    rounds = (
        ReportingRound.objects.filter(
            state=RoundState.OPEN,
            plans__in=plans,
            period_start__lte=period_end,
            period_end__gte=period_start,
        )
        .distinct()
        .order_by("period_start", "name")
    )
    messages = []
    for round_ in rounds:
        shared = [plan for plan in plans if round_.plans.filter(pk=plan.pk).exists()]
        messages.append(
            _(
                "De ronde '%(round)s' (%(start)s tot %(end)s) staat nog open voor "
                "%(plans)s en overlapt met deze periode. Sluit die ronde eerst of kies "
                "een periode die er niet mee overlapt."
            )
            % {
                "round": round_.name,
                "start": date_format(round_.period_start),
                "end": date_format(round_.period_end),
                "plans": ", ".join(f"'{plan.title}'" for plan in shared),
            }
        )
    return messages
