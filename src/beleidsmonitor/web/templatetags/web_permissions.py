"""Template filters that ask `monitoring.permissions`, so a menu shows what a user may do."""

from __future__ import annotations

from django import template

from beleidsmonitor.web.views.importing import can_import

register = template.Library()


@register.filter
def may_import(user) -> bool:
    """Whether `user` may import plans: the rule the import pages apply."""
    return can_import(user)
