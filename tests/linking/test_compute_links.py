"""`compute_links`: what it proposes, and that decisions survive re-runs and re-imports."""

import copy

import pytest

from beleidsmonitor.linking.models import LinkKind, LinkProposal, LinkStatus
from beleidsmonitor.linking.operations.compute_links import compute_links, merge_mutual, relation
from beleidsmonitor.linking.operations.decide_link import decide_link
from beleidsmonitor.linking.permissions import DecisionNotAllowed
from beleidsmonitor.linking.similarity import THRESHOLD, Item, Match
from beleidsmonitor.plans.models import Plan
from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.linking.fixtures import INTEGRATION_2025, MEASURES_2016, _action, plans

pytestmark = pytest.mark.django_db


def _link(kind, source_key, target_key):
    return LinkProposal.objects.filter(
        kind=kind, source_key=source_key, target_key=target_key, is_current=True
    ).first()


def test_relation_of_plans_by_period(three_plans):
    old, integration, equal = three_plans
    assert relation(old, integration) == LinkKind.LINEAGE
    assert relation(integration, old) is None
    assert {relation(integration, equal), relation(equal, integration)} == {LinkKind.OVERLAP, None}


def test_link_proposes_lineage_and_overlap_with_evidence(three_plans):
    result = compute_links()
    lineage = _link(LinkKind.LINEAGE, "OD1.1/M1", "A1")
    assert lineage is not None and lineage.status == LinkStatus.PROPOSED
    assert lineage.source_action.plan == three_plans[0]
    assert lineage.target_action.plan == three_plans[1]
    assert "Minister van Werk" in lineage.evidence["actors"]
    assert any(t["term"] == "werkzoekenden" for t in lineage.evidence["terms"])
    overlap = LinkProposal.objects.get(
        kind=LinkKind.OVERLAP, source_kind="action", source_title__startswith="Praktijktesten"
    )
    assert overlap.target_title.startswith("Evaluatie van de praktijktesten")
    assert result.by_kind[LinkKind.LINEAGE] >= 1 and result.by_kind[LinkKind.OVERLAP] >= 1


def test_look_alike_without_substance_is_not_proposed(three_plans):
    compute_links()
    caravan = LinkProposal.objects.filter(source_key="OD2.1/M2", is_current=True)
    assert not caravan.exists()


def test_confirmed_link_survives_a_rerun_and_rejected_stays_rejected(three_plans, coordinator):
    compute_links()
    confirmed = decide_link(
        _link(LinkKind.LINEAGE, "OD1.1/M1", "A1"), "confirmed", user=coordinator
    )
    rejected = decide_link(_link(LinkKind.LINEAGE, "OD2.1/M1", "A2"), "rejected", user=coordinator)
    result = compute_links()
    confirmed.refresh_from_db()
    rejected.refresh_from_db()
    assert confirmed.status == LinkStatus.CONFIRMED and confirmed.decided_by == coordinator
    assert rejected.status == LinkStatus.REJECTED
    assert result.kept_decisions == 2 and result.new == 0


def test_confirmed_link_survives_a_reimport_of_both_plans(three_plans, coordinator):
    compute_links()
    proposal = decide_link(_link(LinkKind.LINEAGE, "OD1.1/M1", "A1"), "confirmed", user=coordinator)
    for original in (MEASURES_2016, INTEGRATION_2025):
        changed = copy.deepcopy(original)
        changed["source"]["sha256"] += "-v2"
        changed["actions"][0]["description"] += " Nieuwe zin in versie twee."
        assert import_plan(changed).status == "new_version"
    compute_links()
    proposal.refresh_from_db()
    assert proposal.status == LinkStatus.CONFIRMED
    assert proposal.source_action.plan.is_current and proposal.source_action.plan.version == 2
    assert proposal.target_action.plan.is_current and proposal.target_action.plan.version == 2
    assert LinkProposal.objects.filter(source_key="OD1.1/M1", target_key="A1").count() == 1


def test_decision_follows_a_measure_whose_key_moved(three_plans, coordinator):
    compute_links()
    proposal = decide_link(_link(LinkKind.LINEAGE, "OD1.1/M1", "A1"), "confirmed", user=coordinator)
    changed = copy.deepcopy(MEASURES_2016)
    changed["source"]["sha256"] += "-renumbered"
    changed["actions"][0]["id"] = "OD1.1/M7"  # a parser that ranks measures differently
    import_plan(changed)
    compute_links()
    proposal.refresh_from_db()
    assert proposal.status == LinkStatus.CONFIRMED
    assert proposal.source_key == "OD1.1/M7" and proposal.source_action.plan.version == 2


def test_decision_kept_when_its_item_disappears_but_marked_not_current(three_plans, coordinator):
    compute_links()
    proposal = decide_link(_link(LinkKind.LINEAGE, "OD1.1/M1", "A1"), "confirmed", user=coordinator)
    changed = copy.deepcopy(MEASURES_2016)
    changed["source"]["sha256"] += "-without"
    del changed["actions"][0]
    import_plan(changed)
    compute_links()
    proposal.refresh_from_db()
    assert proposal.status == LinkStatus.CONFIRMED and proposal.is_current is False


