"""`match_report`: a report's objectives matched to a note's and stored as
`ObjectiveMatch` rows, keeping what a person decided, also on earlier versions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beleidsmonitor.plans.models import (
    DECIDED_MATCH_STATES,
    FigureCandidate,
    FigureStatus,
    Goal,
    MatchStatus,
    ObjectiveMatch,
    Plan,
)
from beleidsmonitor.plans.operations.match_report.errors import MatchError
from beleidsmonitor.plans.operations.match_report.overview import match_overview, plan_chain
from beleidsmonitor.plans.operations.match_report.pairing import GoalRef, pair_goals


@dataclass
class MatchResult:
    report: Plan
    note: Plan
    matched: list[ObjectiveMatch]
    unmatched_report: list[Goal]
    unmatched_note: list[Goal]
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return (
            f"plan {self.report.pk} '{self.report.title}' matched to plan {self.note.pk} "
            f"'{self.note.title}': {len(self.matched)} matched, "
            f"{len(self.unmatched_report)} of the report and {len(self.unmatched_note)} "
            f"of the note unmatched ({counts})"
        )


def match_report(report: Plan, note: Plan) -> MatchResult:
    """Store the matches of `report`'s objectives to `note`'s (idempotent; see the package)."""
    if report.pk == note.pk:
        raise MatchError(_("een plan kan niet op zichzelf rapporteren"))
    report_goals = list(report.goals.order_by("order"))
    note_goals = list(note.goals.order_by("order"))
    note_by_key = {g.key: g for g in note_goals}
    now = timezone.now()
    counts = {"new": 0, "updated": 0, "kept": 0, "inherited": 0}
    with transaction.atomic():
        existing = {
            m.report_goal_id: m
            for m in ObjectiveMatch.objects.select_for_update().filter(
                report_goal__plan=report, note_plan=note
            )
        }
        inherited = _earlier_decisions(report, note)
        decided: dict[int, ObjectiveMatch] = {}
        for goal in report_goals:
            match = existing.get(goal.pk)
            if match is not None and match.status in DECIDED_MATCH_STATES:
                decided[goal.pk] = match
                counts["kept"] += 1
            elif goal.key in inherited and _still_there(inherited[goal.key], note_by_key):
                decided[goal.pk] = _inherit(
                    match, goal, note, note_by_key, inherited[goal.key], now
                )
                counts["inherited"] += 1
        taken_note = {
            m.note_goal.key
            for m in decided.values()
            if m.note_goal_id and m.status != MatchStatus.REJECTED
        }
        pairings = pair_goals(
            (_ref(g) for g in report_goals),
            (_ref(g) for g in note_goals),
            taken_report={g.key for g in report_goals if g.pk in decided},
            taken_note=taken_note,
        )
        by_key = {g.key: g for g in report_goals}
        for pairing in pairings:
            goal = by_key[pairing.report_key]
            fields = {
                "note_goal": note_by_key.get(pairing.note_key) if pairing.note_key else None,
                "score": pairing.score,
                "method": pairing.method,
                "evidence": pairing.evidence,
                "status": MatchStatus.PROPOSED,
                "decided_by": None,
                "decided_at": None,
                "computed_at": now,
            }
            match = existing.get(goal.pk)
            if match is None:
                ObjectiveMatch.objects.create(report_goal=goal, note_plan=note, **fields)
                counts["new"] += 1
            else:
                for name, value in fields.items():
                    setattr(match, name, value)
                match.save()
                counts["updated"] += 1
        repoint_figures(report, note)
    overview = match_overview(report, note)
    return MatchResult(report, note, *overview, counts=counts)


def _ref(goal: Goal) -> GoalRef:
    return GoalRef(goal.key, goal.level, goal.number, goal.title)


def _earlier_decisions(report: Plan, note: Plan) -> dict[str, ObjectiveMatch]:
    """Decisions made on earlier versions of the report or the note, by report goal key.

    A re-import is a new plan row with new goal rows; a person's decision is about the
    objectives, not the rows, so it carries over by key. The newest decision wins.
    """
    report_chain = [p.pk for p in plan_chain(report)]
    note_chain = [p.pk for p in plan_chain(note)]
    earlier = (
        ObjectiveMatch.objects.filter(
            report_goal__plan_id__in=report_chain,
            note_plan_id__in=note_chain,
            status__in=DECIDED_MATCH_STATES,
        )
        .exclude(report_goal__plan=report, note_plan=note)
        .select_related("report_goal", "note_goal", "decided_by")
        .order_by("-decided_at", "-pk")
    )
    found: dict[str, ObjectiveMatch] = {}
    for match in earlier:
        found.setdefault(match.report_goal.key, match)
    return found


def _still_there(earlier: ObjectiveMatch, note_by_key: dict[str, Goal]) -> bool:
    """An earlier decision applies while its note objective is in this version of the
    note; one about an objective the note no longer has is left to a new proposal."""
    return earlier.note_goal_id is None or earlier.note_goal.key in note_by_key


def _inherit(
    match: ObjectiveMatch | None,
    goal: Goal,
    note: Plan,
    note_by_key: dict[str, Goal],
    earlier: ObjectiveMatch,
    now,
) -> ObjectiveMatch:
    note_goal = note_by_key.get(earlier.note_goal.key) if earlier.note_goal_id else None
    fields = {
        "note_goal": note_goal,
        "score": earlier.score,
        "method": earlier.method,
        "evidence": {**earlier.evidence, "inherited_from": earlier.pk},
        "status": earlier.status,
        "decided_by": earlier.decided_by,
        "decided_at": earlier.decided_at,
        "computed_at": now,
    }
    if match is None:
        return ObjectiveMatch.objects.create(report_goal=goal, note_plan=note, **fields)
    for name, value in fields.items():
        setattr(match, name, value)
    match.save()
    return match


def repoint_figures(report: Plan, note: Plan) -> None:
    """Open figure candidates follow their report goal's current match to `note`."""
    links = {
        m.report_goal_id: (m.note_goal_id if m.is_link else None)
        for m in ObjectiveMatch.objects.filter(report_goal__plan=report, note_plan=note)
    }
    open_figures = FigureCandidate.objects.filter(
        report_goal__plan=report, status=FigureStatus.PROPOSED
    )
    for figure in open_figures:
        target = links.get(figure.report_goal_id)
        if figure.note_goal_id != target:
            figure.note_goal_id = target
            figure.save(update_fields=["note_goal"])
