"""A new version of a plan takes over the open round, updates and coordinators of the
version it replaces (`monitoring/operations/carry_over.py`)."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest

from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    IndicatorValue,
    PlanCoordinator,
    UpdateChange,
)
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.permissions import Operation, allowed
from beleidsmonitor.plans.models import Plan
from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.monitoring.conftest import login, update_of

pytestmark = pytest.mark.django_db


def _second_version(plan_json: dict, *, drop_a2: bool) -> dict:
    """The same plan, corrected: A1's first indicator reworded and its indicators in a
    new order, a new action A3, and (if asked) A2 gone."""
    data = copy.deepcopy(plan_json)
    data["source"] = {**data["source"], "sha256": "tweede-versie"}
    a1 = data["actions"][0]
    a1["indicators"] = [a1["indicators"][1], {**a1["indicators"][0], "text": "Schoolstraten"}]
    a1["indicators"] += plan_json["actions"][0]["indicators"][2:]
    a3 = copy.deepcopy(a1)
    a3.update(id="A3", number="3", title="Fietsenstallingen aan stations")
    data["actions"] = [a for a in data["actions"] if not (drop_a2 and a["id"] == "A2")] + [a3]
    return data


@pytest.fixture
def reported(round_, plan, reporter):
    """A1 of `plan` with a progress, a text and indicator values filled in."""
    update = update_of(round_, plan, "A1")
    values = {
        "progress": 40,
        "narrative": "Twintig gemeenten zijn gestart.",
        "indicators": {
            str(v.indicator_id): Decimal(7)
            for v in update.indicator_values.filter(indicator__kind__in=["count", "percentage"])
        },
    }
    save_update(reporter, update, values, expected_version=update.version)
    return update


def test_a_new_version_takes_over_the_open_round(
    client, plan, other_plan, plan_json, round_, reported, coordinator, reporter
):
    old_values = {v.indicator.text: v.value for v in reported.indicator_values.all()}
    new = import_plan(_second_version(plan_json, drop_a2=False)).plan
    assert new.replaces == plan

    moved = ActionUpdate.objects.get(pk=reported.pk)
    assert moved.action.plan == new and moved.action.key == "A1"
    assert moved.progress == 40 and moved.narrative == "Twintig gemeenten zijn gestart."
    values = {v.indicator.text: v.value for v in moved.indicator_values.all()}
    assert all(v.indicator.action_id == moved.action_id for v in moved.indicator_values.all())
    # the unchanged indicators by their text, the reworded one to the one left over
    assert values["Aandeel scholen met een schoolstraat"] == 7
    assert values["Schoolstraten"] == old_values["Aantal schoolstraten"] == 7
    change = UpdateChange.objects.get(update=moved, field="plan_version")
    assert (change.old, change.new, change.field_label) == (1, 2, "versie van het plan")

    # every update moved: the old version leaves the round, the other plan stays
    assert set(round_.plans.all()) == {new, other_plan}
    a3 = update_of(round_, new, "A3")
    assert a3.state == "draft"
    assert a3.indicator_values.count() == a3.action.indicators.count() == 4
    assert not ActionUpdate.objects.filter(round=round_, action__plan=plan).exists()

    assert PlanCoordinator.objects.filter(user=coordinator, plan=new).exists()
    assert allowed(coordinator, Operation.OPEN_ROUND, [new])
    page = login(client, reporter).get("/rapportering/mijn/").content.decode()
    assert f"/rapportering/rapporteringen/{moved.pk}/" in page


def test_an_update_of_an_action_the_new_version_dropped_stays_visible(
    plan, plan_json, round_, reported
):
    a2 = update_of(round_, plan, "A2")
    new = import_plan(_second_version(plan_json, drop_a2=True)).plan
    assert ActionUpdate.objects.get(pk=a2.pk).action.plan == plan
    assert {plan, new} <= set(round_.plans.all())  # the old version stays covered
    assert ActionUpdate.objects.get(pk=reported.pk).action.plan == new


def test_a_closed_round_stays_with_the_version_it_reported_on(
    admin, plan, plan_json, round_, reported
):
    close_round(admin, round_)
    new = import_plan(_second_version(plan_json, drop_a2=False)).plan
    assert ActionUpdate.objects.get(pk=reported.pk).action.plan == plan
    assert new not in round_.plans.all()
    later = open_round(
        admin,
        name="Rapportering 2027",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        deadline=dt.date(2027, 3, 31),
        plans=[new],
    )
    assert later.updates.count() == new.actions.count()


def test_a_failed_carry_over_leaves_the_old_version_current(
    monkeypatch, plan, plan_json, round_, reported
):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("beleidsmonitor.monitoring.operations.carry_over.create_updates", broken)
    with pytest.raises(RuntimeError):
        import_plan(_second_version(plan_json, drop_a2=False))
    assert Plan.objects.get(pk=plan.pk).is_current
    assert Plan.objects.filter(replaces=plan).count() == 0
    assert ActionUpdate.objects.get(pk=reported.pk).action.plan == plan


def test_a_form_opened_before_the_import_is_refused_as_out_of_date(
    plan, plan_json, round_, reported, reporter
):
    from beleidsmonitor.monitoring.errors import ConflictError

    opened_at = reported.version
    import_plan(_second_version(plan_json, drop_a2=False))
    moved = ActionUpdate.objects.get(pk=reported.pk)
    assert moved.version == opened_at + 1
    with pytest.raises(ConflictError):
        save_update(reporter, moved, {"narrative": "te laat"}, expected_version=opened_at)


def test_an_inserted_action_does_not_shift_the_reports(plan, plan_json, round_, reported):
    # keys are positions: an action inserted first renumbers the others
    data = copy.deepcopy(plan_json)
    data["source"] = {**data["source"], "sha256": "ingevoegd"}
    inserted = {**copy.deepcopy(data["actions"][1]), "title": "Fietsstraten rond scholen"}
    data["actions"] = [
        {**action, "id": f"A{n}", "number": str(n)}
        for n, action in enumerate([inserted, *data["actions"]], start=1)
    ]
    new = import_plan(data).plan
    moved = ActionUpdate.objects.get(pk=reported.pk)
    assert moved.action.plan == new and moved.action.key == "A2"
    assert moved.action.title == "Schoolstraten in elke gemeente"
    assert update_of(round_, new, "A1").narrative == ""  # the inserted action starts empty


def test_a_reworded_indicator_of_another_kind_does_not_take_the_value(
    plan, plan_json, round_, reported
):
    data = _second_version(plan_json, drop_a2=False)
    reworded = data["actions"][0]["indicators"][1]
    reworded.update(text="Aandeel gemeenten met een fietsplan", kind="percentage", target="50%")
    new = import_plan(data).plan
    moved = ActionUpdate.objects.get(pk=reported.pk)
    value = moved.indicator_values.get(indicator__text="Aandeel gemeenten met een fietsplan")
    assert value.value is None  # the count of 7 is no percentage
    kept = IndicatorValue.objects.get(update=moved, indicator__text="Aantal schoolstraten")
    assert kept.value == 7 and kept.indicator.action.plan == plan
    assert new.is_current


def test_a_moved_value_can_still_be_restored_from_the_history(
    plan, plan_json, round_, reported, coordinator
):
    from beleidsmonitor.monitoring.operations.restore_from_history import restore_from_history

    change = UpdateChange.objects.filter(update=reported, field__startswith="indicator:").first()
    import_plan(_second_version(plan_json, drop_a2=False))
    change.refresh_from_db()
    moved = ActionUpdate.objects.get(pk=reported.pk)
    indicator_id = int(change.field.split(":")[1])
    assert moved.indicator_values.filter(indicator_id=indicator_id).exists()
    restore_from_history(coordinator, change, expected_version=moved.version)
    assert moved.indicator_values.get(indicator_id=indicator_id).value is None  # the old value


def test_only_the_plans_coordinators_or_staff_import_its_new_version(
    plan, other_plan, plan_json, round_, reported, coordinator
):
    from django.contrib.auth import get_user_model

    from beleidsmonitor.monitoring.permissions import NotAllowed

    outsider = get_user_model().objects.create_user("werk", password="pw")
    PlanCoordinator.objects.create(user=outsider, plan=other_plan)
    with pytest.raises(NotAllowed):
        import_plan(_second_version(plan_json, drop_a2=False), user=outsider)
    assert Plan.objects.get(pk=plan.pk).is_current
    assert ActionUpdate.objects.get(pk=reported.pk).action.plan == plan
    new = import_plan(_second_version(plan_json, drop_a2=False), user=coordinator).plan
    assert ActionUpdate.objects.get(pk=reported.pk).action.plan == new


def test_an_action_dropped_and_restored_finds_its_update_again(plan, plan_json, round_):
    a2 = update_of(round_, plan, "A2")
    import_plan(_second_version(plan_json, drop_a2=True))  # A2 gone: its update stays
    back = _second_version(plan_json, drop_a2=False)
    back["source"]["sha256"] = "derde-versie"
    third = import_plan(back).plan
    assert ActionUpdate.objects.get(pk=a2.pk).action.plan == third
    assert (
        ActionUpdate.objects.filter(round=round_, action__plan=third, action__key="A2").count() == 1
    )
    assert set(round_.plans.filter(reporting_rounds=round_)) >= {third}
    assert not ActionUpdate.objects.filter(round=round_, action__plan=plan).exists()