def test_undecided_proposal_that_no_longer_scores_is_removed(three_plans):
    compute_links()
    assert _link(LinkKind.LINEAGE, "OD1.1/M1", "A1") is not None
    changed = copy.deepcopy(INTEGRATION_2025)
    changed["source"]["sha256"] += "-other"
    changed["actions"][0].update(
        title="Fietspaden onderhouden",
        description="Asfalt en verlichting.",
        indicators=[],
        administrations=[],
    )
    import_plan(changed)
    result = compute_links()
    assert _link(LinkKind.LINEAGE, "OD1.1/M1", "A1") is None
    assert result.removed >= 1


def test_only_a_coordinator_decides(three_plans, reader):
    compute_links()
    with pytest.raises(DecisionNotAllowed):
        decide_link(_link(LinkKind.LINEAGE, "OD1.1/M1", "A1"), "confirmed", user=reader)


def test_link_command_prints_a_summary(three_plans):
    from click.testing import CliRunner

    from beleidsmonitor.cli import main

    outcome = CliRunner().invoke(main, ["link"])
    assert outcome.exit_code == 0, outcome.output
    assert "proposals" in outcome.output and "lineage" in outcome.output
    assert Plan.objects.count() == 3


@pytest.fixture
def drifted_plans(db):
    """The three plans plus a 2016 measure whose 2025 successor says it in other words."""
    old, integration, equal = plans()
    old["actions"].append(
        _action(
            "OD1.1/M9",
            "Expertendatabank wordt uitgebouwd en bekendgemaakt bij journalisten",
            "OD1.1",
            "De databank helpt journalisten om experts van buitenlandse herkomst aan bod te "
            "laten vanuit hun expertise, voor een genuanceerde beeldvorming.",
        )
    )
    integration["actions"].append(
        _action(
            "A9",
            "Lerend netwerk genuanceerde narratieven",
            "HD2",
            "We faciliteren een lerend netwerk om expertise over genuanceerde beeldvorming "
            "en impactvolle communicatie uit te wisselen.",
        )
    )
    return tuple(import_plan(data).plan for data in (old, integration, equal))


def test_mutual_best_lineage_is_proposed_below_the_threshold(drifted_plans):
    compute_links(mutual=False)
    assert _link(LinkKind.LINEAGE, "OD1.1/M9", "A9") is None  # the threshold misses it
    compute_links()
    proposal = _link(LinkKind.LINEAGE, "OD1.1/M9", "A9")
    assert proposal is not None and proposal.score < THRESHOLD and proposal.is_weak
    # what the threshold finds is never weak, whatever threshold a run uses
    assert not LinkProposal.objects.filter(weak=True, score__gte=THRESHOLD).exists()
    mutual = proposal.evidence["mutual"]
    assert mutual["target_rank"] == 1 and mutual["source_rank"] <= 2
    assert "beeldvorming" in mutual["terms"] and proposal.evidence["terms"]
    # the rule is for lineage only: within one period the threshold decides
    assert not LinkProposal.objects.filter(
        kind=LinkKind.OVERLAP, evidence__has_key="mutual"
    ).exists()


def test_mutual_best_decisions_survive_reruns(drifted_plans, coordinator):
    compute_links()
    confirmed = decide_link(
        _link(LinkKind.LINEAGE, "OD1.1/M9", "A9"), "confirmed", user=coordinator
    )
    result = compute_links(mutual=False)  # even when the rule is off, a decision stays
    confirmed.refresh_from_db()
    assert confirmed.status == LinkStatus.CONFIRMED and confirmed.is_current
    compute_links()
    confirmed.refresh_from_db()
    assert confirmed.status == LinkStatus.CONFIRMED and result.kept_decisions == 1
    assert LinkProposal.objects.filter(source_key="OD1.1/M9", target_key="A9").count() == 1


def test_merge_mutual_adds_missed_pairs_and_evidence_to_found_ones():
    def item(ref):
        return Item(ref=ref, group=ref[0], key=ref, title=ref)

    found = Match(item("o1"), item("n1"), 0.5, {"terms": []})
    same = Match(item("o1"), item("n1"), 0.5, {"mutual": {"similarity": 0.3}})
    extra = Match(item("o2"), item("n2"), 0.1, {"mutual": {"similarity": 0.2}})
    merged = merge_mutual([found], [same, extra])
    assert [(m.source.ref, m.target.ref) for m in merged] == [("o1", "n1"), ("o2", "n2")]
    assert merged[0] is found and found.evidence["mutual"] == {"similarity": 0.3}


def test_weak_candidates_are_lineage_pairs_that_do_not_pick_each_other(drifted_plans):
    compute_links(threshold=0.05)  # low enough for the threshold to find the pair itself
    proposal = _link(LinkKind.LINEAGE, "OD1.1/M9", "A9")
    assert proposal is not None and not proposal.is_weak
    assert proposal.evidence["best_match"] == {"of_source": True, "of_target": True}
    weak = LinkProposal.objects.filter(weak=True)
    assert weak.exists() and not weak.exclude(kind=LinkKind.LINEAGE).exists()
    for link in weak:
        best = link.evidence.get("best_match")
        assert "mutual" in link.evidence or not (best["of_source"] and best["of_target"])
    # within one period the threshold alone decides
    assert not LinkProposal.objects.filter(kind=LinkKind.OVERLAP, weak=True).exists()
    compute_links(threshold=0.9)  # nothing passes: what is left came from the mutual rule
    remaining = LinkProposal.objects.filter(is_current=True)
    assert remaining.exists()
    assert all(p.is_weak and p.kind == LinkKind.LINEAGE for p in remaining)
