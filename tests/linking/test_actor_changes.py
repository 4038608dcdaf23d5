"""Merge, split, rename and keep apart: each survives a re-import; glossary merges."""

import copy

import pytest

from beleidsmonitor.linking.models import ActorChange, ActorChangeKind
from beleidsmonitor.linking.operations.actors import (
    ActorChangeError,
    actor_suggestions,
    keep_apart,
    merge_actors,
    reconcile_actors,
    rename_actor,
    split_actor,
)
from beleidsmonitor.linking.permissions import DecisionNotAllowed
from beleidsmonitor.plans.models import ActionActor, Actor, Plan
from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.plans.operations.resolve_actors import resolve_actor
from tests.linking.fixtures import EQUAL_2025, INTEGRATION_2025

pytestmark = pytest.mark.django_db


def _actor(name: str) -> Actor:
    return Actor.objects.get(name=name)


def _reimport(original: dict, tag: str) -> Plan:
    changed = copy.deepcopy(original)
    changed["source"]["sha256"] += tag
    return import_plan(changed).plan


def _actors_of(plan: Plan, written: str) -> set[str]:
    return {
        link.actor.name
        for link in ActionActor.objects.filter(action__plan=plan, written_as=written)
    }


def test_cabinet_word_and_minister_title_are_one_actor(three_plans):
    werk = _actor("Minister van Werk")
    assert {a.text for a in werk.aliases.all()} >= {"Werk", "Minister van Werk"}
    assert {link.action.plan.period_start for link in werk.action_links.all()} == {2016, 2025}


def test_acronym_and_spelled_out_name_are_one_actor_through_the_glossary(three_plans):
    vdab = _actor("VDAB")
    spelled = "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"
    assert spelled in {a.text for a in vdab.aliases.all()}
    assert resolve_actor(spelled, "administration") == vdab


def test_reconcile_merges_two_actors_a_glossary_pairs(three_plans):
    separate = Actor.objects.create(kind="administration", name="Agentschap Opgroeien")
    resolve_actor("Opgroeien regie", "administration")  # unrelated actor stays alone
    short = resolve_actor("AO", "administration")
    assert short != separate
    three_plans[0].abbreviations.create(short="AO", long="Agentschap Opgroeien")
    separate.aliases.create(text="Agentschap Opgroeien")
    changes = reconcile_actors()
    assert [c.kind for c in changes] == [ActorChangeKind.AUTO_MERGE]
    separate.refresh_from_db()
    assert separate.merged_into == short
    assert resolve_actor("Agentschap Opgroeien", "partner") == short


def test_merge_persists_through_a_reimport(three_plans, coordinator):
    equal = _actor("Minister van Gelijke Kansen")
    digital = _actor("Minister van Digitalisering")
    merge_actors(digital, equal, user=coordinator, reason="zelfde portefeuille")
    new_version = _reimport(EQUAL_2025, "-merged")
    assert _actors_of(new_version, "Minister van Digitalisering") == {"Minister van Gelijke Kansen"}
    assert ActorChange.objects.filter(kind=ActorChangeKind.MERGE, actor=equal).exists()


def test_rename_persists_and_old_name_still_resolves(three_plans, coordinator):
    werk = _actor("Minister van Werk")
    rename_actor(werk, "Minister van Werk en Sociale Economie", user=coordinator)
    new_version = _reimport(INTEGRATION_2025, "-renamed")
    assert _actors_of(new_version, "Minister van Werk") == {"Minister van Werk en Sociale Economie"}
    assert resolve_actor("kabinet Werk", "responsible") == werk


def test_rename_refuses_a_name_another_actor_has(three_plans, coordinator):
    with pytest.raises(ActorChangeError):
        rename_actor(_actor("Minister van Werk"), "Minister van Wonen", user=coordinator)


def test_rename_and_split_refuse_a_name_too_long_to_be_one(three_plans, coordinator):
    werk = _actor("Minister van Werk")
    with pytest.raises(ActorChangeError, match="hoogstens 200 tekens"):
        rename_actor(werk, "x" * 400, user=coordinator)
    with pytest.raises(ActorChangeError, match="hoogstens 200 tekens"):
        split_actor(werk, ["Werk"], "Kabinet " * 40, user=coordinator)
    werk.refresh_from_db()
    assert werk.name == "Minister van Werk" and not werk.aliases.filter(text__startswith="x")


def test_split_moves_written_forms_and_survives_a_reimport(three_plans, coordinator):
    werk = _actor("Minister van Werk")
    new = split_actor(werk, ["Werk"], "Kabinet Werk 2014-2019", user=coordinator)
    assert {a.text for a in new.aliases.all()} == {"Werk", "Kabinet Werk 2014-2019"}
    assert _actors_of(three_plans[0], "Werk") == {"Kabinet Werk 2014-2019"}
    assert _actors_of(three_plans[1], "Minister van Werk") == {"Minister van Werk"}
    assert resolve_actor("Werk", "responsible") == new


def test_split_keeps_the_two_apart_from_automatic_merges(three_plans, coordinator):
    vdab = _actor("VDAB")
    spelled = "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"
    split_actor(vdab, [spelled], spelled, user=coordinator)
    assert reconcile_actors() == []
    assert resolve_actor(spelled, "administration").name == spelled


def test_keep_apart_removes_a_suggestion(three_plans, coordinator):
    first = Actor.objects.create(kind="administration", name="Departement Onderwijs en Vorming")
    second = Actor.objects.create(kind="administration", name="Departement OV")
    pairs = {(s.first.pk, s.second.pk) for s in actor_suggestions()}
    assert (first.pk, second.pk) in pairs
    keep_apart(first, second, user=coordinator)
    assert (first.pk, second.pk) not in {(s.first.pk, s.second.pk) for s in actor_suggestions()}


def test_suggestions_say_why(three_plans):
    Actor.objects.create(kind="minister", name="Minister van Werk, Economie en Landbouw")
    reasons = {(s.first.name, s.second.name): s.evidence for s in actor_suggestions()}
    assert (
        "portefeuille 'werk'"
        in reasons[("Minister van Werk", "Minister van Werk, Economie en Landbouw")]
    )


def test_changes_need_a_coordinator(three_plans, reader):
    with pytest.raises(DecisionNotAllowed):
        rename_actor(_actor("Minister van Werk"), "Werkminister", user=reader)
    with pytest.raises(DecisionNotAllowed):
        merge_actors(_actor("Minister van Werk"), _actor("Minister van Wonen"), user=None)
