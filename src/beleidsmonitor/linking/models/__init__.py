"""Link proposals and actor changes. Import from here, not the submodules."""

from beleidsmonitor.linking.models.actor_changes import ActorChange, ActorChangeKind
from beleidsmonitor.linking.models.links import (
    ItemKind,
    LinkKind,
    LinkProposal,
    LinkStatus,
    plan_ref,
    plan_refs,
    sees_proposals,
    weak_candidates,
)

__all__ = [
    "ActorChange",
    "ActorChangeKind",
    "ItemKind",
    "LinkKind",
    "LinkProposal",
    "LinkStatus",
    "plan_ref",
    "plan_refs",
    "sees_proposals",
    "weak_candidates",
]
