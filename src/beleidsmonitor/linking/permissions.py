"""Who may decide on links and change actors: the same coordinating team that decides
on report matches, so both apps share one rule."""

from beleidsmonitor.plans.permissions import DecisionNotAllowed, can_decide, check_can_decide

__all__ = ["DecisionNotAllowed", "can_decide", "check_can_decide"]
