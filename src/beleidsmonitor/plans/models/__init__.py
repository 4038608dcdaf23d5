"""The model of plans, goals, actions and actors. Import from here, not the submodules.

Order of dependency: actors (no plan) <- plans (plan, goal, action, indicator,
abbreviation, warning).
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

__all__ = [
    "Abbreviation",
    "Action",
    "ActionActor",
    "Actor",
    "ActorAlias",
    "ActorKind",
    "ActorRole",
    "Goal",
    "Indicator",
    "IndicatorKind",
    "Plan",
    "PlanKind",
    "PlanWarning",
]
