"""The policy note a progress report reports on: same policy field, a period that holds
the report's year."""

from __future__ import annotations

from beleidsmonitor.plans.models import Plan, PlanKind


def find_policy_note(report: Plan) -> Plan | None:
    """The one current policy note this report reports on, or None (none or ambiguous).

    Same policy field (case and spaces ignored) and the report's year within the note's
    period; without a report year, the same period. Ambiguous gives None on purpose:
    the caller asks rather than guessing between two notes.
    """
    candidates = policy_note_candidates(report)
    return candidates[0] if len(candidates) == 1 else None


def policy_note_candidates(report: Plan) -> list[Plan]:
    """Current policy notes this report could report on (see `find_policy_note`)."""
    field_name = _field_key(report.policy_field)
    if not field_name:
        return []
    notes = Plan.objects.filter(kind=PlanKind.POLICY_NOTE, is_current=True).exclude(pk=report.pk)
    found = []
    for note in notes.order_by("-period_start", "pk"):
        if _field_key(note.policy_field) != field_name:
            continue
        year = report.report_year
        if year is not None:
            if (
                note.period_start
                and note.period_end
                and note.period_start <= year <= note.period_end
            ):
                found.append(note)
        elif (note.period_start, note.period_end) == (report.period_start, report.period_end):
            found.append(note)
    return found


def _field_key(text: str) -> str:
    return " ".join((text or "").lower().split())
