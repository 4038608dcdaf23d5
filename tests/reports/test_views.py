"""The download buttons: the reports page and its downloads follow the reader's rights."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document

from tests.reports.scenario import DRAFT_NARRATIVE, PUBLISHED_NARRATIVE, build_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    return build_scenario()


def test_reports_page_has_a_download_button_per_round_and_format(client, scenario):
    html = client.get("/rapporten/").content.decode()
    base = f"/rapporten/plan/{scenario.plan.pk}/ronde/{scenario.round.pk}/jaarrapport"
    for fmt in ("html", "pdf", "docx"):
        assert f'href="{base}.{fmt}"' in html
    for fmt in ("json", "csv", "xlsx"):
        assert f'href="/rapporten/plan/{scenario.plan.pk}/export.{fmt}"' in html
    assert "alleen gepubliceerde" in html


def test_report_downloads_in_every_format(client, scenario):
    client.force_login(scenario.admin)
    base = f"/rapporten/plan/{scenario.plan.pk}/ronde/{scenario.round.pk}/jaarrapport"
    pdf = client.get(f"{base}.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert 'attachment; filename="jaarrapport-' in pdf["Content-Disposition"]
    docx = client.get(f"{base}.docx")
    assert Document(io.BytesIO(docx.content)).paragraphs[0].style.name == "Title"
    html = client.get(f"{base}.html").content.decode()
    assert DRAFT_NARRATIVE in html  # logged in: everything


def test_anonymous_report_holds_published_updates_only(client, scenario):
    base = f"/rapporten/plan/{scenario.plan.pk}/ronde/{scenario.round.pk}/jaarrapport"
    html = client.get(f"{base}.html").content.decode()
    assert PUBLISHED_NARRATIVE in html and DRAFT_NARRATIVE not in html
    exported = json.loads(client.get(f"/rapporten/plan/{scenario.plan.pk}/export.json").content)
    assert [u["narrative"] for u in exported["monitoring"]["updates"]] == [PUBLISHED_NARRATIVE]


def test_actor_report_download(client, scenario):
    actor = scenario.published.action.actor_links.first().actor
    response = client.get(f"/rapporten/actor/{actor.pk}/ronde/{scenario.round.pk}/jaarrapport.docx")
    assert response.status_code == 200
    headings = [
        p.text
        for p in Document(io.BytesIO(response.content)).paragraphs
        if p.style.name == "Heading 1"
    ]
    assert scenario.plan.title in headings


def test_unknown_format_round_or_plan_is_404(client, scenario):
    base = f"/rapporten/plan/{scenario.plan.pk}/ronde/{scenario.round.pk}/jaarrapport"
    assert client.get(f"{base}.odt").status_code == 404
    assert (
        client.get(f"/rapporten/plan/{scenario.plan.pk}/ronde/9999/jaarrapport.pdf").status_code
        == 404
    )
    assert client.get("/rapporten/plan/9999/export.csv").status_code == 404
