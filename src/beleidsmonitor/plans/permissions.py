"""Who may decide on objective matches and figure candidates. One function, so that it
can be re-pointed to the coordinator role."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class DecisionNotAllowed(PermissionDenied):
    """The user may not confirm, correct or reject matches, nor accept figures."""


def can_decide(user) -> bool:
    """Coordinators and administrators decide; for now that is `is_staff`."""
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_staff)


def check_can_decide(user) -> None:
    if not can_decide(user):
        raise DecisionNotAllowed("alleen een coördinator of beheerder mag dit beslissen")
