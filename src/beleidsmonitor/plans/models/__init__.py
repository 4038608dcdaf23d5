"""The model of plans, goals, actions and actors. Import from here, not the submodules.

Order of dependency: actors (no plan) <- plans (plan, goal, action, indicator,
abbreviation, warning) <- reporting_links (report objective matches, figure candidates).
"""

from beleidsmonitor.plans.models.actors import Actor, ActorAlias, ActorKind
from beleidsmonitor.plans.models.plans import (
    Abbreviation,
    Action,
    ActionActor,
    ActorRole,
    Goal,
    Indicator,
    IndicatorKind,
    Plan,
    PlanKind,
    PlanWarning,
)
from beleidsmonitor.plans.models.reporting_links import (
    DECIDED_MATCH_STATES,
    LINKING_MATCH_STATES,
    FigureCandidate,
    FigureKind,
    FigureStatus,
    MatchStatus,
    ObjectiveMatch,
)

__all__ = [
    "DECIDED_MATCH_STATES",
    "LINKING_MATCH_STATES",
    "Abbreviation",
    "Action",
    "ActionActor",
    "Actor",
    "ActorAlias",
    "ActorKind",
    "ActorRole",
    "FigureCandidate",
    "FigureKind",
    "FigureStatus",
    "Goal",
    "Indicator",
    "IndicatorKind",
    "MatchStatus",
    "ObjectiveMatch",
    "Plan",
    "PlanKind",
    "PlanWarning",
]
