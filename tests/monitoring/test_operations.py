"""The operations one by one: round opening, saving, workflow steps, history, restore."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from beleidsmonitor.monitoring.errors import InvalidValues, WorkflowError
from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue, UpdateChange
from beleidsmonitor.monitoring.operations.approve import approve_update
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.operations.publish import publish_update
from beleidsmonitor.monitoring.operations.restore_from_history import restore_from_history
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.send_back import send_back
from beleidsmonitor.monitoring.operations.submit import submit_update

pytestmark = pytest.mark.django_db


def test_opening_a_round_gives_every_action_in_scope_an_empty_update(round_, plan, other_plan):
    updates = ActionUpdate.objects.filter(round=round_)
    assert updates.count() == plan.actions.count() + other_plan.actions.count() == 4
    assert set(updates.values_list("state", flat=True)) == {"draft"}
    assert set(updates.values_list("status", flat=True)) == {""}
    a1 = updates.get(action__plan=plan, action__key="A1")
    values = IndicatorValue.objects.filter(update=a1)
    assert values.count() == 4
    falling = values.get(indicator__text__startswith="Aantal meldingen")
    assert falling.baseline == 200 and falling.target == 100
    assert (falling.period_start, falling.period_end) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
    )
    assert a1.changes.get().note == "ronde 'Rapportering 2026' geopend"


def test_a_round_outside_its_scope_gets_no_updates(admin, plan, other_plan):
    round_ = open_round(
        admin,
        name="Alleen fietsen",
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        deadline=dt.date(2026, 1, 31),
        plans=[plan],
    )
    assert {u.action.plan_id for u in round_.updates.all()} == {plan.pk}


def test_open_round_refuses_a_reversed_period_and_a_duplicate_name(admin, round_, plan):
    with pytest.raises(InvalidValues) as refused:
        open_round(
            admin,
            name="Rapportering 2026",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2025, 1, 1),
            deadline=dt.date(2026, 1, 31),
            plans=[plan],
        )
    assert "bestaat al" in refused.value.errors["name"]
    assert "voor het begin" in refused.value.errors["period_end"]


def test_save_update_stores_values_and_records_each_change(reporter, own_update):
    falling = own_update.indicator_values.get(indicator__text__startswith="Aantal meldingen")
    changed = save_update(
        reporter,
        own_update,
        {
            "status": "lopend - op schema",
            "progress": 40,
            "narrative": "Eerste\r\nschoolstraten",
            "budget_spent": Decimal("1250.50"),
            "evidence_links": ["https://example.org/verslag"],
            "indicators": {falling.indicator_id: Decimal(150)},
        },
        expected_version=1,
    )
    own_update.refresh_from_db()
    falling.refresh_from_db()
    assert own_update.version == 2 and own_update.updated_by == reporter
    assert own_update.narrative == "Eerste\nschoolstraten"
    assert falling.value == 150 and falling.attainment == Decimal("0.5")
    assert set(changed) == {
        "status",
        "progress",
        "narrative",
        "budget_spent",
        "evidence_links",
        f"indicator:{falling.indicator_id}",
    }
    change = own_update.changes.get(field="budget_spent")
    assert (change.old, change.new, change.user, change.version) == (None, "1250.5", reporter, 2)


def test_saving_the_same_values_again_changes_nothing(reporter, own_update):
    values = {"status": "niet gestart", "narrative": "x", "progress": 0}
    save_update(reporter, own_update, values, expected_version=1)
    assert save_update(reporter, own_update, values, expected_version=2) == []
    own_update.refresh_from_db()
    assert own_update.version == 2


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"progress": -5}, "progress", "Voortgang kan niet negatief zijn."),
        ({"progress": 101}, "progress", "Voortgang kan niet meer dan 100% zijn."),
        ({"budget_spent": Decimal(-1)}, "budget_spent", "Besteed budget kan niet negatief zijn."),
        ({"status": "bijna klaar"}, "status", "Kies een van de statussen"),
        ({"evidence_links": ["geen link"]}, "evidence_links", "geen geldige link"),
    ],
)
def test_save_update_refuses_invalid_values_in_dutch(reporter, own_update, values, field, message):
    with pytest.raises(InvalidValues) as refused:
        save_update(reporter, own_update, values, expected_version=1)
    assert message in refused.value.errors[field]
    own_update.refresh_from_db()
    assert own_update.version == 1 and own_update.changes.count() == 1


def test_the_workflow_moves_draft_submitted_sent_back_approved_published(
    reporter, coordinator, own_update
):
    save_update(reporter, own_update, {"status": "lopend - vertraagd"}, expected_version=1)
    submit_update(reporter, own_update)
    assert own_update.state == "submitted" and own_update.submitted_at
    with pytest.raises(WorkflowError):
        save_update(reporter, own_update, {"progress": 10}, expected_version=own_update.version)
    send_back(coordinator, own_update, "Welke gemeenten?")
    assert own_update.state == "sent_back" and own_update.review_comment == "Welke gemeenten?"
    save_update(
        reporter, own_update, {"narrative": "Gent en Leuven"}, expected_version=own_update.version
    )
    submit_update(reporter, own_update)
    approve_update(coordinator, own_update)
    publish_update(coordinator, own_update)
    assert own_update.state == "published" and own_update.published_at
    states = [(c.old, c.new) for c in own_update.changes.filter(field="state").order_by("pk")]
    assert states == [
        (None, "draft"),
        ("draft", "submitted"),
        ("submitted", "sent_back"),
        ("sent_back", "submitted"),
        ("submitted", "approved"),
        ("approved", "published"),
    ]


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("approve", "dit kan alleen als ze ingediend is"),
        ("publish", "dit kan alleen als ze goedgekeurd is"),
        ("submit_without_status", "Vul eerst een status in"),
    ],
)
def test_steps_out_of_order_are_refused(admin, own_update, step, message):
    action = {
        "approve": lambda: approve_update(admin, own_update),
        "publish": lambda: publish_update(admin, own_update),
        "submit_without_status": lambda: submit_update(admin, own_update),
    }[step]
    with pytest.raises(WorkflowError, match=message):
        action()
    own_update.refresh_from_db()
    assert own_update.state == "draft"


def test_send_back_needs_a_comment(reporter, coordinator, own_update):
    save_update(reporter, own_update, {"status": "gerealiseerd"}, expected_version=1)
    submit_update(reporter, own_update)
    with pytest.raises(InvalidValues, match="opmerking"):
        send_back(coordinator, own_update, "   ")
    own_update.refresh_from_db()
    assert own_update.state == "submitted"


def test_a_closed_round_takes_no_more_reports(admin, reporter, round_, own_update):
    close_round(admin, round_)
    with pytest.raises(WorkflowError, match="afgesloten"):
        save_update(reporter, own_update, {"progress": 5}, expected_version=1)
    with pytest.raises(WorkflowError, match="al afgesloten"):
        close_round(admin, round_)


def test_restore_puts_back_an_old_value_and_records_that_too(reporter, coordinator, own_update):
    save_update(reporter, own_update, {"narrative": "eerste versie"}, expected_version=1)
    save_update(reporter, own_update, {"narrative": "tweede versie"}, expected_version=2)
    second = own_update.changes.get(field="narrative", new="tweede versie")
    restore_from_history(coordinator, second)
    own_update.refresh_from_db()
    assert own_update.narrative == "eerste versie" and own_update.version == 4
    restored = own_update.changes.order_by("pk").last()
    assert (restored.field, restored.old, restored.new, restored.user) == (
        "narrative",
        "tweede versie",
        "eerste versie",
        coordinator,
    )
    assert restored.note == f"hersteld uit wijziging {second.pk}"


def test_restore_works_for_numbers_and_indicator_values(reporter, coordinator, own_update):
    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    save_update(
        reporter,
        own_update,
        {"budget_spent": Decimal("10.25"), "indicators": {count.indicator_id: Decimal(12)}},
        expected_version=1,
    )
    save_update(
        reporter,
        own_update,
        {"budget_spent": Decimal("99"), "indicators": {count.indicator_id: Decimal(30)}},
        expected_version=2,
    )
    restore_from_history(coordinator, own_update.changes.get(field="budget_spent", new="99"))
    restore_from_history(
        coordinator, own_update.changes.get(field=f"indicator:{count.indicator_id}", new="30")
    )
    own_update.refresh_from_db()
    count.refresh_from_db()
    assert own_update.budget_spent == Decimal("10.25") and count.value == 12


NO_LONGER_AN_INDICATOR = (
    "Deze indicator hoort niet meer bij de rapportering; de oude waarde kan niet teruggezet worden."
)


def test_restoring_an_indicator_the_update_no_longer_has_is_a_workflow_error(
    reporter, coordinator, own_update
):
    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    save_update(
        reporter, own_update, {"indicators": {count.indicator_id: Decimal(12)}}, expected_version=1
    )
    change = own_update.changes.get(field=f"indicator:{count.indicator_id}")
    # as a newer version of the plan without this indicator leaves the update
    count.delete()
    with pytest.raises(WorkflowError) as refused:
        restore_from_history(coordinator, change, expected_version=2)
    assert str(refused.value) == NO_LONGER_AN_INDICATOR
    own_update.refresh_from_db()
    assert own_update.version == 2
    assert not own_update.changes.filter(note__startswith="hersteld").exists()


def test_the_workflow_state_is_not_restorable(reporter, coordinator, own_update):
    save_update(reporter, own_update, {"status": "gerealiseerd"}, expected_version=1)
    submit_update(reporter, own_update)
    state_change = UpdateChange.objects.get(update=own_update, field="state", new="submitted")
    with pytest.raises(WorkflowError):
        restore_from_history(coordinator, state_change)
    own_update.refresh_from_db()
    assert own_update.state == "submitted"
