"""Report data (`reports.builders`) to files: `html`, `pdf` (WeasyPrint renders the
HTML) and `docx` (python-docx with Word's own Heading styles).

A report is laid out in the language it was built in (`AnnualReport.language`), so its
labels match the titles and statuses the builder already wrote.
"""

from __future__ import annotations

from decimal import Decimal

from django.template.defaultfilters import floatformat
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


def number(value: float | int | Decimal, decimals: int = -1) -> str:
    """A number as the active language writes it, through Django's localisation
    (`floatformat`): 41,7 in a Dutch report, 41.7 in an English one. `decimals` as
    floatformat's argument: -1 gives one decimal only when the number is not whole."""
    return str(floatformat(value, decimals))


def percent(value: float | int | None, decimals: int = 0) -> str:
    """A percentage as the report writes them all, without a space: 57%, 41,7% (41.7%
    in English); "" for None."""
    return "" if value is None else f"{number(value, decimals)}%"
