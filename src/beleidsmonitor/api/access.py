"""Permission questions the API asks, answered by `monitoring.permissions` alone.

This module adds no rule of its own: it only turns the answers into API errors, so the
web pages, the CLI and the API refuse the same things.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from beleidsmonitor.monitoring import permissions


def require_admin(user, what: str) -> None:
    """Only administrators may do things no monitoring role covers (e.g. import a plan)."""
    if not permissions.is_admin(user):
        who = user.get_username() if getattr(user, "is_authenticated", False) else "U"
        raise PermissionDenied(f"{who} mag {what} niet: enkel beheerders.")


def visible_updates(user, queryset=None):
    return permissions.visible_updates(user, queryset)
