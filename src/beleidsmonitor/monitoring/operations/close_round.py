"""Close a round: nothing can be filled in or submitted any more; review may go on."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.errors import WorkflowError
from beleidsmonitor.monitoring.models import ReportingRound, RoundState
from beleidsmonitor.monitoring.operations._history import audit


def close_round(user, round_: ReportingRound) -> ReportingRound:
    with transaction.atomic():
        current = ReportingRound.objects.select_for_update().get(pk=round_.pk)
        permissions.check(user, permissions.Operation.CLOSE_ROUND, current)
        if current.state == RoundState.CLOSED:
            raise WorkflowError(_("De ronde '%(round)s' is al afgesloten.") % {"round": current})
        current.state = RoundState.CLOSED
        current.closed_at = timezone.now()
        current.closed_by = user if getattr(user, "is_authenticated", False) else None
        current.save(update_fields=["state", "closed_at", "closed_by"])
        audit.info("close_round: %s by %s", current, user)
    round_.refresh_from_db()
    return round_
