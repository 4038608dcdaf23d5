"""The download buttons: the reports page and its downloads follow the reader's rights."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.monitoring.permissions import REPORTING_ROLES
from beleidsmonitor.plans.models import (
    Action,
    ActionActor,
    Actor,
    ActorKind,
    ActorRole,
    Plan,
    PlanKind,
)
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


def _reporting_actor(update):
    return update.action.actor_links.filter(role__in=REPORTING_ROLES).first().actor


def test_word_report_of_an_actor_with_a_very_long_name(client, scenario):
    """Word keeps at most 255 characters in a document property: the title there is cut
    short, the title in the document itself is not."""
    actor = _reporting_actor(scenario.published)
    actor.name = ("Het agentschap dat de acties van dit plan samen met de lokale besturen " * 8)[
        :400
    ].strip()
    actor.save()
    response = client.get(f"/rapporten/actor/{actor.pk}/ronde/{scenario.round.pk}/jaarrapport.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    title = document.core_properties.title
    assert len(title) <= 255 and title.endswith("…")
    assert f"Jaarrapport {actor.name}".startswith(title.removesuffix("…"))
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == f"Jaarrapport {actor.name}"


def _docx_statuses(content: bytes) -> list[str]:
    lines = [
        line
        for paragraph in Document(io.BytesIO(content)).paragraphs
        for line in paragraph.text.split("\n")
    ]
    return [line.removeprefix("Status: ") for line in lines if line.startswith("Status: ")]


def _html_statuses(html: str) -> list[str]:
    found = re.findall(
        r'<dt>Status</dt><dd><span class="status">(.*?)</span>(?: <span class="note">(.*?)</span>)?',
        html,
    )
    return [f"{status} {note}".strip() for status, note in found]


def test_word_report_marks_unpublished_updates_as_the_html_does(client, scenario):
    client.force_login(scenario.admin)
    base = f"/rapporten/plan/{scenario.plan.pk}/ronde/{scenario.round.pk}/jaarrapport"
    statuses = _docx_statuses(client.get(f"{base}.docx").content)
    assert "lopend - vertraagd (in opmaak)" in statuses  # the draft
    assert "lopend - op schema (goedgekeurd)" in statuses  # approved, not published yet
    assert statuses == _html_statuses(client.get(f"{base}.html").content.decode())


def test_anonymous_word_report_has_no_unpublished_updates(client, scenario):
    base = f"/rapporten/plan/{scenario.plan.pk}/ronde/{scenario.round.pk}/jaarrapport"
    content = client.get(f"{base}.docx").content
    statuses = _docx_statuses(content)
    for state in ("in opmaak", "ingediend", "teruggestuurd", "goedgekeurd"):
        assert not any(f"({state})" in status for status in statuses)
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert PUBLISHED_NARRATIVE in text and DRAFT_NARRATIVE not in text
    assert statuses == _html_statuses(client.get(f"{base}.html").content.decode())


def _actor_link(actor, round_) -> str:
    return f'href="/rapporten/actor/{actor.pk}/ronde/{round_.pk}/jaarrapport.html"'


def _plan_with_an_actor(name: str) -> tuple[Plan, Actor]:
    """A second plan, with one action that `name` is responsible for."""
    plan = Plan.objects.create(title=f"Plan van {name}", kind=PlanKind.ACTION_PLAN)
    action = Action.objects.create(plan=plan, key="1", number="1", title="Lessen Nederlands")
    actor = Actor.objects.create(kind=ActorKind.ADMINISTRATION, name=name)
    ActionActor.objects.create(
        action=action, actor=actor, role=ActorRole.RESPONSIBLE, written_as=name
    )
    return plan, actor


def test_reports_page_lists_an_actor_only_in_rounds_it_has_actions_in(client, scenario):
    other_plan, agodi = _plan_with_an_actor("AGODI")
    other_round = ReportingRound.objects.create(
        name="Rapportering AGODI",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        deadline=dt.date(2025, 2, 15),
    )
    other_round.plans.add(other_plan)
    _plan, nowhere = _plan_with_an_actor("Actor zonder ronde")  # a plan in no round
    partner = Actor.objects.create(kind=ActorKind.PARTNER, name="Alleen partner")
    ActionActor.objects.create(
        action=scenario.published.action,
        actor=partner,
        role=ActorRole.PARTNER,  # a partner does not report: not in any actor report
        written_as=partner.name,
    )
    demo_actor = _reporting_actor(scenario.published)

    html = client.get("/rapporten/").content.decode()
    assert _actor_link(agodi, other_round) in html
    assert _actor_link(agodi, scenario.round) not in html  # "0 acties in 0 plannen"
    assert _actor_link(demo_actor, scenario.round) in html
    assert _actor_link(demo_actor, other_round) not in html
    rows = re.findall(r'<th scope="row">(.*?)</th>', html)
    assert "AGODI" in rows and demo_actor.name in rows
    assert partner.name not in rows and nowhere.name not in rows
    assert f"/rapporten/actor/{partner.pk}/" not in html
    assert f"/rapporten/actor/{nowhere.pk}/" not in html


def test_reports_page_needs_no_query_per_actor(client, scenario):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get("/rapporten/").status_code == 200
        return len(context.captured_queries)

    other_plan, _actor = _plan_with_an_actor("AGODI")
    scenario.round.plans.add(other_plan)
    before = queries()
    for number in range(5):
        _plan_with_an_actor(f"Agentschap {number}")[0].reporting_rounds.add(scenario.round)
    after = queries()
    assert after == before
    assert client.get("/rapporten/").content.decode().count('<th scope="row">Agentschap ') == 5
