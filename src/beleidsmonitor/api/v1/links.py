"""Link proposals between plan items: lineage across periods and overlap within one.

Read only; deciding stays on the web page (`/koppelingen/`). Who sees what:

- anonymous visitors see confirmed links only: a proposal is a machine's guess, and a
  rejected one is a person's "no", neither of which is published data;
- a logged-in user (browser session or API token) sees every current proposal, filtered
  by `status` if given.

The rule is `LinkProposal.objects.visible_to(user)`, the same the web pages apply.

Links that the last `compute_links` run no longer found (`is_current` off) are not listed.
Each link says its `strength`: `weak` for an undecided lineage pair that is not each
other's best match, or that only the mutual-best rule on the whole text found (few of
those are right), else `strong`.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Q
from ninja import Query, Router, Schema

from beleidsmonitor.api.auth import read_auth
from beleidsmonitor.api.v1.common import Id, ListParams, PageMeta, paginate
from beleidsmonitor.linking.models import LinkProposal, weak_candidates

router = Router(tags=["links"])


class LinkEnd(Schema):
    plan: int | None
    plan_ref: str
    key: str
    kind: str
    title: str
    action: int | None
    goal: int | None


class LinkOut(Schema):
    id: int
    kind: str
    status: str
    score: float
    strength: Literal["strong", "weak"]
    evidence: dict[str, Any]
    source: LinkEnd
    target: LinkEnd
    decided_by: str | None
    decided_at: str | None


class LinkPage(PageMeta):
    items: list[LinkOut]


class LinkFilters(ListParams):
    plan: Id | None = None
    status: Literal["proposed", "confirmed", "rejected"] | None = None
    kind: Literal["lineage", "overlap"] | None = None
    strength: Literal["strong", "weak"] | None = None
    ordering: Literal["-score", "score", "id", "-id"] = "-score"


@router.get(
    "/links",
    response=LinkPage,
    auth=read_auth,
    summary="List link proposals",
    description=(
        "Lineage and overlap links between plan items, with score, evidence and status. "
        "`plan` matches either end. `strength` weak: undecided lineage pairs that are not "
        "each other's best match, or only on the whole text (most are wrong). Anonymous "
        "visitors see confirmed links only; logged-in users see proposed and rejected ones too."
    ),
)
def list_links(request, filters: Query[LinkFilters]):
    links = (
        LinkProposal.objects.visible_to(request.user)
        .filter(is_current=True)
        .select_related("decided_by")
    )
    if filters.status:
        links = links.filter(status=filters.status)
    if filters.kind:
        links = links.filter(kind=filters.kind)
    if filters.strength == "weak":
        links = links.filter(weak_candidates())
    elif filters.strength == "strong":
        links = links.exclude(weak_candidates())
    if filters.plan:
        links = links.filter(Q(source_plan_id=filters.plan) | Q(target_plan_id=filters.plan))
    if filters.text:
        for word in filters.text.split()[:10]:
            links = links.filter(
                Q(source_title__icontains=word)
                | Q(target_title__icontains=word)
                | Q(source_key__icontains=word)
                | Q(target_key__icontains=word)
            )
    return paginate(links.order_by(filters.ordering, "pk"), filters, LinkProposal.as_dict)
