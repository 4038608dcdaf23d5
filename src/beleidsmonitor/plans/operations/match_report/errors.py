"""`MatchError` in a module of its own: storing and deciding both raise it."""

from __future__ import annotations

from beleidsmonitor.exceptions import BeleidsmonitorError


class MatchError(BeleidsmonitorError):
    """A decision on a match that cannot be made (unknown status, wrong objective)."""
