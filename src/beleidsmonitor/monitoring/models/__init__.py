"""The model of monitoring: rounds, updates, indicator values, history, roles.

Import from here, not the submodules. Order of dependency: roles (plans, actors) <-
rounds <- updates (update, indicator value) <- history.
"""

from beleidsmonitor.monitoring.models.history import RESTORABLE_FIELDS, UpdateChange
from beleidsmonitor.monitoring.models.roles import ActorReporter, PlanCoordinator
from beleidsmonitor.monitoring.models.rounds import ReportingRound, RoundState
from beleidsmonitor.monitoring.models.updates import (
    OPEN_STATES,
    REPORTED_STATES,
    STATUS_RANK,
    ActionUpdate,
    IndicatorValue,
    UpdateStatus,
    WorkflowState,
)

__all__ = [
    "OPEN_STATES",
    "REPORTED_STATES",
    "RESTORABLE_FIELDS",
    "STATUS_RANK",
    "ActionUpdate",
    "ActorReporter",
    "IndicatorValue",
    "PlanCoordinator",
    "ReportingRound",
    "RoundState",
    "UpdateChange",
    "UpdateStatus",
    "WorkflowState",
]
