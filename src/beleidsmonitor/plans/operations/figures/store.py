"""A report's figures kept as `FigureCandidate` rows, decisions on earlier versions kept."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from beleidsmonitor.plans.models import FigureCandidate, FigureStatus, ObjectiveMatch, Plan
from beleidsmonitor.plans.operations.figures.extract import extract_figures
from beleidsmonitor.plans.operations.figures.source_line import find_line


def store_figures(report: Plan) -> dict[str, int]:
    """Store the figures of every objective of `report` as candidates.

    Idempotent: a candidate is known by its goal and place in the goal's text; a run
    again updates open candidates and keeps accepted and rejected ones as decided.
    """
    counts = {"new": 0, "updated": 0, "kept": 0, "removed": 0, "inherited": 0}
    links = _links(report)
    earlier = _earlier_decisions(report)
    with transaction.atomic():
        for goal in report.goals.order_by("order"):
            existing = {f.position: f for f in goal.figure_candidates.all()}
            found = extract_figures(goal.text, report.report_year)
            for figure in found:
                fields = {
                    "note_goal_id": links.get(goal.pk),
                    "snippet": figure.sentence,
                    "value": figure.value,
                    "kind": figure.kind,
                    "unit": figure.unit[:120],
                    "qualifier": figure.qualifier,
                    "year": figure.year,
                    "year_source": figure.year_source,
                    "baseline": figure.baseline,
                    "source_line": find_line(report.source_text, goal, figure),
                }
                candidate = existing.get(figure.start)
                if candidate is None:
                    decided = earlier.get((goal.key, figure.start, figure.value))
                    if decided is not None:
                        fields.update(
                            status=decided.status,
                            indicator=decided.indicator,
                            decided_by=decided.decided_by,
                            decided_at=decided.decided_at,
                        )
                        counts["inherited"] += 1
                    FigureCandidate.objects.create(
                        report_goal=goal, position=figure.start, **fields
                    )
                    counts["new"] += 1
                elif candidate.status != FigureStatus.PROPOSED:
                    counts["kept"] += 1
                else:
                    for name, value in fields.items():
                        setattr(candidate, name, value)
                    candidate.save()
                    counts["updated"] += 1
            positions = {f.start for f in found}
            stale = [
                f.pk
                for p, f in existing.items()
                if p not in positions and f.status == FigureStatus.PROPOSED
            ]
            counts["removed"] += FigureCandidate.objects.filter(pk__in=stale).delete()[0]
    return counts


def _earlier_decisions(report: Plan) -> dict[tuple[str, int, Decimal], FigureCandidate]:
    """Decided candidates of the versions this report replaces, by goal key, place and
    value: a re-import makes new goal rows, but the same figure in the same text was
    decided on already."""
    chain, current, seen = [], report.replaces, {report.pk}
    while current is not None and current.pk not in seen:
        chain.append(current.pk)
        seen.add(current.pk)
        current = current.replaces
    if not chain:
        return {}
    found: dict[tuple[str, int, Decimal], FigureCandidate] = {}
    decided = (
        FigureCandidate.objects.filter(report_goal__plan_id__in=chain)
        .exclude(status=FigureStatus.PROPOSED)
        .select_related("report_goal", "indicator", "decided_by")
        .order_by("-decided_at", "-pk")
    )
    for figure in decided:
        found.setdefault((figure.report_goal.key, figure.position, figure.value), figure)
    return found


def _links(report: Plan) -> dict[int, int]:
    """Report goal id -> note goal id of its linking match (the latest computed)."""
    links: dict[int, int] = {}
    matches = ObjectiveMatch.objects.filter(report_goal__plan=report).order_by("computed_at", "pk")
    for match in matches:
        if match.is_link:
            links[match.report_goal_id] = match.note_goal_id
    return links
