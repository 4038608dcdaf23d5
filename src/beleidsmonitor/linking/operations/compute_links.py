"""`beleidsmonitor link`: compute or refresh the link proposals for all current plans.

Which plans are compared, and how:

- lineage: plans of different government periods (start years differ, at most one year
  shared: 2016-2019 and 2019-2024 are two periods). Older items are the sources, newer
  the targets. A plan's actions are its items; a plan without actions (a policy note)
  offers its lowest goals, and those may find both goals and actions in the newer plan.
- overlap: plans of the same period (same start year, or more than a year shared), both
  plans rather than progress reports: action with action and goal with goal.

A policy note's objectives are sources too, besides its (few) actions.

A lineage proposal is a pair above the threshold that are each other's best match between
their two plans. The other pairs above the threshold, and the pairs only the mutual-best
rule finds, are kept as weak candidates (`LinkProposal.weak`): on the labelled corpus
pairs the one-to-one rule took 17 wrong proposals out for 2 right ones (bench/linking.py).

Refreshing keeps what people decided: a proposal already confirmed or rejected keeps its
status, and is re-pointed to the current rows of its items; an undecided proposal that no
longer scores above the threshold disappears. Decisions are found by the plans' stable
references (every version's, through `replaces`), then the item's key, then its title.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from beleidsmonitor.linking.models import (
    ItemKind,
    LinkKind,
    LinkProposal,
    LinkStatus,
    plan_refs,
)
from beleidsmonitor.linking.operations.actors import reconcile_actors
from beleidsmonitor.linking.operations.items import PlanItems, load_plan_items
from beleidsmonitor.linking.similarity import THRESHOLD, TOP_K, Item, Match, Scorer
from beleidsmonitor.linking.text import Analyser, fold
from beleidsmonitor.plans.models import Abbreviation, Action, Plan, PlanKind


@dataclass
class LinkRunResult:
    proposals: int = 0
    new: int = 0
    kept_decisions: int = 0
    removed: int = 0
    plans: int = 0
    seconds: float = 0.0  # wall clock
    cpu_seconds: float = 0.0  # this process only: comparable on a busy machine
    by_kind: dict[str, int] = field(default_factory=dict)
    actor_merges: int = 0

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.by_kind.items())) or "none"
        return (
            f"linked {self.plans} plans in {self.seconds:.2f} s ({self.cpu_seconds:.2f} s CPU): "
            f"{self.proposals} proposals "
            f"({kinds}), {self.new} new, {self.kept_decisions} decisions kept, "
            f"{self.removed} stale proposals removed, {self.actor_merges} actors merged "
            f"from glossaries"
        )


def relation(a: Plan, b: Plan) -> str | None:
    """`lineage` (a is older than b), `overlap` (same period, a before b by id) or None."""
    if a.period_start is None or b.period_start is None:
        return None
    a_end, b_end = a.period_end or a.period_start, b.period_end or b.period_start
    shared = min(a_end, b_end) - max(a.period_start, b.period_start) + 1
    reports = PlanKind.PROGRESS_REPORT in (a.kind, b.kind)
    if a.period_start != b.period_start and shared <= 1:
        return LinkKind.LINEAGE if a.period_start < b.period_start else None
    if reports:
        return None  # a progress report reports on a plan of its period; it does not overlap it
    return LinkKind.OVERLAP if a.pk < b.pk else None


def compute_links(
    *, threshold: float = THRESHOLD, top_k: int = TOP_K, mutual: bool = True
) -> LinkRunResult:
    """Compute or refresh all proposals; `mutual=False` leaves out the lineage pairs that
    only the mutual-best rule finds (the weak candidates)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = LinkRunResult()
    result.actor_merges = len(reconcile_actors())
    plans = list(Plan.objects.filter(is_current=True).order_by("pk"))
    actor_cache: dict = {}
    loaded = [load_plan_items(plan, actor_cache) for plan in plans]
    abbreviations = {
        a.short: a.long for a in Abbreviation.objects.filter(plan__in=plans).order_by("pk")
    }
    every_item = [item for p in loaded for item in (*p.actions, *p.goals)]
    scorer = Scorer(every_item, Analyser(abbreviations))
    matches: list[tuple[str, Match]] = []
    for source in loaded:
        for target in loaded:
            if source is target:
                continue
            kind = relation(source.plan, target.plan)
            if kind is None:
                continue
            for sources, targets in _pairings(kind, source, target):
                found = scorer.best_matches(
                    sources,
                    targets,
                    threshold=threshold,
                    top_k=top_k,
                    one_to_one=kind == LinkKind.LINEAGE,
                )
                if kind == LinkKind.LINEAGE and mutual:
                    mutual_found = scorer.mutual_best(sources, targets)
                    found = merge_mutual(found, mutual_found)
                matches.extend((kind, match) for match in found)
    with transaction.atomic():
        _store(matches, loaded, scorer, result)
    result.plans = len(plans)
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    return result


def merge_mutual(matches: list[Match], mutual: list[Match]) -> list[Match]:
    """The threshold's matches plus the mutual best ones it missed; a pair both found
    keeps its match and gains the mutual evidence. A pair only the mutual rule found is a
    weak candidate (`Match.weak`)."""
    by_pair = {(m.source.ref, m.target.ref): m for m in matches}
    result = list(matches)
    for match in mutual:
        known = by_pair.get((match.source.ref, match.target.ref))
        if known is None:
            match.weak = True
            result.append(match)
        else:
            known.evidence["mutual"] = match.evidence["mutual"]
    return result


