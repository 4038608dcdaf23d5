"""A reporter hands in an update for review."""

from __future__ import annotations

from django.utils.translation import gettext as _

from beleidsmonitor.monitoring.errors import WorkflowError
from beleidsmonitor.monitoring.models import OPEN_STATES, ActionUpdate, WorkflowState
from beleidsmonitor.monitoring.operations._workflow import move
from beleidsmonitor.monitoring.permissions import Operation


def submit_update(
    user, update: ActionUpdate, *, expected_version: int | None = None
) -> ActionUpdate:
    return move(
        user,
        update,
        Operation.SUBMIT,
        from_states=OPEN_STATES,
        to_state=WorkflowState.SUBMITTED,
        needs_open_round=True,
        stamp="submitted_at",
        expected_version=expected_version,
        precondition=_has_status,
    )


def _has_status(update: ActionUpdate) -> None:
    # A report without a status says nothing about the action.
    if not update.status:
        raise WorkflowError(_("Vul eerst een status in voor u de rapportering indient."))
