"""Reports in English: the download pages follow the page language; the annual report
itself is an official Dutch document, made in Dutch unless `?taal=en` asks for its own
words (title page, headings, labels, statuses, charts) in English."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from django.utils import translation
from docx import Document
from PIL import ImageDraw

import beleidsmonitor.reports
from beleidsmonitor.reports.builders.annual import NOT_REPORTED, build_plan_report
from beleidsmonitor.reports.renderers import euro, render
from tests.monitoring.catalogue import problems
from tests.reports.scenario import PUBLISHED_NARRATIVE, build_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    return build_scenario()


def english(client):
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    return client


def _report_url(scenario, fmt: str) -> str:
    return f"/rapporten/plan/{scenario.plan.pk}/ronde/{scenario.round.pk}/jaarrapport.{fmt}"


def test_the_english_catalogue_is_complete_and_compiled():
    assert problems(beleidsmonitor.reports) == []


def test_the_reports_page_is_dutch_by_default(client, scenario):
    html = client.get("/rapporten/").content.decode()
    assert '<html lang="nl">' in html
    assert "Rapporten en exports" in html and "Jaarrapport per plan" in html
    assert "?taal=" not in html  # Dutch pages offer the Dutch report only


def test_the_reports_page_in_english_offers_both_versions(client, scenario):
    english(client)
    html = client.get("/rapporten/").content.decode()
    assert '<html lang="en">' in html
    assert "Reports and exports" in html and "Annual report per plan" in html
    assert "official Dutch-language document" in html
    assert f'href="{_report_url(scenario, "html")}"' in html  # the official one
    assert f'href="{_report_url(scenario, "pdf")}?taal=en"' in html
    assert "Rapporten en exports" not in html
    open_data = client.get("/rapporten/open-data/").content.decode()
    assert "free to download under the licence" in open_data
    assert "The files themselves are in Dutch" in open_data


def test_the_report_stays_dutch_on_an_english_page(client, scenario):
    english(client)
    html = client.get(_report_url(scenario, "html")).content.decode()
    assert '<html lang="nl">' in html
    assert "Samenvatting" in html and "Acties per status" in html and "gerealiseerd" in html
    assert "Summary" not in html


def test_the_report_in_english_on_request(client, scenario):
    response = client.get(_report_url(scenario, "html") + "?taal=en")
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert f"Annual report {scenario.plan.title}" in html
    assert "Summary" in html and "Actions per status" in html and "Reporting round:" in html
    assert ">realised</span>" in html and "not reported" in html
    assert '"page " counter(page) " of " counter(pages)' in html
    assert PUBLISHED_NARRATIVE in html  # what the reporter wrote stays as written
    assert "Samenvatting" not in html and "Acties per status" not in html
    assert response["Content-Disposition"].endswith('-en.html"')
    # an unknown language gives the official Dutch report
    assert "Samenvatting" in client.get(_report_url(scenario, "html") + "?taal=xx").content.decode()


def test_the_word_report_in_english_on_request(client, scenario):
    content = client.get(_report_url(scenario, "docx") + "?taal=en").content
    document = Document(io.BytesIO(content))
    headings = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "Summary") in headings
    assert document.tables[0].rows[0].cells[0].text == "Status"
    assert document.tables[0].rows[0].cells[1].text == "Actions"
    assert "realised" in [row.cells[0].text for row in document.tables[0].rows]


def test_report_data_keeps_the_status_values_and_labels_them_per_language(scenario):
    with translation.override("en"):
        report = build_plan_report(scenario.plan, scenario.round)
        labels = dict(report.status_label_counts)
        assert labels["realised"] == 1 and "not reported" in labels
        assert euro(scenario.published.budget_spent) == "€125,000.50"
    assert report.language == "en"
    counts = dict(report.status_counts)  # keyed by the stored values, whatever the language
    assert counts["gerealiseerd"] == 1 and NOT_REPORTED in counts
    # laid out in the language it was built in, whatever is active when rendering
    assert "Summary" in render(report, "html").decode()
    with translation.override("nl"):
        dutch = build_plan_report(scenario.plan, scenario.round)
    assert dutch.language == "nl" and dutch.title.startswith("Jaarrapport ")
    assert euro(scenario.published.budget_spent) == "€ 125.000,50"


# Logged in, the report holds the published, approved and draft updates of the demo's
# first goal: progress 100, 60 and 10, so its bar in the progress chart is 56.7 percent.


def test_percentages_in_the_dutch_report_have_a_decimal_comma(client, scenario):
    client.force_login(scenario.admin)
    html = client.get(_report_url(scenario, "html")).content.decode()
    assert "56,7%" in html and "56.7%" not in html
    assert "Gemiddelde voortgang: 57%." in html
    pdf = client.get(_report_url(scenario, "pdf")).content
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "56,7%" in text and "56.7%" not in text


def test_percentages_in_the_english_report_have_a_decimal_point(client, scenario):
    client.force_login(scenario.admin)
    html = client.get(_report_url(scenario, "html") + "?taal=en").content.decode()
    assert "56.7%" in html and "56,7%" not in html
    assert "Mean progress: 57%." in html


def _chart_texts(client, url: str, monkeypatch) -> list[str]:
    """The words drawn in the Word report's charts (PNG pictures, so not in its text)."""
    drawn = []
    draw_text = ImageDraw.ImageDraw.text

    def text(self, xy, words, *args, **kwargs):
        drawn.append(words)
        return draw_text(self, xy, words, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    response = client.get(url)
    assert response.status_code == 200
    Document(io.BytesIO(response.content))  # opens
    monkeypatch.undo()
    return drawn


def test_percentages_in_the_word_report_follow_its_language(client, scenario, monkeypatch):
    client.force_login(scenario.admin)
    dutch = _chart_texts(client, _report_url(scenario, "docx"), monkeypatch)
    assert "56,7%" in dutch and "56.7%" not in dutch
    english = _chart_texts(client, _report_url(scenario, "docx") + "?taal=en", monkeypatch)
    assert "56.7%" in english and "56,7%" not in english
