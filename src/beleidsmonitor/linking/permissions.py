"""Who may decide on links and change actors. One function, so that it can be re-pointed
to the coordinator role when roles exist."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class DecisionNotAllowed(PermissionDenied):
    """The user may not confirm or reject links, nor merge, split or rename actors."""


def can_decide(user) -> bool:
    """Coordinators and administrators decide; for now that is `is_staff`."""
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_staff)


def check_can_decide(user) -> None:
    if not can_decide(user):
        raise DecisionNotAllowed("alleen een coördinator of beheerder mag dit beslissen")
