"""Pages about links: the review list, one action's links, the lineage view per plan, the
overlap matrix, and the same data as JSON.

Who sees what is the rule of /api/links, `LinkProposal.objects.visible_to(user)`:
anonymous visitors see confirmed links only, anyone logged in sees the proposals too."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from beleidsmonitor.linking.models import (
    LinkKind,
    LinkProposal,
    LinkStatus,
    plan_ref,
    sees_proposals,
    weak_candidates,
)
from beleidsmonitor.linking.operations.compute_links import relation
from beleidsmonitor.linking.operations.decide_link import decide_link
from beleidsmonitor.linking.operations.items import top_goal
from beleidsmonitor.linking.permissions import can_decide, check_can_decide
from beleidsmonitor.plans.models import Action, Goal, Plan, PlanKind

PAGE_SIZE = 50
# `zekerheid` filter of the review list: proposals (and every decided link) by default;
# the weak candidates of the mutual-best rule only when asked for.
STRENGTHS = [
    ("voorstellen", gettext_lazy("voorstellen")),
    ("zwak", gettext_lazy("zwakke kandidaten")),
    ("alle", gettext_lazy("alle")),
]


def _visible(queryset, user):
    """Links worth showing to `user`: current, not rejected, and visible to them."""
    return queryset.visible_to(user).filter(is_current=True).exclude(status=LinkStatus.REJECTED)


def _filtered(request, *, default_strength: str = "voorstellen"):
    proposals = (
        LinkProposal.objects.visible_to(request.user)
        .filter(is_current=True)
        .select_related(
            "source_plan", "target_plan", "source_action", "target_action", "decided_by"
        )
    )
    kind = request.GET.get("soort") or ""
    plan_id = request.GET.get("plan") or ""
    if sees_proposals(request.user):
        status = request.GET.get("status", LinkStatus.PROPOSED)
        strength = request.GET.get("zekerheid", "")
        if strength not in dict(STRENGTHS):
            strength = default_strength
    else:
        # `visible_to` leaves them confirmed links only; the filters say so
        status, strength = LinkStatus.CONFIRMED, "alle"
    if strength == "zwak":
        proposals = proposals.filter(weak_candidates())
    elif strength == "voorstellen":
        proposals = proposals.exclude(weak_candidates())
    if kind in LinkKind.values:
        proposals = proposals.filter(kind=kind)
    if status in LinkStatus.values:
        proposals = proposals.filter(status=status)
    if plan_id.isdigit():
        proposals = proposals.filter(Q(source_plan_id=plan_id) | Q(target_plan_id=plan_id))
    filters = {"soort": kind, "status": status, "plan": plan_id, "zekerheid": strength}
    return proposals.order_by("-score", "pk"), filters


def review_list(request):
    proposals, filters = _filtered(request)
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "linking/review_list.html",
        {
            "page": page,
            "filters": filters,
            "kinds": LinkKind.choices,
            "statuses": LinkStatus.choices,
            "strengths": STRENGTHS,
            "plans": Plan.objects.filter(is_current=True).order_by("-period_start", "title"),
            "can_decide": can_decide(request.user),
            "sees_proposals": sees_proposals(request.user),
            "query": request.GET.urlencode(),
        },
    )


@require_POST
def decide(request, proposal_id: int):
    check_can_decide(request.user)
    proposal = get_object_or_404(LinkProposal, pk=proposal_id)
    status = request.POST.get("status", "")
    if status not in LinkStatus.values:
        messages.error(request, _("Onbekende beslissing."))
    else:
        decide_link(proposal, status, user=request.user)
        messages.success(
            request,
            f"{proposal.source_key} → {proposal.target_key}: {proposal.get_status_display()}.",
        )
    back = request.POST.get("next") or reverse("linking:review")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("linking:review")
    return HttpResponseRedirect(back)


def action_links(request, action_id: int):
    """One action's predecessors, successors and overlaps, confirmed first."""
    action = get_object_or_404(Action.objects.select_related("plan"), pk=action_id)
    return render(
        request,
        "linking/action_links.html",
        {
            "action": action,
            "plan": action.plan,
            "rows": action_link_rows(action, user=request.user),
            "can_decide": can_decide(request.user),
            "sees_proposals": sees_proposals(request.user),
        },
    )


