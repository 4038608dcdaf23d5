"""A coordinator makes an approved update visible to everyone, visitors included."""

from __future__ import annotations

from beleidsmonitor.monitoring.models import ActionUpdate, WorkflowState
from beleidsmonitor.monitoring.operations._workflow import move
from beleidsmonitor.monitoring.permissions import Operation


def publish_update(
    user, update: ActionUpdate, *, expected_version: int | None = None
) -> ActionUpdate:
    # Publishing may follow after the round is closed: the review can outlast the round.
    return move(
        user,
        update,
        Operation.PUBLISH,
        from_states=(WorkflowState.APPROVED,),
        to_state=WorkflowState.PUBLISHED,
        needs_open_round=False,
        stamp="published_at",
        expected_version=expected_version,
    )
