"""Report data (`reports.builders`) to files: `html`, `pdf` (WeasyPrint renders the
HTML) and `docx` (python-docx with Word's own Heading styles).

A report is laid out in the language it was built in (`AnnualReport.language`), so its
labels match the titles and statuses the builder already wrote.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

FORMATS = ("html", "pdf", "docx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(report, fmt: str) -> bytes:
    """The report in one of FORMATS, as the bytes of a file."""
    with translation.override(getattr(report, "language", None) or translation.get_language()):
        return _render(report, fmt)


def _render(report, fmt: str) -> bytes:
    if fmt == "html":
        from beleidsmonitor.reports.renderers.html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "pdf":
        from beleidsmonitor.reports.renderers.pdf import render_pdf

        return render_pdf(report)
    if fmt == "docx":
        from beleidsmonitor.reports.renderers.docx import render_docx

        return render_docx(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def euro(amount: Decimal | None) -> str:
    """An amount as Flemish readers write it: € 1.200.000,50 (cents only when there are).

    In an English report as English readers do: €1,200,000.50.
    """
    if amount is None:
        return ""
    if (translation.get_language() or "").startswith("en"):
        return "€" + f"{amount:,.2f}".removesuffix(".00")
    whole = f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return "€ " + whole.removesuffix(",00")


def percent(value: float | int | None) -> str:
    return "" if value is None else f"{value:.0f}%"