def action_link_rows(action: Action, *, user=None, confirmed_only: bool = False) -> list[dict]:
    """The links of one action that `user` may see, for this page and for any other action
    page: include `linking/_action_links_table.html` with `rows` set to this.

    Without a `user` the rows are those of an anonymous visitor: confirmed links only."""
    ref = plan_ref(action.plan)
    links = LinkProposal.objects.visible_to(user).filter(is_current=True)
    outgoing = links.filter(source_plan_ref=ref, source_key=action.key).select_related(
        "target_plan", "target_action", "target_goal"
    )
    incoming = links.filter(target_plan_ref=ref, target_key=action.key).select_related(
        "source_plan", "source_action", "source_goal"
    )
    if confirmed_only:
        outgoing = outgoing.filter(status=LinkStatus.CONFIRMED)
        incoming = incoming.filter(status=LinkStatus.CONFIRMED)
    rows = [_row(p, outgoing=True) for p in outgoing] + [_row(p, outgoing=False) for p in incoming]
    order = {LinkStatus.CONFIRMED: 0, LinkStatus.PROPOSED: 1, LinkStatus.REJECTED: 2}
    rows.sort(key=lambda r: (order[r["proposal"].status], -r["proposal"].score))
    return rows


def _row(proposal: LinkProposal, *, outgoing: bool) -> dict:
    if proposal.kind == LinkKind.OVERLAP:
        label = _("overlapt met")
    else:
        label = _("wordt voortgezet in") if outgoing else _("zet voort")
    return {
        "proposal": proposal,
        "label": label,
        "plan": proposal.target_plan if outgoing else proposal.source_plan,
        "key": proposal.target_key if outgoing else proposal.source_key,
        "title": proposal.target_title if outgoing else proposal.source_title,
        "action": proposal.target_action if outgoing else proposal.source_action,
    }


def lineage(request, plan_id: int):
    """Per item of a plan: its successors in later plans and predecessors in earlier ones.

    Confirmed links are the answer; to a logged-in user proposals are shown beside them,
    marked as such, so "measure M → no successor" means nobody confirmed one and nothing
    scored high enough. Anonymous visitors see the confirmed links only.
    """
    plan = get_object_or_404(Plan, pk=plan_id)
    ref = plan_ref(plan)
    links = _visible(LinkProposal.objects.filter(kind=LinkKind.LINEAGE), request.user).filter(
        Q(source_plan_ref=ref) | Q(target_plan_ref=ref)
    )
    links = links.select_related(
        "source_plan", "target_plan", "source_action", "target_action", "source_goal", "target_goal"
    ).order_by("-score")
    successors: dict[str, list] = defaultdict(list)
    predecessors: dict[str, list] = defaultdict(list)
    for link in links:
        if link.source_plan_ref == ref:
            successors[link.source_key].append(link)
        else:
            predecessors[link.target_key].append(link)
    actions = list(plan.actions.all())
    items: list = list(actions)
    if plan.kind == PlanKind.POLICY_NOTE or not actions:
        # a policy note lives on through its objectives (see compute_links)
        parents = set(plan.goals.exclude(parent=None).values_list("parent_id", flat=True))
        items += [g for g in plan.goals.all() if g.pk not in parents]
    rows = []
    for item in items:
        if isinstance(item, Action) and item.number:
            label = _("Actie %(number)s") % {"number": item.number}
        else:
            label = item.key
        rows.append(
            {
                "item": item,
                "label": label,
                "is_action": isinstance(item, Action),
                "successors": successors.get(item.key, []),
                "predecessors": predecessors.get(item.key, []),
            }
        )
    counts = {
        "items": len(rows),
        "with_successor": sum(1 for r in rows if _confirmed(r["successors"])),
        "with_predecessor": sum(1 for r in rows if _confirmed(r["predecessors"])),
    }
    return render(
        request,
        "linking/lineage.html",
        {
            "plan": plan,
            "rows": rows,
            "counts": counts,
            "has_later": any(r["successors"] for r in rows),
            "has_earlier": any(r["predecessors"] for r in rows),
            "sees_proposals": sees_proposals(request.user),
        },
    )


