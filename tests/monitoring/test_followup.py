"""Follow-up: who has not reported, which actions are late, which got worse."""

from __future__ import annotations

import datetime as dt

import pytest

from beleidsmonitor.monitoring.followup import current_round, late_actions, not_reported, worsened
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.submit import submit_update
from tests.monitoring.conftest import update_of

pytestmark = pytest.mark.django_db


def _report(user, update, status):
    save_update(user, update, {"status": status}, expected_version=update.version)
    submit_update(user, update)


def test_not_reported_groups_open_updates_by_plan_and_responsible_actor(
    admin, round_, plan, other_plan
):
    _report(admin, update_of(round_, plan, "A2"), "gerealiseerd")
    groups = {
        (g.plan.title, g.actor.name): [u.action.key for u in g.updates]
        for g in not_reported(round_)
    }
    assert groups == {
        ("Actieplan Veilig Fietsen 2025-2029", "Minister van Mobiliteit"): ["A1"],
        ("Actieplan Werk 2025-2029", "Minister van Werk"): ["A1", "A2"],
    }


def test_a_sent_back_update_counts_as_not_reported(admin, round_, plan):
    from beleidsmonitor.monitoring.operations.send_back import send_back

    a1 = update_of(round_, plan, "A1")
    _report(admin, a1, "gerealiseerd")
    assert "A1" not in [
        u.action.key for g in not_reported(round_) for u in g.updates if g.plan == plan
    ]
    send_back(admin, a1, "Cijfers ontbreken.")
    assert "A1" in [u.action.key for g in not_reported(round_) for u in g.updates if g.plan == plan]


def test_late_actions_ended_and_are_not_realised(admin, round_, plan):
    # A1 ends 2027-12-31, A2 ends 2029-12-31 (in both plans)
    assert late_actions(round_, today=dt.date(2027, 12, 31)) == []
    late = late_actions(round_, today=dt.date(2028, 1, 1))
    assert sorted((u.action.plan.title, u.action.key) for u in late) == [
        ("Actieplan Veilig Fietsen 2025-2029", "A1"),
        ("Actieplan Werk 2025-2029", "A1"),
    ]
    _report(admin, update_of(round_, plan, "A1"), "gerealiseerd")
    assert all(u.action.plan != plan for u in late_actions(round_, today=dt.date(2028, 1, 1)))


def test_stopped_actions_are_not_late(admin, round_, plan):
    _report(admin, update_of(round_, plan, "A1"), "stopgezet")
    assert all(u.action.plan != plan for u in late_actions(round_, today=dt.date(2028, 1, 1)))


def test_worsened_compares_with_the_previous_round(admin, round_, plan, other_plan):
    _report(admin, update_of(round_, plan, "A1"), "lopend - op schema")
    _report(admin, update_of(round_, plan, "A2"), "lopend - vertraagd")
    _report(admin, update_of(round_, other_plan, "A1"), "bijgestuurd")
    close_round(admin, round_)
    next_round = open_round(
        admin,
        name="Rapportering 2027",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        deadline=dt.date(2027, 3, 31),
        plans=[plan, other_plan],
    )
    assert current_round() == next_round
    save_update(
        admin,
        update_of(next_round, plan, "A1"),
        {"status": "lopend - vertraagd"},
        expected_version=1,
    )
    save_update(
        admin,
        update_of(next_round, plan, "A2"),
        {"status": "lopend - op schema"},
        expected_version=1,
    )
    save_update(
        admin, update_of(next_round, other_plan, "A1"), {"status": "stopgezet"}, expected_version=1
    )
    found = {
        (w.update.action.plan.title, w.update.action.key): (w.previous.status, w.update.status)
        for w in worsened(next_round)
    }
    assert found == {
        ("Actieplan Veilig Fietsen 2025-2029", "A1"): ("lopend - op schema", "lopend - vertraagd"),
        ("Actieplan Werk 2025-2029", "A1"): ("bijgestuurd", "stopgezet"),
    }
    assert worsened(round_) == []  # nothing before the first round
