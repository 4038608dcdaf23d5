"""The report as PDF: WeasyPrint lays out the same HTML, with the print rules in its CSS."""

from __future__ import annotations

from beleidsmonitor.reports.builders.annual import AnnualReport
from beleidsmonitor.reports.renderers.html import render_html


def render_pdf(report: AnnualReport) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only the PDF path needs.
    from weasyprint import HTML

    return HTML(string=render_html(report)).write_pdf()
