"""The annual report of the demo plan in HTML, PDF and DOCX, and per actor."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from docx import Document

from beleidsmonitor.reports.builders.annual import (
    NOT_REPORTED,
    ActionBlock,
    Heading,
    build_actor_report,
    build_plan_report,
)
from beleidsmonitor.reports.renderers import euro, render
from tests.reports.scenario import (
    APPROVED_NARRATIVE,
    DRAFT_NARRATIVE,
    PUBLISHED_NARRATIVE,
    build_scenario,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    return build_scenario()


def test_plan_report_data_counts_statuses_and_orders_goals_before_their_actions(scenario):
    report = build_plan_report(scenario.plan, scenario.round)
    counts = dict(report.status_counts)
    assert counts["gerealiseerd"] == 1
    assert counts["lopend - op schema"] == 1
    assert counts["lopend - vertraagd"] == 1
    assert counts[NOT_REPORTED] == scenario.plan.actions.count() - 3
    assert report.reported_count == 3
    first_heading = next(b for b in report.blocks if isinstance(b, Heading))
    first_action = next(b for b in report.blocks if isinstance(b, ActionBlock))
    assert first_heading.level == 1
    assert report.blocks.index(first_heading) < report.blocks.index(first_action)
    assert first_action.action.narrative == PUBLISHED_NARRATIVE
    assert report.budget_spent == scenario.published.budget_spent


def test_published_only_report_leaves_out_what_is_in_review(scenario):
    report = build_plan_report(scenario.plan, scenario.round, published_only=True)
    narratives = [a.narrative for a in report.actions]
    assert PUBLISHED_NARRATIVE in narratives
    assert APPROVED_NARRATIVE not in narratives and DRAFT_NARRATIVE not in narratives
    assert report.reported_count == 1


def test_indicator_rows_carry_value_and_attainment(scenario):
    report = build_plan_report(scenario.plan, scenario.round)
    published = next(a for a in report.actions if a.narrative == PUBLISHED_NARRATIVE)
    assert published.indicators, "the demo's first action has indicators"
    assert all(row.value for row in published.indicators)


def test_html_report_has_title_summary_chart_and_actions(scenario):
    html = render(build_plan_report(scenario.plan, scenario.round), "html").decode()
    assert scenario.plan.title in html
    assert "Samenvatting" in html
    assert "<svg" in html and "Acties per status" in html
    assert PUBLISHED_NARRATIVE in html
    assert euro(scenario.published.budget_spent) in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


def test_pdf_report_text_has_headings_statuses_and_narrative(scenario):
    pdf = render(build_plan_report(scenario.plan, scenario.round), "pdf")
    assert pdf.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 3  # title page, summary, goals and actions
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    flat = " ".join(text.split())
    assert "Samenvatting" in flat
    assert "Acties per status" in flat  # the SVG chart's title, drawn into the PDF
    assert "gerealiseerd" in flat
    assert " ".join(PUBLISHED_NARRATIVE.split()[:5]) in flat
    assert "Rapportering 2025" in flat


def test_docx_report_uses_word_heading_styles(scenario):
    content = render(build_plan_report(scenario.plan, scenario.round), "docx")
    document = Document(io.BytesIO(content))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    styles = {style for style, _ in headings}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= styles
    assert ("Heading 1", "Samenvatting") in headings
    action_headings = [text for style, text in headings if style == "Heading 3"]
    assert len(action_headings) == scenario.plan.actions.count()
    body = "\n".join(p.text for p in document.paragraphs)
    assert PUBLISHED_NARRATIVE in body
    tables = document.tables
    assert tables[0].rows[0].cells[0].text == "Status"
    assert any(t.rows[0].cells[0].text == "Indicator" for t in tables[1:])
    # the two summary charts, as pictures Word shows
    assert len(document.inline_shapes) == 2


def test_actor_report_holds_only_that_actors_actions(scenario):
    from beleidsmonitor.plans.models import ActionActor, ActorRole

    link = (
        ActionActor.objects.filter(action=scenario.published.action, role=ActorRole.RESPONSIBLE)
        .select_related("actor")
        .first()
    )
    report = build_actor_report(link.actor, scenario.round)
    own = set(ActionActor.objects.filter(actor=link.actor).values_list("action__key", flat=True))
    assert {a.key for a in report.actions} <= own
    assert scenario.published.action.key in {a.key for a in report.actions}
    assert isinstance(report.blocks[0], Heading) and report.blocks[0].text == scenario.plan.title
    document = Document(io.BytesIO(render(report, "docx")))
    assert any(p.style.name == "Heading 3" for p in document.paragraphs)


def test_unknown_format_is_refused(scenario):
    with pytest.raises(ValueError, match="unknown report format"):
        render(build_plan_report(scenario.plan, scenario.round), "odt")
