"""A small world to report in: two plans, one open round, one user per role.

- `plan`: the fixture "Veilig Fietsen" plan; action A1 is owed by the Minister of
  Mobility with the Minister of Education co-operating, A2 by Mobility alone.
- `other_plan`: a second plan whose actions are the Minister of Work's only.
- users: `admin` (superuser), `coordinator` (of `plan`), `reporter` (for Education,
  so A1 of `plan` is theirs and nothing in `other_plan` is), `mobility_reporter`
  (for Mobility), `reader` (logged in, no role).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from beleidsmonitor.monitoring.models import ActionUpdate, ActorReporter, PlanCoordinator
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.plans.models import Actor
from beleidsmonitor.plans.operations.import_plan import import_plan

SMALL_PLAN = Path(__file__).parents[1] / "data" / "small-plan.json"
PASSWORD = "een-lang-testwachtwoord"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # the real hasher costs a third of a second per user; these tests make many users
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def plan_json() -> dict:
    return json.loads(SMALL_PLAN.read_text(encoding="utf-8"))


@pytest.fixture
def plan(plan_json):
    # A1 gets a falling indicator with a baseline, so attainment has something to show
    plan_json["actions"][0]["indicators"].append(
        {
            "text": "Aantal meldingen van onveilige schoolroutes",
            "target": "100",
            "baseline": 200,
            "kind": "count",
        }
    )
    plan_json["actions"][0]["indicators"].append(
        {"text": "Handleiding schoolstraten verspreid", "kind": "deliverable"}
    )
    return import_plan(plan_json).plan


@pytest.fixture
def other_plan(plan_json):
    other = copy.deepcopy(plan_json)
    other["source"] = {"file": "werkplan.txt", "sha256": "werk-1234", "lines": 20}
    other["plan"]["title"] = "Actieplan Werk 2025-2029"
    for action in other["actions"]:
        action["responsible"] = ["Minister van Werk"]
        action["cooperating"] = []
        action["administrations"] = []
        action["partners"] = []
    return import_plan(other).plan


def _user(username: str, **extra):
    return get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, **extra
    )


@pytest.fixture
def admin(db):
    return _user("beheerder", is_superuser=True, is_staff=True)


@pytest.fixture
def coordinator(plan):
    user = _user("coordinator")
    PlanCoordinator.objects.create(user=user, plan=plan)
    return user


@pytest.fixture
def reporter(plan):
    user = _user("rapporteur")
    ActorReporter.objects.create(user=user, actor=Actor.objects.get(name="Minister van Onderwijs"))
    return user


@pytest.fixture
def mobility_reporter(plan):
    user = _user("mobiliteit")
    ActorReporter.objects.create(user=user, actor=Actor.objects.get(name="Minister van Mobiliteit"))
    return user


@pytest.fixture
def reader(db):
    return _user("lezer")


@pytest.fixture
def round_(admin, plan, other_plan):
    return open_round(
        admin,
        name="Rapportering 2026",
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        deadline=dt.date(2026, 3, 31),
        plans=[plan, other_plan],
    )


def update_of(round_, plan, key: str) -> ActionUpdate:
    return ActionUpdate.objects.get(round=round_, action__plan=plan, action__key=key)


@pytest.fixture
def own_update(round_, plan):
    """A1 of `plan`: the reporter's (co-operating) and the coordinator's."""
    return update_of(round_, plan, "A1")


@pytest.fixture
def foreign_update(round_, other_plan):
    """A1 of `other_plan`: neither the reporter's nor the coordinator's."""
    return update_of(round_, other_plan, "A1")


def login(client, user):
    assert client.login(username=user.get_username(), password=PASSWORD)
    return client
