"""A plan with its monitoring data as an Excel workbook, one sheet per kind of row."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from beleidsmonitor.plans.models import Indicator, Plan
from beleidsmonitor.reports.exports import (
    actions_with_responsible,
    in_site_language,
    updates_for,
)


@in_site_language
def export_xlsx(plan: Plan, *, user=None, published_only: bool = True) -> bytes:
    workbook = Workbook()
    goals_sheet = workbook.active
    goals_sheet.title = "Doelstellingen"
    _rows(
        goals_sheet,
        ["code", "niveau", "nummer", "titel", "hoort bij", "tekst"],
        [
            [g.key, g.level, g.number, g.title, g.parent.key if g.parent else "", g.text]
            for g in plan.goals.select_related("parent")
        ],
    )
    actions = list(actions_with_responsible(plan))
    _rows(
        workbook.create_sheet("Acties"),
        [
            "code",
            "nummer",
            "titel",
            "doelstelling",
            "verantwoordelijk",
            "tijdspad",
            "start",
            "einde",
            "geraamd budget (euro)",
            "beschrijving",
        ],
        [
            [
                a.key,
                a.number,
                a.title,
                a.goal.key if a.goal else "",
                ", ".join(link.actor.name for link in a.responsible_links),
                a.timeline_text,
                a.start_date,
                a.end_date,
                _xlsx_number(a.budget_amount),
                a.description,
            ]
            for a in actions
        ],
    )
    indicators = Indicator.objects.filter(action__plan=plan).select_related("action")
    goal_indicators = Indicator.objects.filter(goal__plan=plan).select_related("goal")
    _rows(
        workbook.create_sheet("Indicatoren"),
        [
            "actie",
            "doelstelling",
            "indicator",
            "soort",
            "eenheid",
            "nulmeting",
            "streefwaarde",
            "streefwaarde (getal)",
            "streefdatum",
        ],
        [
            [
                i.action.key if i.action_id else "",
                i.goal.key if i.goal_id else "",
                i.text,
                i.get_kind_display(),
                i.unit,
                _xlsx_number(i.baseline),
                i.target,
                _xlsx_number(i.target_value),
                i.target_date,
            ]
            for i in [*indicators, *goal_indicators]
        ],
    )
    updates = list(updates_for(plan, user=user, published_only=published_only))
    _rows(
        workbook.create_sheet("Rapporteringen"),
        [
            "ronde",
            "actie",
            "status",
            "voortgang (%)",
            "besteed budget (euro)",
            "toelichting",
            "bewijsstukken",
            "workflow",
            "laatst gewijzigd",
            "gepubliceerd op",
        ],
        [
            [
                u.round.name,
                u.action.key,
                u.status,
                u.progress,
                _xlsx_number(u.budget_spent),
                u.narrative,
                "\n".join(u.evidence_links or []),
                u.get_state_display(),
                _naive(u.updated_at),
                _naive(u.published_at),
            ]
            for u in updates
        ],
    )
    _rows(
        workbook.create_sheet("Indicatorwaarden"),
        [
            "ronde",
            "actie",
            "indicator",
            "begin periode",
            "einde periode",
            "nulmeting",
            "streefwaarde",
            "waarde",
            "toelichting",
            "realisatie (%)",
        ],
        [
            [
                u.round.name,
                u.action.key,
                v.indicator.text,
                v.period_start,
                v.period_end,
                _xlsx_number(v.baseline),
                _xlsx_number(v.target),
                _xlsx_number(v.value),
                v.text,
                None if v.attainment is None else round(float(v.attainment) * 100, 1),
            ]
            for u in updates
            for v in u.indicator_values.all()
        ],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rows(sheet, header: list[str], rows: list[list]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    sheet.freeze_panes = "A2"
    for column, title in zip(sheet.columns, header, strict=False):
        width = max([len(title), *(len(str(c.value or "")) for c in column)])
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)


def _cell(value):
    # openpyxl refuses control characters that XML cannot hold; text from PDFs may have them.
    if isinstance(value, str):
        return "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
    return value


def _naive(value):
    # Excel has no time zones: write local time without one.
    if value is None:
        return None
    from django.utils import timezone

    return timezone.localtime(value).replace(tzinfo=None)


def _xlsx_number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None
