"""Storing plan JSON: the round trip, no duplicates, versions, refusals."""

import copy
import json
from pathlib import Path

import pytest

from beleidsmonitor.exceptions import PlanJsonError
from beleidsmonitor.plans.models import ActionActor, Actor, Goal, Plan
from beleidsmonitor.plans.operations.export_plan import export_plan
from beleidsmonitor.plans.operations.import_plan import import_plan

SMALL_PLAN = Path(__file__).parents[1] / "data" / "small-plan.json"

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_json() -> dict:
    return json.loads(SMALL_PLAN.read_text(encoding="utf-8"))


def test_import_stores_goals_actions_and_fields(plan_json):
    result = import_plan(plan_json)
    plan = result.plan
    assert result.status == "created"
    assert result.counts == {
        "goals": 3,
        "actions": 2,
        "indicators": 3,
        "abbreviations": 1,
        "warnings": 1,
    }
    od = Goal.objects.get(plan=plan, key="OD1.1")
    assert od.parent.key == "HD1"
    action = plan.actions.get(key="A1")
    assert action.goal == od
    assert [g.key for g in action.extra_goals.all()] == ["OD1.2"]
    assert str(action.start_date) == "2025-01-01" and str(action.end_date) == "2027-12-31"
    assert action.budget_amount == 1200000
    indicator = action.indicators.get(text="Aantal schoolstraten")
    assert indicator.target == "120" and indicator.target_value == 120
    assert action.indicators.get(kind="percentage").target_value == 40


def test_export_gives_back_the_imported_plan_json(plan_json):
    exported = export_plan(import_plan(plan_json).plan)
    expected = copy.deepcopy(plan_json)
    expected["plan"]["licence"] = "CC BY 4.0"
    for action in expected["actions"]:
        action.setdefault("milestones", [])
        action.setdefault("also_goals", [])
    for goal in expected["goals"]:
        goal.setdefault("text", None)
        goal.setdefault("indicators", [])
    assert exported == expected


def test_export_then_import_on_an_empty_store_restores_the_plan(plan_json):
    first = export_plan(import_plan(plan_json).plan)
    Plan.objects.all().delete()
    again = export_plan(import_plan(first).plan)
    assert again == first


def test_same_document_twice_stores_one_plan(plan_json):
    import_plan(plan_json)
    second = import_plan(copy.deepcopy(plan_json))
    assert second.status == "unchanged"
    assert Plan.objects.count() == 1


def test_changed_document_becomes_a_new_version_and_keeps_the_old(plan_json):
    first = import_plan(plan_json).plan
    changed = copy.deepcopy(plan_json)
    changed["source"]["sha256"] = "another-hash"
    changed["actions"][1]["title"] = "Meldpunt en herstelploeg voor fietspaden"
    result = import_plan(changed)
    assert result.status == "new_version"
    first.refresh_from_db()
    assert not first.is_current and result.plan.is_current
    assert result.plan.version == 2 and result.plan.replaces == first
    assert first.actions.get(key="A2").title == "Meldpunt voor gaten in fietspaden"


def test_actor_written_forms_resolve_to_one_actor(plan_json):
    plan_json["actions"][1]["responsible"] = ["kabinet Mobiliteit"]
    plan_json["actions"][1]["cooperating"] = ["Vlaams minister van Mobiliteit"]
    import_plan(plan_json)
    mobility = Actor.objects.get(name="Minister van Mobiliteit")
    assert set(mobility.aliases.values_list("text", flat=True)) == {
        "Minister van Mobiliteit",
        "kabinet Mobiliteit",
        "Vlaams minister van Mobiliteit",
    }
    assert ActionActor.objects.filter(actor=mobility).count() == 3
    assert Actor.objects.get(name="VVSG").kind == "partner"
    assert Actor.objects.get(name="Minister van Binnenlands Bestuur").kind == "minister"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="other"), "format must be"),
        (lambda d: d["goals"][1].update(parent="HD9"), "parent 'HD9'"),
        (lambda d: d["actions"][0].update(goal="OD7.7"), "goal 'OD7.7'"),
        (lambda d: d["actions"][1].update(id="A1"), "occurs twice"),
        (lambda d: d["actions"][0]["timeline"].update(start="1 maart"), "not an ISO date"),
        (lambda d: d["actions"][0]["budget"].update(amount_eur=-5), "cannot be negative"),
        (lambda d: d.update(goals=[], actions=[]), "no goals and no actions"),
    ],
)
def test_invalid_plan_json_is_refused_and_nothing_is_stored(plan_json, mutate, message):
    mutate(plan_json)
    with pytest.raises(PlanJsonError, match=message):
        import_plan(plan_json)
    assert Plan.objects.count() == 0


def test_a_failure_halfway_leaves_no_half_plan(plan_json, monkeypatch):
    from beleidsmonitor.plans.operations import import_plan as module

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "_store_indicators", broken)
    with pytest.raises(RuntimeError):
        import_plan(plan_json)
    assert Plan.objects.count() == 0 and Goal.objects.count() == 0


def test_import_announces_the_new_plan_inside_its_transaction(plan_json):
    from beleidsmonitor.plans.signals import plan_imported

    seen = []

    def receiver(sender, plan, **kwargs):
        seen.append(plan.title)
        raise RuntimeError("index full")

    plan_imported.connect(receiver)
    try:
        with pytest.raises(RuntimeError):
            import_plan(plan_json)
    finally:
        plan_imported.disconnect(receiver)
    assert seen == ["Actieplan Veilig Fietsen 2025-2029"]
    assert Plan.objects.count() == 0


def test_a_partner_written_as_a_long_sentence_is_stored_whole(plan_json):
    """Measure sheets name partners in sentences of several hundred characters."""
    long_partner = "De lokale besturen en hun partners in het middenveld " * 8
    plan_json["actions"][1]["partners"] = [long_partner.strip()]
    plan = import_plan(plan_json).plan
    link = ActionActor.objects.get(action__plan=plan, role="partner", action__key="A2")
    assert link.written_as == long_partner.strip() and len(link.written_as) > 400
    assert link.actor.name == long_partner.strip()