def _pairings(kind: str, source: PlanItems, target: PlanItems) -> list[tuple[list, list]]:
    if kind == LinkKind.OVERLAP:
        return [(source.actions, target.actions), (source.goals, target.goals)]
    pairs = []
    if source.actions:
        pairs.append((source.actions, target.actions or target.leaf_goals))
    if source.plan.kind == PlanKind.POLICY_NOTE or not source.actions:
        # a policy note's substance is its objectives; they live on in goals and actions
        pairs.append((source.leaf_goals, [*target.goals, *target.actions]))
    return pairs


FIELDS = [
    "source_plan_ref", "source_key", "source_kind", "source_title",
    "target_plan_ref", "target_key", "target_kind", "target_title",
    "source_plan", "target_plan", "source_action", "target_action", "source_goal", "target_goal",
    "score", "evidence", "weak", "computed_at", "is_current",
]  # fmt: skip


def _store(matches, loaded: list[PlanItems], scorer: Scorer, result: LinkRunResult) -> None:
    now = timezone.now()
    by_ref: dict[str, PlanItems] = {}
    for items in loaded:
        for ref in plan_refs(items.plan):
            by_ref.setdefault(ref, items)
    existing = list(LinkProposal.objects.all())
    index: dict[tuple, LinkProposal] = {}
    found: dict[int, tuple[Item, Item]] = {}
    dropped: list[int] = []
    for proposal in existing:
        source = _find(proposal.source_plan_ref, proposal.source_key, proposal.source_title, by_ref)
        target = _find(proposal.target_plan_ref, proposal.target_key, proposal.target_title, by_ref)
        if source is None or target is None:
            continue
        key = (proposal.kind, source.ref, target.ref)
        twin = index.get(key)
        if twin is not None:
            # Two stored proposals now name the same pair (a plan's title changed and
            # an old run stored both): keep the one a person decided on.
            keep, drop = (
                (twin, proposal) if twin.status != LinkStatus.PROPOSED else (proposal, twin)
            )
            dropped.append(drop.pk)
            proposal = keep
        index[key] = proposal
        found[proposal.pk] = (source, target)
    new: list[LinkProposal] = []
    produced: set[int] = set()
    for kind, match in matches:
        key = (kind, match.source.ref, match.target.ref)
        proposal = index.get(key)
        if proposal is None:
            proposal = LinkProposal(kind=kind)
            new.append(proposal)
            index[key] = proposal
        else:
            produced.add(proposal.pk)
        _point(proposal, match.source, match.target, by_ref)
        proposal.score, proposal.evidence = match.score, match.evidence
        proposal.weak = match.weak
        proposal.computed_at, proposal.is_current = now, True
        result.by_kind[kind] = result.by_kind.get(kind, 0) + 1
    changed: list[LinkProposal] = [p for p in existing if p.pk in produced]
    stale: list[int] = []
    for proposal in existing:
        if proposal.pk in produced or proposal.pk in dropped:
            continue
        if proposal.status == LinkStatus.PROPOSED:
            stale.append(proposal.pk)
            continue
        # A decision outlives its score: keep it, re-scored where both items still exist.
        items = found.get(proposal.pk)
        proposal.is_current = items is not None
        if items is not None:
            _point(proposal, *items, by_ref)
            fresh = scorer.score(*items)
            proposal.score, proposal.evidence = fresh.score, fresh.evidence
            proposal.computed_at = now
        changed.append(proposal)
    LinkProposal.objects.filter(pk__in=[*stale, *dropped]).delete()
    LinkProposal.objects.bulk_update(changed, FIELDS, batch_size=500)
    LinkProposal.objects.bulk_create(new, batch_size=500)
    result.new = len(new)
    result.removed = len(stale)
    result.kept_decisions = LinkProposal.objects.exclude(status=LinkStatus.PROPOSED).count()
    result.proposals = LinkProposal.objects.filter(is_current=True).count()


def _find(reference: str, key: str, title: str, by_ref: dict[str, PlanItems]) -> Item | None:
    """The current item a stored reference stands for: by key, else by the same title."""
    items = by_ref.get(reference)
    if items is None:
        return None
    wanted = f"{items.ref}#{key}"
    candidates = [*items.actions, *items.goals]
    for item in candidates:
        if item.ref == wanted:
            if _same_title(item.title, title):
                return item
            break
    # The key moved (a parser that numbers measures differently): follow the title.
    for item in candidates:
        if _same_title(item.title, title):
            return item
    for item in candidates:
        if item.ref == wanted:
            return item
    return None


def _same_title(a: str, b: str) -> bool:
    return " ".join(fold(a).split())[:120] == " ".join(fold(b).split())[:120]


def _point(proposal: LinkProposal, source: Item, target: Item, by_ref) -> None:
    """Write the items' current identity and rows into a proposal."""
    source_items, target_items = by_ref[source.group], by_ref[target.group]
    proposal.source_plan_ref, proposal.source_key = source_items.ref, source.key
    proposal.target_plan_ref, proposal.target_key = target_items.ref, target.key
    proposal.source_title, proposal.target_title = source.title, target.title
    proposal.source_kind = ItemKind.ACTION if source.kind == "action" else ItemKind.GOAL
    proposal.target_kind = ItemKind.ACTION if target.kind == "action" else ItemKind.GOAL
    proposal.source_plan, proposal.target_plan = source_items.plan, target_items.plan
    source_row = source_items.rows[source.ref]
    target_row = target_items.rows[target.ref]
    proposal.source_action = source_row if isinstance(source_row, Action) else None
    proposal.source_goal = None if isinstance(source_row, Action) else source_row
    proposal.target_action = target_row if isinstance(target_row, Action) else None
    proposal.target_goal = None if isinstance(target_row, Action) else target_row
