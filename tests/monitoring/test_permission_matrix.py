"""Every role × every write operation × own / other actor's (or plan's) object.

Each cell is asserted twice: calling the operation directly (what the CLI and the API
do) and posting to the web page (what a browser, or a hand-made request, does). "own"
is A1 of the Cycling plan: the reporter's actor co-operates on it and the coordinator
coordinates that plan. "other" is A1 of the Work plan: neither's.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.monitoring.operations.apply_xlsx import apply_xlsx
from beleidsmonitor.monitoring.operations.approve import approve_update
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.operations.publish import publish_update
from beleidsmonitor.monitoring.operations.restore_from_history import restore_from_history
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.send_back import send_back
from beleidsmonitor.monitoring.operations.submit import submit_update
from beleidsmonitor.monitoring.permissions import NotAllowed
from beleidsmonitor.monitoring.xlsx import build_sheet
from beleidsmonitor.plans.models import Actor
from tests.monitoring.conftest import login

pytestmark = pytest.mark.django_db

ROLES = ["admin", "coordinator", "reporter", "reader", "anonymous"]
REPORTER_OPS = ["save_update", "submit", "apply_xlsx"]
COORDINATOR_OPS = [
    "send_back",
    "approve",
    "publish",
    "restore_from_history",
    "open_round",
    "close_round",
]

# (own, other): True = allowed
EXPECTED: dict[str, dict[str, tuple[bool, bool]]] = {
    **{
        op: {
            "admin": (True, True),
            "coordinator": (False, False),  # reviewers do not write reports
            "reporter": (True, False),
            "reader": (False, False),
            "anonymous": (False, False),
        }
        for op in REPORTER_OPS
    },
    **{
        op: {
            "admin": (True, True),
            "coordinator": (True, False),
            "reporter": (False, False),
            "reader": (False, False),
            "anonymous": (False, False),
        }
        for op in COORDINATOR_OPS
    },
}
CELLS = [(op, role, target) for op in EXPECTED for role in ROLES for target in ("own", "other")]


@dataclass
class World:
    admin: object
    round_: ReportingRound
    own_update: object
    foreign_update: object
    plan: object
    other_plan: object


@pytest.fixture
def world(
    admin, coordinator, reporter, reader, round_, own_update, foreign_update, plan, other_plan
):
    return World(admin, round_, own_update, foreign_update, plan, other_plan)


def _user(role, request):
    return AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)


class Case:
    """One operation: set the object up, run it both ways, tell whether it took effect."""

    def __init__(self, op: str, world: World, target: str):
        self.op, self.world, self.target = op, world, target
        self.update = world.own_update if target == "own" else world.foreign_update
        self.plan = world.plan if target == "own" else world.other_plan
        admin = world.admin
        u = self.update
        if op in ("submit", "send_back", "approve", "publish"):
            save_update(admin, u, {"status": "lopend - op schema"}, expected_version=u.version)
        if op in ("send_back", "approve", "publish"):
            submit_update(admin, u)
        if op == "publish":
            approve_update(admin, u)
        if op == "restore_from_history":
            save_update(admin, u, {"narrative": "eerst"}, expected_version=u.version)
            save_update(admin, u, {"narrative": "later"}, expected_version=u.version)
            self.change = u.changes.get(field="narrative", new="later")
        if op == "close_round":
            self.closing = open_round(
                admin,
                name=f"Alleen {self.plan.title}",
                period_start=dt.date(2024, 1, 1),
                period_end=dt.date(2024, 12, 31),
                deadline=dt.date(2025, 3, 31),
                plans=[self.plan],
            )
        if op == "apply_xlsx":
            self.actor = Actor.objects.get(
                name="Minister van Onderwijs" if target == "own" else "Minister van Werk"
            )
            workbook = load_workbook(io.BytesIO(build_sheet(world.round_, self.actor)))
            sheet = workbook.active
            sheet["H2"] = "via Excel"
            buffer = io.BytesIO()
            workbook.save(buffer)
            self.sheet = buffer.getvalue()
            self.sheet_update_id = sheet["A2"].value

    def call(self, user):
        u = self.update
        match self.op:
            case "save_update":
                save_update(user, u, {"narrative": "nieuw"}, expected_version=u.version)
            case "submit":
                submit_update(user, u)
            case "send_back":
                send_back(user, u, "Graag cijfers.")
            case "approve":
                approve_update(user, u)
            case "publish":
                publish_update(user, u)
            case "restore_from_history":
                restore_from_history(user, self.change)
            case "open_round":
                open_round(
                    user,
                    name="Nieuwe ronde",
                    period_start=dt.date(2026, 1, 1),
                    period_end=dt.date(2026, 12, 31),
                    deadline=dt.date(2027, 3, 31),
                    plans=[self.plan],
                )
            case "close_round":
                close_round(user, self.closing)
            case "apply_xlsx":
                result = apply_xlsx(user, self.world.round_, self.actor, io.BytesIO(self.sheet))
                assert result.ok, result.errors

    def post(self, client):
        u = self.update
        base = f"/rapportering/rapporteringen/{u.pk}/"
        match self.op:
            case "save_update":
                data = {"version": u.version, "status": u.status, "narrative": "nieuw"}
                return client.post(base, data)
            case "submit":
                return client.post(base + "indienen/")
            case "send_back":
                return client.post(base + "terugsturen/", {"comment": "Graag cijfers."})
            case "approve":
                return client.post(base + "goedkeuren/")
            case "publish":
                return client.post(base + "publiceren/")
            case "restore_from_history":
                return client.post(base + f"historiek/{self.change.pk}/herstellen/")
            case "open_round":
                return client.post(
                    "/rapportering/nieuw/",
                    {
                        "name": "Nieuwe ronde",
                        "period_start": "2026-01-01",
                        "period_end": "2026-12-31",
                        "deadline": "2027-03-31",
                        "plans": [self.plan.pk],
                    },
                )
            case "close_round":
                return client.post(
                    f"/rapportering/rondes/{self.closing.pk}/sluiten/", {"bevestigd": "ja"}
                )
            case "apply_xlsx":
                upload = SimpleUploadedFile("blad.xlsx", self.sheet)
                return client.post(
                    f"/rapportering/rondes/{self.world.round_.pk}/excel/{self.actor.pk}/opladen/",
                    {"file": upload},
                )

    def took_effect(self) -> bool:
        u = self.update
        u.refresh_from_db()
        match self.op:
            case "save_update":
                return u.narrative == "nieuw"
            case "submit":
                return u.state == "submitted"
            case "send_back":
                return u.state == "sent_back"
            case "approve":
                return u.state == "approved"
            case "publish":
                return u.state == "published"
            case "restore_from_history":
                return u.narrative == "eerst"
            case "open_round":
                return ReportingRound.objects.filter(name="Nieuwe ronde").exists()
            case "close_round":
                self.closing.refresh_from_db()
                return self.closing.state == "closed"
            case "apply_xlsx":
                return type(u).objects.get(pk=self.sheet_update_id).narrative == "via Excel"


def test_the_matrix_covers_every_write_operation():
    assert sorted(EXPECTED) == sorted(
        [
            "save_update",
            "submit",
            "send_back",
            "approve",
            "publish",
            "restore_from_history",
            "open_round",
            "close_round",
            "apply_xlsx",
        ]
    )
    assert len(CELLS) == 9 * 5 * 2


@pytest.mark.parametrize(("op", "role", "target"), CELLS)
def test_operation_called_directly(world, request, op, role, target):
    case = Case(op, world, target)
    allowed = EXPECTED[op][role][target == "other"]
    user = _user(role, request)
    if allowed:
        case.call(user)
        assert case.took_effect()
    else:
        with pytest.raises(NotAllowed):
            case.call(user)
        assert not case.took_effect()


@pytest.mark.parametrize(("op", "role", "target"), CELLS)
def test_operation_through_the_web(world, request, client, op, role, target):
    case = Case(op, world, target)
    allowed = EXPECTED[op][role][target == "other"]
    if role != "anonymous":
        login(client, _user(role, request))
    response = case.post(client)
    if allowed:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert case.took_effect()
    else:
        assert not case.took_effect()
        if role == "anonymous":
            # sent to the login page, or (for an unpublished update) told it does not exist
            assert response.status_code in (302, 404)
            if response.status_code == 302:
                assert response["Location"].startswith("/accounts/login/")
        else:
            assert response.status_code == 403


def test_an_administration_reports_for_the_actions_it_carries(round_, own_update, db):
    from django.contrib.auth import get_user_model

    from beleidsmonitor.monitoring.models import ActorReporter

    user = get_user_model().objects.create_user("mow", password="x")
    ActorReporter.objects.create(
        user=user, actor=Actor.objects.get(name="Departement Mobiliteit en Openbare Werken")
    )
    save_update(user, own_update, {"budget_spent": Decimal(5)}, expected_version=1)
    assert own_update.budget_spent == 5


def test_a_partner_does_not_report(round_, own_update, db):
    from django.contrib.auth import get_user_model

    from beleidsmonitor.monitoring.models import ActorReporter

    user = get_user_model().objects.create_user("vvsg", password="x")
    ActorReporter.objects.create(user=user, actor=Actor.objects.get(name="VVSG"))
    with pytest.raises(NotAllowed):
        save_update(user, own_update, {"progress": 5}, expected_version=1)
