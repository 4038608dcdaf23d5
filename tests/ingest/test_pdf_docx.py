"""PDF and DOCX go through the same pipeline as text and give the same plan.

The documents are generated here from the demo plan's own text, so nothing from the
corpus is copied and the expected result is the parse of the plain text.
"""

from __future__ import annotations

import io

import docx
import pytest
from fpdf import FPDF

from beleidsmonitor.cli import DEMO_DOCUMENT
from beleidsmonitor.ingest import parse_bytes

# The PDF core fonts are Latin-1: the one character of the demo outside it is the bullet.
DEMO_TEXT = DEMO_DOCUMENT.read_text(encoding="utf-8").replace("•", "-")
FIELD_LABELS = ("Verantwoordelijke minister(s)", "In samenwerking met", "Tijdspad", "Indicator(en)")


def essentials(plan: dict) -> dict:
    return {
        "goals": [(g["id"], g["parent"], g["title"]) for g in plan["goals"]],
        "actions": [
            (
                a["id"],
                a["goal"],
                a["title"],
                a["responsible"],
                a["cooperating"],
                a["timeline"],
                [i["text"] for i in a["indicators"]],
                a["objectives"],
            )
            for a in plan["actions"]
        ],
    }


@pytest.fixture(scope="module")
def expected() -> dict:
    return essentials(parse_bytes(DEMO_TEXT.encode(), "demo.txt"))


def make_pdf(text: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.splitlines():
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_docx(text: str, *, fields_as_table: bool) -> bytes:
    """Paragraph per line; with `fields_as_table`, each action's fields as a 2-column table."""
    document = docx.Document()
    table = None
    for line in text.splitlines():
        label = next((lab for lab in FIELD_LABELS if line.startswith(lab)), None)
        if fields_as_table and label:
            if table is None:
                table = document.add_table(rows=0, cols=2)
            row = table.add_row().cells
            row[0].text = label
            row[1].text = line[len(label) :].strip()
        elif (
            fields_as_table
            and table is not None
            and line.strip()
            and not line.startswith(("Actie", "2."))
        ):
            table.rows[-1].cells[1].add_paragraph(line.strip())
        else:
            if line.startswith(("Actie", "2.")):
                table = None
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_demo_text_parses_into_two_levels_and_ten_actions(expected):
    assert len(expected["actions"]) == 10
    assert {g[0][:2] for g in expected["goals"]} == {"HD", "OD"}


def test_pdf_gives_the_same_plan_as_the_text(expected):
    data = make_pdf(DEMO_TEXT)
    assert data.startswith(b"%PDF")
    assert essentials(parse_bytes(data, "demo.pdf")) == expected


def test_docx_paragraphs_give_the_same_plan_as_the_text(expected):
    plan = parse_bytes(make_docx(DEMO_TEXT, fields_as_table=False), "demo.docx")
    assert essentials(plan) == expected


def test_docx_with_field_tables_gives_the_same_plan_as_the_text(expected):
    plan = parse_bytes(make_docx(DEMO_TEXT, fields_as_table=True), "demo.docx")
    assert essentials(plan) == expected
