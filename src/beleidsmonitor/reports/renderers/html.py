"""The report as one self-contained HTML page (styles inline, charts as inline SVG)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from beleidsmonitor.reports import charts
from beleidsmonitor.reports.builders.annual import ActionBlock, AnnualReport
from beleidsmonitor.reports.renderers import euro, percent


def context(report: AnnualReport) -> dict:
    blocks = []
    for block in report.blocks:
        if isinstance(block, ActionBlock):
            action = block.action
            blocks.append(
                {
                    "kind": "action",
                    "level": block.level,
                    "action": action,
                    "budget_planned": euro(action.budget_planned),
                    "budget_spent": euro(action.budget_spent),
                    "progress": percent(action.progress),
                }
            )
        else:
            blocks.append({"kind": "heading", "level": block.level, "text": block.text})
    progress_rows = report.progress_by_section()
    return {
        "report": report,
        "blocks": blocks,
        # The SVG is built from escaped text in charts.py, so it is safe to embed.
        "status_chart": mark_safe(charts.status_chart(report.status_counts)),
        "progress_chart": (
            mark_safe(charts.progress_chart(progress_rows))
            if any(value is not None for _label, value in progress_rows)
            else ""
        ),
        "average_progress": percent(report.average_progress),
        "budget_planned": euro(report.budget_planned) or _("onbekend"),
        "budget_spent": euro(report.budget_spent) or _("onbekend"),
    }


def render_html(report: AnnualReport) -> str:
    return render_to_string("reports/annual.html", context(report))
