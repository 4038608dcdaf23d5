"""The report as a Word document whose headings use Word's own Heading 1/2/3 styles,
so it can be pasted into a beleids- en begrotingstoelichting and keep its outline."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from beleidsmonitor.reports import charts
from beleidsmonitor.reports.builders.annual import ActionBlock, ActionEntry, AnnualReport
from beleidsmonitor.reports.renderers import euro, percent

# Word's document properties (title, subject, ...) hold at most 255 characters;
# python-docx refuses longer ones.
CORE_PROPERTY_LIMIT = 255


def core_property(text: str) -> str:
    """`text` fit for a document property: cut short with an ellipsis when too long
    (an actor's name can be a whole sentence). The body keeps the full text."""
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1].rstrip() + "…"


def render_docx(report: AnnualReport) -> bytes:
    document = Document()
    document.core_properties.title = core_property(report.title)
    document.styles["Normal"].font.size = Pt(10.5)

    document.add_heading(report.title, level=0)  # the "Title" style
    document.add_paragraph(report.subtitle)
    document.add_paragraph(
        _("Rapporteringsronde: %(round)s (%(period)s)")
        % {"round": report.round_name, "period": report.round_period}
    )
    document.add_paragraph(
        _("Opgemaakt op %(when)s") % {"when": f"{report.generated_at:%d-%m-%Y %H:%M}"}
    )
    if report.published_only:
        document.add_paragraph(_("Alleen gepubliceerde rapporteringen."))
    if report.licences:
        document.add_paragraph(
            _("Licentie: %(licences)s") % {"licences": ", ".join(report.licences)}
        )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    _summary(document, report)
    for block in report.blocks:
        if isinstance(block, ActionBlock):
            _action(document, block.level, block.action)
        else:
            document.add_heading(block.text, level=block.level)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _summary(document, report: AnnualReport) -> None:
    unknown = _("onbekend")
    document.add_heading(_("Samenvatting"), level=1)
    document.add_paragraph(
        _(
            "%(actions)s acties, waarvan %(reported)s met een status in deze ronde. "
            "Gemiddelde voortgang: %(progress)s."
        )
        % {
            "actions": len(report.actions),
            "reported": report.reported_count,
            "progress": percent(report.average_progress) or unknown,
        }
    )
    document.add_paragraph(
        _("Geraamd budget: %(planned)s; besteed: %(spent)s.")
        % {
            "planned": euro(report.budget_planned) or unknown,
            "spent": euro(report.budget_spent) or unknown,
        }
    )
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = _("Status")
    table.rows[0].cells[1].text = _("Acties")
    for status, count in report.status_label_counts:
        cells = table.add_row().cells
        cells[0].text = status
        cells[1].text = str(count)
    document.add_paragraph()
    document.add_picture(io.BytesIO(charts.status_chart_png(report.status_counts)), width=Cm(15))
    progress = report.progress_by_section()
    if any(value is not None for _label, value in progress):
        document.add_picture(io.BytesIO(charts.progress_chart_png(progress)), width=Cm(15))


def _action(document, level: int, action: ActionEntry) -> None:
    document.add_heading(action.heading, level=level)
    facts = [
        (_("Status"), action.status_text),
        (_("Voortgang"), percent(action.progress)),
        (_("Verantwoordelijk"), ", ".join(action.responsible)),
        (_("Geraamd budget"), euro(action.budget_planned)),
        (_("Besteed budget"), euro(action.budget_spent)),
    ]
    paragraph = document.add_paragraph()
    for index, (label, value) in enumerate(f for f in facts if f[1]):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    if action.narrative:
        for part in action.narrative.split("\n\n"):
            document.add_paragraph(part.strip())
    if action.indicators:
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells,
            [_("Indicator"), _("Nulmeting"), _("Streefwaarde"), _("Waarde"), _("Realisatie")],
            strict=True,
        ):
            cell.text = text
        for row in action.indicators:
            values = [row.text, row.baseline, row.target, row.value, row.attainment_label]
            for cell, text in zip(table.add_row().cells, values, strict=True):
                cell.text = text
