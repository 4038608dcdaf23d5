"""Scoring the stored link proposals against the hand-made gold set (`gold_pairs.py`).

Used by `bench/linking.py` (the figures) and by the corpus tests. A gold item names a
document by its prefix and an item by `Actie N`, a goal code (`HD 4`, `OD 4.1`) or the
start of a measure's statement; this module finds the current row it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q

from beleidsmonitor.linking.models import LinkProposal, LinkStatus, weak_candidates
from beleidsmonitor.linking.text import fold
from beleidsmonitor.plans.models import Action, Goal, Plan
from tests.linking.gold_pairs import LINKED, NOT_LINKED, GoldPair

ACTION_NUMBER = re.compile(r"^Actie\s+(\d+)$")
KEY = re.compile(r"^key:(.+)$")
SAME_PERIOD = {"000", "003"}  # the two 2025-2029 plans
GOAL_CODE = re.compile(r"^(HD|SD|OD)\s*([\d.]+)$")


def half(pair: GoldPair) -> int:
    """The fixed half of the gold set a pair belongs to: its index's parity in LINKED or
    NOT_LINKED. Half 0 is for tuning constants, half 1 for checking them."""
    for pairs in (LINKED, NOT_LINKED):
        for index, candidate in enumerate(pairs):
            if candidate is pair or candidate == pair:
                return index % 2
    raise KeyError(pair)


def relation(pair: GoldPair) -> str:
    """`overlap` between the two plans of 2025-2029, `lineage` across periods."""
    same = {pair.source_doc, pair.target_doc} <= SAME_PERIOD
    return "overlap" if same else "lineage"


class GoldItemMissing(LookupError):
    """A gold item that no current plan holds (a parser change, or a wrong gold entry)."""


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def current_plan(prefix: str) -> Plan:
    plan = Plan.objects.filter(is_current=True, source_file__startswith=f"{prefix}_").first()
    if plan is None:
        raise GoldItemMissing(f"no current plan from document {prefix}")
    return plan


def find_item(prefix: str, name: str) -> Action | Goal:
    plan = current_plan(prefix)
    number = ACTION_NUMBER.match(name)
    key = KEY.match(name)
    if key:
        found = plan.actions.filter(key=key.group(1)).first()
    elif number:
        found = plan.actions.filter(number=number.group(1)).first()
    elif GOAL_CODE.match(name):
        level, code = GOAL_CODE.match(name).groups()
        found = plan.goals.filter(key=f"{level}{code}").first()
    else:
        wanted = _plain(name)
        matches = [a for a in plan.actions.all() if _plain(a.title).startswith(wanted)]
        if len(matches) > 1:
            raise GoldItemMissing(f"{prefix} '{name}' names {len(matches)} measures")
        found = matches[0] if matches else None
    if found is None:
        raise GoldItemMissing(f"{prefix} '{name}' is not in plan {plan.pk}")
    return found


def _proposed(
    a: Action | Goal, b: Action | Goal, *, include_weak: bool = True
) -> LinkProposal | None:
    """The current, not rejected proposal between two items, in either direction; weak
    candidates only if `include_weak`."""

    def side(prefix: str, item) -> Q:
        field_name = "action" if isinstance(item, Action) else "goal"
        return Q(**{f"{prefix}_{field_name}": item})

    query = (side("source", a) & side("target", b)) | (side("source", b) & side("target", a))
    proposals = LinkProposal.objects.filter(query, is_current=True).exclude(
        status=LinkStatus.REJECTED
    )
    if not include_weak:
        proposals = proposals.exclude(weak_candidates())
    return proposals.first()


@dataclass
class GoldResult:
    true_positives: list[GoldPair] = field(default_factory=list)
    false_negatives: list[GoldPair] = field(default_factory=list)
    false_positives: list[tuple[GoldPair, float]] = field(default_factory=list)
    true_negatives: list[GoldPair] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / wanted if wanted else 0.0


def evaluate(*, include_weak: bool = True) -> GoldResult:
    """Precision and recall of the stored proposals on the gold pairs, with or without
    the weak candidates."""
    result = GoldResult()
    for pairs, linked in ((LINKED, True), (NOT_LINKED, False)):
        for pair in pairs:
            try:
                a = find_item(pair.source_doc, pair.source)
                b = find_item(pair.target_doc, pair.target)
            except GoldItemMissing as missing:
                result.missing.append(str(missing))
                if linked:
                    result.false_negatives.append(pair)
                continue
            proposal = _proposed(a, b, include_weak=include_weak)
            if linked:
                (result.true_positives if proposal else result.false_negatives).append(pair)
            elif proposal:
                result.false_positives.append((pair, proposal.score))
            else:
                result.true_negatives.append(pair)
    return result
