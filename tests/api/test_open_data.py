"""Open data: published data only, each plan under its stated licence."""

from __future__ import annotations

import csv
import io

import pytest

from tests.reports.scenario import APPROVED_NARRATIVE, DRAFT_NARRATIVE, PUBLISHED_NARRATIVE

pytestmark = pytest.mark.django_db


def test_open_data_endpoint_lists_plans_with_licence_and_links(roles):
    plan = roles.scenario.plan
    plan.licence = "Modellicentie Gratis Hergebruik v1.0"
    plan.save()
    listed = roles.anonymous.get("/api/open-data/plans").json()
    assert [(p["id"], p["licence"]) for p in listed] == [(plan.pk, plan.licence)]
    assert set(listed[0]["downloads"]) == {"json", "csv", "xlsx"}
    assert listed[0]["downloads"]["csv"].endswith(f"/rapporten/open-data/plan/{plan.pk}.csv")


def test_open_data_plan_holds_published_data_only_even_for_logged_in_users(roles):
    plan = roles.scenario.plan
    for api in (roles.anonymous, roles.admin):
        data = api.get(f"/api/open-data/plans/{plan.pk}").json()
        assert data["plan"]["licence"] == plan.licence
        narratives = [u["narrative"] for u in data["monitoring"]["updates"]]
        assert narratives == [PUBLISHED_NARRATIVE]
        assert all(u["state"] == "published" for u in data["monitoring"]["updates"])


def test_open_data_page_shows_licence_and_downloads(roles, client):
    plan = roles.scenario.plan
    html = client.get("/rapporten/open-data/").content.decode()
    assert plan.title in html and plan.licence in html
    assert f"/rapporten/open-data/plan/{plan.pk}.csv" in html


def test_open_data_downloads_hold_no_unpublished_text(roles, client):
    plan = roles.scenario.plan
    client.force_login(roles.scenario.admin)  # even an administrator gets published data only
    for fmt in ("json", "csv", "xlsx"):
        response = client.get(f"/rapporten/open-data/plan/{plan.pk}.{fmt}")
        assert response.status_code == 200, fmt
        assert "attachment" in response["Content-Disposition"]
        content = response.content
        if fmt != "xlsx":
            text = content.decode("utf-8-sig")
            assert DRAFT_NARRATIVE not in text and APPROVED_NARRATIVE not in text
            assert PUBLISHED_NARRATIVE in text
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/rapporten/open-data/plan/{plan.pk}.csv").content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert len(rows) - 1 == plan.actions.count()


def test_unknown_open_data_format_is_404(roles, client):
    assert client.get(f"/rapporten/open-data/plan/{roles.scenario.plan.pk}.pdf").status_code == 404
