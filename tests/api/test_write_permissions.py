"""Writes go through the monitoring operations with the web's permission rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beleidsmonitor.monitoring.models import ActionUpdate, ReportingRound, UpdateChange

pytestmark = pytest.mark.django_db

SMALL_PLAN = Path(__file__).parents[1] / "data" / "small-plan.json"


def patch_draft(api, scenario, **values):
    draft = ActionUpdate.objects.get(pk=scenario.draft.pk)
    return api.patch(f"/api/updates/{draft.pk}", {"version": draft.version, **values})


def test_reporter_of_the_actor_saves_and_submits_the_update(roles):
    s = roles.scenario
    response = patch_draft(roles.reporter, s, progress=35, narrative="Bijgewerkt via de API")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["progress"], body["narrative"]) == (35, "Bijgewerkt via de API")
    change = UpdateChange.objects.filter(update=s.draft, field="progress").last()
    assert change.user == roles.reporter_user  # history names the token's user
    submitted = roles.reporter.post(
        f"/api/updates/{s.draft.pk}/submit", {"version": body["version"]}
    )
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["state"] == "submitted"


def test_indicator_values_are_saved_by_kind(roles):
    s = roles.scenario
    values = s.draft.indicator_values.select_related("indicator")
    numeric = next((v for v in values if v.indicator.kind in ("count", "percentage")), None)
    if numeric is None:
        pytest.skip("the demo's third action has no numeric indicator")
    response = patch_draft(roles.reporter, s, indicators={str(numeric.indicator_id): 12})
    assert response.status_code == 200, response.content
    shown = {v["indicator"]: v["value"] for v in response.json()["indicator_values"]}
    assert shown[numeric.indicator_id] == 12
    refused = patch_draft(roles.reporter, s, indicators={str(numeric.indicator_id): "veel"})
    assert refused.status_code == 422
    assert "getal" in refused.json()["detail"]


@pytest.mark.parametrize("who", ["reader", "coordinator"])
def test_who_does_not_report_for_the_actor_cannot_save(roles, who):
    response = patch_draft(getattr(roles, who), roles.scenario, progress=50)
    assert response.status_code == 403, response.content
    assert ActionUpdate.objects.get(pk=roles.scenario.draft.pk).progress == 10


def test_anonymous_cannot_write_even_what_it_can_read(roles):
    s = roles.scenario
    response = roles.anonymous.patch(f"/api/updates/{s.published.pk}", {"version": 1})
    assert response.status_code == 401


def test_a_stale_version_is_a_409_conflict_and_nothing_is_saved(roles):
    s = roles.scenario
    assert patch_draft(roles.reporter, s, progress=20).status_code == 200
    stale = roles.reporter.patch(
        f"/api/updates/{s.draft.pk}", {"version": s.draft.version, "progress": 90}
    )
    assert stale.status_code == 409
    assert "versie" in stale.json()["detail"]
    assert ActionUpdate.objects.get(pk=s.draft.pk).progress == 20


def test_a_version_from_the_future_is_a_422_that_says_so(roles):
    s = roles.scenario
    ahead = roles.reporter.patch(
        f"/api/updates/{s.draft.pk}", {"version": s.draft.version + 5, "progress": 90}
    )
    assert ahead.status_code == 422
    detail = ahead.json()["detail"]
    assert f"Versie {s.draft.version + 5} bestaat niet" in detail and "iemand" not in detail
    assert ActionUpdate.objects.get(pk=s.draft.pk).progress == s.draft.progress


def test_invalid_values_are_422_with_the_operations_message(roles):
    response = patch_draft(roles.reporter, roles.scenario, progress=150)
    assert response.status_code == 422
    assert "100" in response.json()["detail"]
    links = patch_draft(roles.reporter, roles.scenario, evidence_links=["geen link"])
    assert links.status_code == 422


def test_coordinator_reviews_reporter_does_not(roles):
    s = roles.scenario
    url = f"/api/updates/{s.approved.pk}/publish"
    assert roles.reporter.post(url, {}).status_code == 403
    assert roles.reader.post(url, {}).status_code == 403
    published = roles.coordinator.post(url, {})
    assert published.status_code == 200, published.content
    assert published.json()["state"] == "published"
    # now visible to anonymous visitors
    assert roles.anonymous.get(f"/api/updates/{s.approved.pk}").status_code == 200


def test_send_back_needs_a_comment_and_a_coordinator(roles):
    s = roles.scenario
    url = f"/api/updates/{s.approved.pk}/send-back"
    assert roles.coordinator.post(url, {"comment": " "}).status_code == 422
    assert roles.reporter.post(url, {"comment": "Graag cijfers"}).status_code == 403
    sent = roles.coordinator.post(url, {"comment": "Graag cijfers"})
    assert sent.status_code == 200, sent.content
    assert sent.json()["state"] == "sent_back"
    assert sent.json()["review_comment"] == "Graag cijfers"


def test_approve_a_submitted_update(roles):
    s = roles.scenario
    version = patch_draft(roles.reporter, s, status="lopend - op schema").json()["version"]
    roles.reporter.post(f"/api/updates/{s.draft.pk}/submit", {"version": version})
    assert roles.reporter.post(f"/api/updates/{s.draft.pk}/approve", {}).status_code == 403
    approved = roles.coordinator.post(f"/api/updates/{s.draft.pk}/approve", {})
    assert approved.status_code == 200 and approved.json()["state"] == "approved"


def round_body(plan_ids, name="Rapportering 2026"):
    return {
        "name": name,
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "deadline": "2027-02-15",
        "plans": plan_ids,
    }


def test_coordinator_opens_and_closes_a_round_for_their_plan(roles):
    plan = roles.scenario.plan
    assert roles.reader.post("/api/rounds", round_body([plan.pk])).status_code == 403
    assert roles.reporter.post("/api/rounds", round_body([plan.pk])).status_code == 403
    opened = roles.coordinator.post("/api/rounds", round_body([plan.pk]))
    assert opened.status_code == 201, opened.content
    body = opened.json()
    assert body["update_count"] == plan.actions.count() and body["state"] == "open"
    url = f"/api/rounds/{body['id']}/close"
    assert roles.reader.post(url).status_code == 403
    closed = roles.coordinator.post(url)
    assert closed.status_code == 200 and closed.json()["state"] == "closed"
    assert roles.coordinator.post(url).status_code == 409  # closed already


def test_opening_a_round_validates_names_and_plans(roles):
    plan = roles.scenario.plan
    taken = roles.admin.post("/api/rounds", round_body([plan.pk], name=roles.scenario.round.name))
    assert taken.status_code == 422 and "bestaat al" in taken.json()["detail"]
    unknown = roles.admin.post("/api/rounds", round_body([987654]))
    assert unknown.status_code == 422
    backwards = round_body([plan.pk]) | {"period_end": "2025-01-01"}
    assert roles.admin.post("/api/rounds", backwards).status_code == 422
    assert ReportingRound.objects.count() == 1


def test_only_the_coordinating_team_imports_plans(roles):
    document = json.loads(SMALL_PLAN.read_text(encoding="utf-8"))
    assert roles.reporter.post("/api/plans", document).status_code == 403
    assert roles.reader.post("/api/plans", document).status_code == 403
    created = roles.coordinator.post("/api/plans", document)
    assert created.status_code == 201, created.content
    assert created.json()["plan"]["title"] == document["plan"]["title"]
    assert roles.admin.post("/api/plans", document).json()["status"] == "unchanged"
    bad = roles.admin.post("/api/plans", {"format": "iets anders"})
    assert bad.status_code == 422


def test_an_export_posted_to_an_empty_installation_restores_its_monitoring(roles):
    from beleidsmonitor.plans.models import Plan

    exported = roles.admin.get(f"/api/plans/{roles.scenario.plan.pk}/export").json()
    updates = ActionUpdate.objects.count()
    ReportingRound.objects.all().delete()
    Plan.objects.all().delete()
    restored = roles.admin.post("/api/plans", exported)
    assert restored.status_code == 201, restored.content
    assert restored.json()["updates_restored"] == updates
    assert ActionUpdate.objects.filter(state="published").count() == 1


def test_opening_a_round_refuses_a_deadline_before_the_period(roles):
    plan = roles.scenario.plan
    early = round_body([plan.pk]) | {"deadline": "2025-12-31"}
    response = roles.admin.post("/api/rounds", early)
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "deadline: De uiterste datum ligt voor het begin van de periode."
    )
    assert ReportingRound.objects.count() == 1
