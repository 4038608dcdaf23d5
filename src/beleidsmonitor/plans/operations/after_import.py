"""What follows the import of a plan, for the CLI and the web import to call alike.

- a progress report: its figures become candidate indicator values, and when
  `find_policy_note` finds the one note it reports on, its objectives are matched to
  the note's (decisions made earlier are kept);
- a policy note: progress reports imported before it that report on it are matched now.

Everything here is idempotent, so calling it after an import that changed nothing is
harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from beleidsmonitor.plans.models import Plan, PlanKind
from beleidsmonitor.plans.operations.figures import store_figures
from beleidsmonitor.plans.operations.match_report import (
    MatchResult,
    find_policy_note,
    match_report,
    policy_note_candidates,
)


@dataclass
class AfterImport:
    plan: Plan
    matches: list[MatchResult] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)
    # Set when the note a report belongs to must be chosen by a person.
    note_candidates: list[Plan] = field(default_factory=list)

    def summary(self) -> str:
        lines = [m.summary() for m in self.matches]
        if self.figures:
            lines.append(f"figure candidates: {self.figures.get('new', 0)} new")
        if self.plan.kind == PlanKind.PROGRESS_REPORT and not self.matches:
            if self.note_candidates:
                numbers = ", ".join(str(p.pk) for p in self.note_candidates)
                lines.append(
                    f"more than one policy note fits (plans {numbers}): "
                    f"run 'beleidsmonitor match {self.plan.pk} --note NOTE'"
                )
            else:
                lines.append(
                    "no policy note of the same policy field and period is stored: "
                    f"import it, or run 'beleidsmonitor match {self.plan.pk} --note NOTE'"
                )
        return "\n".join(lines)


def after_import(plan: Plan) -> AfterImport:
    result = AfterImport(plan)
    if plan.kind == PlanKind.PROGRESS_REPORT:
        note = find_policy_note(plan)
        if note is not None:
            result.matches.append(match_report(plan, note))
        else:
            result.note_candidates = policy_note_candidates(plan)
        # after matching, so each candidate is linked to the note objective at once
        result.figures = store_figures(plan)
    elif plan.kind == PlanKind.POLICY_NOTE:
        reports = Plan.objects.filter(kind=PlanKind.PROGRESS_REPORT, is_current=True)
        for report in reports.order_by("report_year", "pk"):
            if find_policy_note(report) == plan:
                result.matches.append(match_report(report, plan))
                store_figures(report)
    return result


def on_plan_imported(sender, plan: Plan, **kwargs) -> None:
    """`after_import` as a receiver of `plans.signals.plan_imported`, for whoever wires
    it (`plan_imported.connect(on_plan_imported)`); it runs inside the import's
    transaction, so a failure here rolls the import back."""
    after_import(plan)
