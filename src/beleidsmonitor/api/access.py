"""Permission questions the API asks, answered by `monitoring.permissions` alone.

This module adds no rule of its own: it only turns the answers into API errors, so the
web pages, the CLI and the API refuse the same things.
"""

from __future__ import annotations

from beleidsmonitor.monitoring import permissions


def visible_updates(user, queryset=None):
    return permissions.visible_updates(user, queryset)
