"""Reading stored matches: a report's pairs and what is unmatched, and what the reports
said about a note objective per year."""

from __future__ import annotations

from dataclasses import dataclass

from beleidsmonitor.plans.models import LINKING_MATCH_STATES, Goal, ObjectiveMatch, Plan


def plan_chain(plan: Plan) -> list[Plan]:
    """The plan and the earlier versions it replaces, newest first."""
    chain, seen, current = [], set(), plan
    while current is not None and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.replaces
    return chain


def match_overview(report: Plan, note: Plan) -> tuple[list[ObjectiveMatch], list[Goal], list[Goal]]:
    """(matches that link, report goals without one, note goals no report goal links to)."""
    matches = list(
        ObjectiveMatch.objects.filter(report_goal__plan=report, note_plan=note)
        .select_related("report_goal", "note_goal", "decided_by")
        .order_by("report_goal__order")
    )
    linked = [m for m in matches if m.is_link]
    linked_report = {m.report_goal_id for m in linked}
    linked_note = {m.note_goal_id for m in linked}
    unmatched_report = [g for g in report.goals.order_by("order") if g.pk not in linked_report]
    unmatched_note = [g for g in note.goals.order_by("order") if g.pk not in linked_note]
    return linked, unmatched_report, unmatched_note


def matched_note(report: Plan) -> Plan | None:
    """The note this report was last matched to, if any."""
    match = (
        ObjectiveMatch.objects.filter(report_goal__plan=report)
        .select_related("note_plan")
        .order_by("-computed_at", "-pk")
        .first()
    )
    return match.note_plan if match else None


@dataclass
class ReportedEntry:
    year: int | None
    report: Plan
    report_goal: Goal
    match: ObjectiveMatch


def reported_per_year(note_goal: Goal) -> list[ReportedEntry]:
    """What current progress reports wrote for this note objective, oldest year first.

    A report matched to an earlier version of the note counts too (same objective key):
    re-importing the note must not hide what was reported before.
    """
    chain = [p.pk for p in plan_chain(note_goal.plan)]
    matches = (
        ObjectiveMatch.objects.filter(
            note_plan_id__in=chain,
            note_goal__key=note_goal.key,
            status__in=LINKING_MATCH_STATES,
            report_goal__plan__is_current=True,
        )
        .select_related("report_goal", "report_goal__plan", "note_goal", "note_plan")
        .order_by("-note_plan__version")
    )
    seen: set[int] = set()
    entries = []
    for match in matches:
        if match.report_goal_id in seen:
            continue
        seen.add(match.report_goal_id)
        plan = match.report_goal.plan
        entries.append(ReportedEntry(plan.report_year, plan, match.report_goal, match))
    entries.sort(key=lambda e: (e.year is None, e.year or 0, e.report.pk, e.report_goal.order))
    return entries
