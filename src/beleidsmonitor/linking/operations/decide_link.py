"""Confirming or rejecting a link proposal: the one change people make to links."""

from __future__ import annotations

from django.utils import timezone

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.linking.models import LinkProposal, LinkStatus
from beleidsmonitor.linking.permissions import check_can_decide


class LinkDecisionError(BeleidsmonitorError):
    """A decision that is not one of confirm, reject or reopen."""


def decide_link(proposal: LinkProposal, status: str, *, user) -> LinkProposal:
    """Set a proposal's status (`confirmed`, `rejected`, or back to `proposed`), with who
    decided and when. The decision is stored by the items' stable references, so it
    survives `beleidsmonitor link` and a re-import of either plan."""
    check_can_decide(user)
    if status not in LinkStatus.values:
        raise LinkDecisionError(f"onbekende beslissing {status!r}")
    proposal.status = status
    reopened = status == LinkStatus.PROPOSED
    proposal.decided_by = None if reopened else user
    proposal.decided_at = None if reopened else timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    return proposal
