"""The progress report layout (`voortgangsrapport`): a beleids- en begrotingstoelichting
reports per SD and OD what was realised in one year, with budget chapters, a list of
abbreviations and an annex listing the initiatives carried out.

It is read like the policy note it reports on (`read_goal_document`):

- its objectives are those of the policy note, headed the same way; the report writes
  some of them up twice, once per budget entity (`ISE`): `read_goals` joins both passages
  into one goal, as both are what was realised for it;
- the budget sections (`Budgettair kader voor het begrotingsjaar`) and the budget tables
  of the summary are not goal text: they are left out, with a warning per section;
- the annex `Overzicht beleids- en regelgevingsinitiatieven` repeats the SD headings to
  group its items; those headings are no new goals, and the items become actions of the
  kind their annex section names (`beleidsinitiatief`, `onderzoeksinitiatief`,
  `regelgevingsinitiatief`).

The report covers one year (`report_year`) of a government term (`period_start`/`_end`).
"""

from __future__ import annotations

import re

from beleidsmonitor.ingest.metadata import (
    guess_field_name,
    guess_policy_field,
    guess_report_year,
    guess_term,
)
from beleidsmonitor.ingest.policynote import read_goal_document
from beleidsmonitor.ingest.records import Line, ParsedPlan

BBT_NAME = re.compile(r"\bbeleids-\s*en\s+begrotingstoelichting\b", re.I)


def parse_progress_report(lines: list[Line]) -> ParsedPlan:
    plan = ParsedPlan(kind="voortgangsrapport")
    plan.period_start, plan.period_end = guess_term(lines)
    plan.report_year = guess_report_year(lines)
    plan.policy_field = guess_field_name(lines) or guess_policy_field(lines)
    plan.title = progress_report_title(lines, plan)
    read_goal_document(lines, plan, initiative_kind="beleidsinitiatief")
    return plan


def progress_report_title(lines: list[Line], plan: ParsedPlan) -> str:
    """`Beleids- en begrotingstoelichting <policy field> <year>` when the document names
    itself a beleids- en begrotingstoelichting (its list of abbreviations spells out BBT),
    else `Voortgangsrapport <policy field> <year>`."""
    text = " ".join(line.text for line in lines)
    parts = ["Beleids- en begrotingstoelichting" if BBT_NAME.search(text) else "Voortgangsrapport"]
    if plan.policy_field:
        parts.append(plan.policy_field)
    if plan.report_year:
        parts.append(str(plan.report_year))
    elif plan.period_start and plan.period_end:
        parts.append(f"{plan.period_start}-{plan.period_end}")
    return " ".join(parts)
