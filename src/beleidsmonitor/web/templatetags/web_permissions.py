"""Template filters that ask `monitoring.permissions`, so a menu shows what a user may do."""

from __future__ import annotations

from django import template

from beleidsmonitor.monitoring.permissions import Operation, allowed

register = template.Library()


@register.filter
def may_import(user) -> bool:
    """Whether `user` may import plans: the rule of `Operation.IMPORT_PLAN`."""
    return allowed(user, Operation.IMPORT_PLAN)
