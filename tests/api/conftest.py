"""Users in every role, each with an API token, over the demo plan's scenario."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from beleidsmonitor.api.tokens import create_token
from beleidsmonitor.monitoring.models import ActorReporter, PlanCoordinator
from beleidsmonitor.plans.models import ActionActor, ActorRole
from tests.reports.scenario import Scenario, build_scenario


@dataclass
class Api:
    """A test client that speaks JSON, with or without a token."""

    client: Client
    key: str | None = None

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.key}"} if self.key else {}

    def get(self, url: str, **params):
        return self.client.get(url, params, **self._headers())

    def post(self, url: str, data=None):
        return self.client.post(
            url,
            data if data is not None else {},
            content_type="application/json",
            **self._headers(),
        )

    def patch(self, url: str, data):
        return self.client.patch(url, data, content_type="application/json", **self._headers())


@dataclass
class Roles:
    scenario: Scenario
    anonymous: Api
    reader: Api
    reporter: Api
    coordinator: Api
    admin: Api
    reporter_user: object
    coordinator_user: object


@pytest.fixture
def scenario(db) -> Scenario:
    return build_scenario()


@pytest.fixture
def roles(scenario, client) -> Roles:
    users = get_user_model().objects
    reader = users.create_user("lezer")  # no password: no slow hashing
    reporter = users.create_user("rapporteur")
    coordinator = users.create_user("coordinator")
    # the reporter reports for the actor responsible for the draft update's action
    link = ActionActor.objects.filter(
        action=scenario.draft.action, role=ActorRole.RESPONSIBLE
    ).first()
    ActorReporter.objects.create(user=reporter, actor=link.actor)
    PlanCoordinator.objects.create(user=coordinator, plan=scenario.plan)

    def api(user) -> Api:
        return Api(Client(), create_token(user.username)[1])

    return Roles(
        scenario=scenario,
        anonymous=Api(Client()),
        reader=api(reader),
        reporter=api(reporter),
        coordinator=api(coordinator),
        admin=api(scenario.admin),
        reporter_user=reporter,
        coordinator_user=coordinator,
    )
