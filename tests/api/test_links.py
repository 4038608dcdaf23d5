"""GET /api/links: link proposals with score, evidence and status, paginated.

Anonymous visitors see confirmed links only; a logged-in user (token or session) sees
proposed and rejected ones too."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from beleidsmonitor.api.tokens import create_token
from beleidsmonitor.linking.models import LinkKind, LinkProposal, LinkStatus
from beleidsmonitor.linking.operations.compute_links import compute_links
from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.api.conftest import Api
from tests.linking.fixtures import plans

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(db):
    stored = tuple(import_plan(data).plan for data in plans())
    compute_links()
    lineage = LinkProposal.objects.get(
        kind=LinkKind.LINEAGE, source_key="OD1.1/M1", target_key="A1"
    )
    lineage.status = LinkStatus.CONFIRMED
    lineage.save()
    return stored, lineage


@pytest.fixture
def anonymous():
    return Api(Client())


@pytest.fixture
def reader(db):
    get_user_model().objects.create_user("lezer")
    return Api(Client(), create_token("lezer")[1])


def test_anonymous_sees_confirmed_links_only(anonymous, linked):
    _plans, lineage = linked
    assert LinkProposal.objects.exclude(status=LinkStatus.CONFIRMED).exists()
    body = anonymous.get("/api/links").json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert item["id"] == lineage.pk
    assert item["status"] == "confirmed"
    assert item["kind"] == "lineage"
    assert item["score"] == pytest.approx(lineage.score)
    assert item["evidence"] == lineage.evidence
    assert item["source"]["key"] == "OD1.1/M1" and item["target"]["key"] == "A1"
    assert item["target"]["action"] == lineage.target_action_id
    # asking for proposals does not reveal them
    assert anonymous.get("/api/links", status="proposed").json()["count"] == 0


def test_logged_in_user_sees_every_current_proposal(reader, linked):
    total = LinkProposal.objects.filter(is_current=True).count()
    body = reader.get("/api/links", limit=500).json()
    assert body["count"] == total > 1
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True)


def test_session_counts_as_logged_in(client, linked):
    user = get_user_model().objects.create_user("sessie")
    client.force_login(user)
    assert client.get("/api/links").json()["count"] > 1


def test_filters_by_plan_status_and_kind(reader, linked):
    (old, integration, equal), lineage = linked
    body = reader.get("/api/links", status="confirmed").json()
    assert [i["id"] for i in body["items"]] == [lineage.pk]
    overlap = reader.get("/api/links", kind="overlap").json()
    assert overlap["count"] > 0
    assert {i["kind"] for i in overlap["items"]} == {"overlap"}
    by_plan = reader.get("/api/links", plan=old.pk, limit=500).json()
    assert by_plan["count"] > 0
    for item in by_plan["items"]:
        assert old.pk in (item["source"]["plan"], item["target"]["plan"])
        assert item["kind"] == "lineage"  # the old plan only continues, overlaps nothing


def test_paginates(reader, linked):
    total = reader.get("/api/links").json()["count"]
    first = reader.get("/api/links", limit=1).json()
    second = reader.get("/api/links", limit=1, offset=1).json()
    assert first["count"] == total and first["limit"] == 1 and len(first["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_rejected_links_are_listed_for_logged_in_users(reader, anonymous, linked):
    _plans, lineage = linked
    lineage.status = LinkStatus.REJECTED
    lineage.save()
    assert reader.get("/api/links", status="rejected").json()["count"] == 1
    assert anonymous.get("/api/links").json()["count"] == 0


def test_bad_filters_are_422_in_the_one_error_shape(anonymous, linked):
    for params in ({"status": "maybe"}, {"kind": "x"}, {"plan": 0}, {"limit": 0}):
        response = anonymous.get("/api/links", **params)
        assert response.status_code == 422, params
        assert set(response.json()) == {"detail"}


def test_a_wrong_token_is_refused(linked):
    response = Api(Client(), "not-a-key").get("/api/links")
    assert response.status_code == 401


def test_links_are_in_the_schema(anonymous):
    schema = anonymous.get("/api/openapi.json").json()
    assert "/api/links" in schema["paths"]
    assert "see confirmed links only" in schema["paths"]["/api/links"]["get"]["description"]


def test_strength_tells_weak_candidates_from_proposals(reader, linked):
    from beleidsmonitor.linking.similarity import THRESHOLD

    weak = LinkProposal.objects.filter(status=LinkStatus.PROPOSED).first()
    weak.score, weak.weak = THRESHOLD - 0.1, True
    weak.save(update_fields=["score", "weak"])
    body = reader.get("/api/links", strength="weak").json()
    assert [item["id"] for item in body["items"]] == [weak.pk]
    assert body["items"][0]["strength"] == "weak"
    strong = reader.get("/api/links", strength="strong").json()
    assert weak.pk not in {item["id"] for item in strong["items"]}
    assert strong["count"] == LinkProposal.objects.filter(is_current=True).count() - 1
    assert {item["strength"] for item in strong["items"]} == {"strong"}
