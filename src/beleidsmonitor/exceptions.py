"""One exception base for everything the user can be told about in a sentence."""


class BeleidsmonitorError(Exception):
    """An error whose message is fit to show the user as is."""


class PlanJsonError(BeleidsmonitorError):
    """A plan JSON document that does not follow `beleidsmonitor.plan/1`."""


class NotFound(BeleidsmonitorError):
    """A plan, round or other object named by the user does not exist."""
