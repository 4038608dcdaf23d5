"""Every API error is JSON `{"detail": "<message>"}`: 401, 403, 404, 405, 409, 422, 500."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def assert_error(response, status: int) -> str:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail"}, body
    assert isinstance(body["detail"], str) and body["detail"]
    return body["detail"]


def test_unknown_path_under_api_is_json_404(client):
    assert "no API endpoint" in assert_error(client.get("/api/bestaat-niet/"), 404)


def test_unknown_object_is_json_404(client):
    assert_error(client.get("/api/plans/987654"), 404)
    assert_error(client.get("/api/updates/987654"), 404)


def test_write_without_token_is_json_401(client):
    response = client.post("/api/rounds", {}, content_type="application/json")
    assert "Bearer" in assert_error(response, 401)
    assert response["WWW-Authenticate"] == "Bearer"


def test_wrong_token_is_json_401_on_reads_too(client):
    assert_error(client.get("/api/plans", HTTP_AUTHORIZATION="Bearer bm_fout"), 401)
    assert_error(client.get("/api/plans", HTTP_AUTHORIZATION="Token abc"), 401)


def test_forbidden_is_json_403(roles):
    response = roles.reader.post(f"/api/updates/{roles.scenario.approved.pk}/publish", {})
    assert_error(response, 403)


def test_method_not_allowed_is_json_405(client):
    response = client.delete("/api/plans")
    assert_error(response, 405)


def test_invalid_query_is_json_422_with_a_readable_message(client):
    message = assert_error(client.get("/api/actions", {"ordering": "nonsense"}), 422)
    assert "ordering" in message
    assert "limit" in assert_error(client.get("/api/plans", {"limit": 0}), 422)


def test_malformed_body_is_json_error(roles):
    response = roles.admin.client.post(
        "/api/rounds",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {roles.admin.key}",
    )
    assert response.status_code in (400, 422)
    assert_error(response, response.status_code)


def test_workflow_conflict_is_json_409(roles):
    # a draft cannot be approved
    response = roles.admin.post(f"/api/updates/{roles.scenario.draft.pk}/approve", {})
    assert_error(response, 409)


def test_unexpected_exception_is_json_500_without_internals(client, monkeypatch):
    from beleidsmonitor.api.v1 import plans

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(plans, "plan_out", boom)
    from beleidsmonitor.plans.models import Plan

    Plan.objects.create(title="x", kind="onbekend")
    detail = assert_error(client.get("/api/plans"), 500)
    assert "secret" not in detail
