"""A coordinator accepts a submitted update."""

from __future__ import annotations

from beleidsmonitor.monitoring.models import ActionUpdate, WorkflowState
from beleidsmonitor.monitoring.operations._workflow import move
from beleidsmonitor.monitoring.permissions import Operation


def approve_update(
    user, update: ActionUpdate, *, expected_version: int | None = None
) -> ActionUpdate:
    return move(
        user,
        update,
        Operation.APPROVE,
        from_states=(WorkflowState.SUBMITTED,),
        to_state=WorkflowState.APPROVED,
        needs_open_round=False,
        stamp="approved_at",
        expected_version=expected_version,
    )
