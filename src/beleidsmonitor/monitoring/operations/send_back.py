"""A coordinator asks the reporter to adjust an update, saying what and why."""

from __future__ import annotations

from django.utils.translation import gettext as _

from beleidsmonitor.monitoring.errors import InvalidValues
from beleidsmonitor.monitoring.models import ActionUpdate, WorkflowState
from beleidsmonitor.monitoring.operations._workflow import move
from beleidsmonitor.monitoring.permissions import Operation


def send_back(
    user, update: ActionUpdate, comment: str, *, expected_version: int | None = None
) -> ActionUpdate:
    comment = (comment or "").strip()
    if not comment:
        raise InvalidValues(
            {"comment": _("Zeg in een opmerking wat de rapporteur moet aanpassen.")}
        )
    return move(
        user,
        update,
        Operation.SEND_BACK,
        from_states=(WorkflowState.SUBMITTED, WorkflowState.APPROVED),
        to_state=WorkflowState.SENT_BACK,
        needs_open_round=True,
        comment=comment,
        expected_version=expected_version,
    )
