"""Who may decide on objective matches and figure candidates."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


class DecisionNotAllowed(PermissionDenied):
    """The user may not confirm, correct or reject matches, nor accept figures."""


def can_decide(user) -> bool:
    """The coordinating team decides; the rule itself lives in monitoring.permissions."""
    from beleidsmonitor.monitoring.permissions import Operation, allowed

    return user is not None and allowed(user, Operation.DECIDE)


def check_can_decide(user) -> None:
    if not can_decide(user):
        raise DecisionNotAllowed(_("alleen een coördinator of beheerder mag dit beslissen"))