def _confirmed(links: list[LinkProposal]) -> bool:
    return any(link.status == LinkStatus.CONFIRMED for link in links)


def overlap_index(request):
    """The pairs of plans of one period, each a link to its matrix."""
    plans = list(Plan.objects.filter(is_current=True).order_by("pk"))
    pairs = [(a, b) for a in plans for b in plans if relation(a, b) == LinkKind.OVERLAP]
    return render(request, "linking/overlap_index.html", {"pairs": pairs})


def overlap_matrix(request, first_id: int, second_id: int):
    """Goals of one plan against goals of another: per cell the overlapping actions and
    goals, each count a link to the pairs behind it. The counts are of the links the user
    may see: confirmed ones only for an anonymous visitor."""
    first = get_object_or_404(Plan, pk=first_id)
    second = get_object_or_404(Plan, pk=second_id)
    rows_goals, cells = _overlap_cells(first, second, request.user)
    columns = [g for g in second.goals.all() if g.parent_id is None]
    wanted_row, wanted_col = request.GET.get("rij"), request.GET.get("kolom")
    selected = []
    if (wanted_row or "").isdigit() and (wanted_col or "").isdigit():
        selected = cells.get((int(wanted_row), int(wanted_col)), [])
    matrix = [
        {
            "goal": goal,
            "cells": [
                {"goal": col, "count": len(cells.get((goal.pk, col.pk), []))} for col in columns
            ],
        }
        for goal in rows_goals
    ]
    return render(
        request,
        "linking/overlap_matrix.html",
        {
            "first": first,
            "second": second,
            "columns": columns,
            "matrix": matrix,
            "selected": selected,
            "selected_row": wanted_row,
            "selected_col": wanted_col,
            "total": sum(len(v) for v in cells.values()),
            "can_decide": can_decide(request.user),
            "sees_proposals": sees_proposals(request.user),
        },
    )


def _overlap_cells(first: Plan, second: Plan, user):
    """(top goals of `first`, {(row goal id, column goal id): the pairs in that cell that
    `user` may see})."""
    first_goals = {g.pk: g for g in first.goals.all()}
    second_goals = {g.pk: g for g in second.goals.all()}
    ref_a, ref_b = plan_ref(first), plan_ref(second)
    links = (
        _visible(LinkProposal.objects.filter(kind=LinkKind.OVERLAP), user)
        .filter(
            Q(source_plan_ref=ref_a, target_plan_ref=ref_b)
            | Q(source_plan_ref=ref_b, target_plan_ref=ref_a)
        )
        .select_related("source_action", "target_action", "source_goal", "target_goal")
    )
    cells: dict[tuple[int, int], list] = defaultdict(list)
    for link in links:
        forward = link.source_plan_ref == ref_a
        mine = (
            (link.source_action or link.source_goal)
            if forward
            else (link.target_action or link.target_goal)
        )
        theirs = (
            (link.target_action or link.target_goal)
            if forward
            else (link.source_action or link.source_goal)
        )
        if mine is None or theirs is None:
            continue
        row = top_goal(_goal_of(mine, first_goals), first_goals)
        col = top_goal(_goal_of(theirs, second_goals), second_goals)
        if row is not None and col is not None:
            cells[(row.pk, col.pk)].append(
                {"link": link, "mine": mine, "theirs": theirs, "forward": forward}
            )
    rows = [g for g in first_goals.values() if g.parent_id is None]
    rows.sort(key=lambda g: g.order)
    return rows, cells


def _goal_of(item, goals: dict[int, Goal]) -> Goal | None:
    if isinstance(item, Goal):
        return goals.get(item.pk)
    return goals.get(item.goal_id)


def links_json(request):
    """The proposals and their status as JSON (the review list's filters, but weak
    candidates included unless `zekerheid` says otherwise: each link carries its
    `strength`, as in /api/links). Anonymous visitors get the confirmed links only."""
    proposals, filters = _filtered(request, default_strength="alle")
    wanted = request.GET.get("limiet", "")
    limit = min(int(wanted), 5000) if wanted.isdigit() else 500
    data = [p.as_dict() for p in proposals[:limit]]
    return JsonResponse({"filters": filters, "count": proposals.count(), "links": data})
