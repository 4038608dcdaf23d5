"""The home page lists plans; the plan page shows the goal tree."""

import json
from pathlib import Path

import pytest

from beleidsmonitor.plans.operations.import_plan import import_plan

SMALL_PLAN = Path(__file__).parents[1] / "data" / "small-plan.json"

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return import_plan(json.loads(SMALL_PLAN.read_text(encoding="utf-8"))).plan


def test_home_lists_current_plans_with_period_and_counts(client, plan):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Actieplan Veilig Fietsen 2025-2029" in html
    assert f'href="/plannen/{plan.pk}/"' in html
    assert '<html lang="nl">' in html


def test_home_without_plans_says_how_to_import(client):
    assert "beleidsmonitor import" in client.get("/").content.decode()


def test_plan_page_shows_goals_with_their_actions_and_responsible_minister(client, plan):
    html = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert html.index("Fietsen wordt veiliger") < html.index("Schoolroutes zijn veilig")
    assert html.index("Schoolroutes zijn veilig") < html.index("Schoolstraten in elke gemeente")
    assert "Minister van Mobiliteit" in html


def test_unknown_plan_is_404(client):
    assert client.get("/plannen/424242/").status_code == 404
