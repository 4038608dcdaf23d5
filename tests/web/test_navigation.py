"""The parts built apart, reachable from the main pages: the header menu, a plan's
downloads, lineage and glossary, "wat werd gerapporteerd" on a note's goals, an action's
confirmed links and the actor-change page for coordinators."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beleidsmonitor.linking.models import LinkKind, LinkProposal, LinkStatus
from beleidsmonitor.linking.operations.compute_links import compute_links
from beleidsmonitor.plans.models import Actor, Goal
from beleidsmonitor.plans.models.reporting_links import MatchStatus, ObjectiveMatch
from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.linking.fixtures import plans
from tests.web.plans_for_tests import work_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(db):
    """The three small plans of the linking tests (2016 measures, two 2025 plans), linked."""
    stored = tuple(import_plan(data).plan for data in plans())
    compute_links()
    return stored


@pytest.fixture
def note_and_report(db):
    """A policy note and a progress report whose SD1 reports on the note's OD1.1."""
    note_json = work_plan()
    note_json["plan"]["kind"] = "beleidsnota"
    note = import_plan(note_json).plan
    report_json = work_plan()
    report_json["plan"]["kind"] = "voortgangsrapport"
    report_json["plan"]["title"] = "Voortgangsrapport Werk Dichtbij 2025"
    report_json["source"]["sha256"] = "feedc0de02"
    report = import_plan(report_json).plan
    ObjectiveMatch.objects.create(
        report_goal=report.goals.get(key="SD1"),
        note_plan=note,
        note_goal=note.goals.get(key="OD1.1"),
        score=0.9,
        status=MatchStatus.CONFIRMED,
    )
    return note, report


def test_header_links_to_every_part(client, linked):
    html = client.get("/").content.decode()
    for href in ("/rapporten/", "/koppelingen/", "/afstemming/", "/woordenlijst/", "/api/docs"):
        assert f'href="{href}"' in html, href
    for label in ("Rapporten", "Koppelingen", "Afstemming", "Woordenlijst", "API-documentatie"):
        assert f">{label}</a>" in html, label


def test_header_is_translated(client, linked):
    client.cookies["django_language"] = "en"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ">Reports</a>" in html and ">Glossary</a>" in html and ">API docs</a>" in html


def test_every_header_link_answers(client, linked, django_user_model):
    staff = django_user_model.objects.create_user("coord", password="pw", is_staff=True)
    client.force_login(staff)
    for url in ("/rapporten/", "/koppelingen/", "/afstemming/", "/woordenlijst/", "/api/docs"):
        assert client.get(url).status_code == 200, url


def test_plan_page_has_downloads_lineage_and_glossary(client, linked):
    plan = linked[0]
    html = client.get(_plan_url(plan)).content.decode()
    assert f'href="/rapporten/plan/{plan.pk}/export.json"' in html
    assert f'href="/rapporten/plan/{plan.pk}/export.xlsx"' in html
    assert f'href="/koppelingen/opvolging/{plan.pk}/"' in html
    assert f'href="/woordenlijst/plan/{plan.pk}/"' in html


def test_note_goals_link_to_what_was_reported_only_where_matched(client, note_and_report):
    note, _report = note_and_report
    html = client.get(_plan_url(note)).content.decode()
    matched = note.goals.get(key="OD1.1")
    others = note.goals.exclude(pk=matched.pk)
    assert f'href="/afstemming/doelstelling/{matched.pk}/"' in html
    assert "wat werd gerapporteerd" in html
    for goal in others:
        assert f'href="/afstemming/doelstelling/{goal.pk}/"' not in html
    assert client.get(f"/afstemming/doelstelling/{matched.pk}/").status_code == 200


def test_rejected_match_gives_no_link(client, note_and_report):
    note, _report = note_and_report
    ObjectiveMatch.objects.update(status=MatchStatus.REJECTED)
    assert "wat werd gerapporteerd" not in client.get(_plan_url(note)).content.decode()


def test_goal_links_cost_one_query_whatever_the_number_of_goals(client, note_and_report):
    note, report = note_and_report
    with CaptureQueriesContext(connection) as few:
        client.get(_plan_url(note))
    for goal in Goal.objects.filter(plan=report).exclude(key="SD1"):
        ObjectiveMatch.objects.create(
            report_goal=goal,
            note_plan=note,
            note_goal=note.goals.get(key=goal.key),
            status=MatchStatus.PROPOSED,
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get(_plan_url(note)).content.decode()
    # every note goal but SD1 (its report counterpart already reports on OD1.1)
    assert html.count("wat werd gerapporteerd") == note.goals.count() - 1
    assert len(many.captured_queries) == len(few.captured_queries)


def test_an_action_plan_has_no_reported_links(client, linked):
    assert "wat werd gerapporteerd" not in client.get(_plan_url(linked[0])).content.decode()


def test_action_page_shows_confirmed_links_both_ways(client, linked):
    old, new, _equal = linked
    proposal = LinkProposal.objects.get(
        kind=LinkKind.LINEAGE, source_key="OD1.1/M1", target_key="A1"
    )
    old_action = old.actions.get(key="OD1.1/M1")
    new_action = new.actions.get(key="A1")
    # proposed only: not on the action page yet
    html = client.get(f"/acties/{new_action.pk}/").content.decode()
    assert "Voorgangers, opvolgers en overlap" in html
    assert "zet voort" not in html
    assert f'href="/koppelingen/acties/{new_action.pk}/"' in html
    proposal.status = LinkStatus.CONFIRMED
    proposal.save()
    html = client.get(f"/acties/{new_action.pk}/").content.decode()
    assert "zet voort" in html and "OD1.1/M1" in html
    html = client.get(f"/acties/{old_action.pk}/").content.decode()
    assert "wordt voortgezet in" in html and f'href="/koppelingen/acties/{new_action.pk}/"' in html


def test_action_page_offers_no_decisions(client, linked, django_user_model):
    proposal = LinkProposal.objects.filter(kind=LinkKind.LINEAGE).first()
    proposal.status = LinkStatus.CONFIRMED
    proposal.save()
    staff = django_user_model.objects.create_user("coord", password="pw", is_staff=True)
    client.force_login(staff)
    html = client.get(f"/acties/{proposal.target_action_id}/").content.decode()
    assert "bevestigd" in html.lower()
    assert 'action="/koppelingen/' not in html


def test_actor_page_links_to_actor_changes_for_coordinators_only(client, linked, django_user_model):
    actor = Actor.objects.filter(action_links__isnull=False).first()
    url = f"/actoren/{actor.slug}/"
    change = f'href="/koppelingen/actoren/{actor.pk}/"'
    assert change not in client.get(url).content.decode()
    reader = django_user_model.objects.create_user("lezer", password="pw")
    client.force_login(reader)
    assert change not in client.get(url).content.decode()
    staff = django_user_model.objects.create_user("coord", password="pw", is_staff=True)
    client.force_login(staff)
    html = client.get(url).content.decode()
    assert change in html and "Samenvoegen, splitsen of hernoemen" in html


def _plan_url(plan) -> str:
    from django.urls import reverse

    return reverse("plan-detail", args=[plan.pk])
