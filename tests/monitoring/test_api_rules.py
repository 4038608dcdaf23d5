"""The API refuses what the web refuses: an overlapping open round, a status that
contradicts the progress. Both come from the monitoring operations the API calls."""

from __future__ import annotations

import copy

import pytest
from django.test import Client

from beleidsmonitor.api.tokens import create_token
from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.plans.operations.import_plan import import_plan

pytestmark = pytest.mark.django_db


def _headers(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user.get_username())[1]}"}


def test_the_api_refuses_a_round_overlapping_an_open_round_of_the_plan(admin, round_, plan):
    response = Client().post(
        "/api/rounds",
        {
            "name": "Rapportering 2025 bis",
            "period_start": "2025-06-01",
            "period_end": "2026-05-31",
            "deadline": "2026-06-30",
            "plans": [plan.pk],
        },
        content_type="application/json",
        **_headers(admin),
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail.startswith("plans: De ronde 'Rapportering 2026' (1 januari 2025 tot ")
    assert f"'{plan.title}'" in detail and "overlapt met deze periode" in detail
    assert ReportingRound.objects.count() == 1


def test_the_api_refuses_a_round_on_a_plan_version_that_has_been_replaced(admin, plan, plan_json):
    newer = copy.deepcopy(plan_json)
    newer["source"] = {**newer["source"], "sha256": "nieuwere-versie"}
    import_plan(newer)
    response = Client().post(
        "/api/rounds",
        {
            "name": "Rapportering op een oude versie",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "deadline": "2027-03-31",
            "plans": [plan.pk],
        },
        content_type="application/json",
        **_headers(admin),
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail.startswith(f"plans: Het plan '{plan.title}' (versie 1) is vervangen")
    assert "nieuwere versie" in detail
    assert not ReportingRound.objects.exists()


@pytest.mark.parametrize(
    ("first", "then", "words"),
    [
        ({}, {"status": "niet gestart", "progress": 60}, "niet gestart"),
        ({}, {"status": "gerealiseerd", "progress": 30}, "gerealiseerd"),
        ({"status": "niet gestart"}, {"progress": 60}, "niet gestart"),  # with what is stored
        ({"progress": 30}, {"status": "gerealiseerd"}, "gerealiseerd"),
    ],
)
def test_the_api_refuses_a_status_that_contradicts_the_progress(
    reporter, own_update, first, then, words
):
    headers = _headers(reporter)
    url = f"/api/updates/{own_update.pk}"
    version = 1
    if first:
        response = Client().patch(
            url, {"version": 1, **first}, content_type="application/json", **headers
        )
        assert response.status_code == 200, response.content
        version = response.json()["version"]
    refused = Client().patch(
        url, {"version": version, **then}, content_type="application/json", **headers
    )
    assert refused.status_code == 422
    detail = refused.json()["detail"]
    assert detail.startswith("progress: ") and words in detail
    own_update.refresh_from_db()
    assert own_update.version == version
