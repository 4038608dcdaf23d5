"""Actor resolution and linking on the five real documents (named examples)."""

import pytest

from beleidsmonitor.ingest import parse
from beleidsmonitor.linking.models import LinkStatus
from beleidsmonitor.linking.operations.compute_links import compute_links
from beleidsmonitor.plans.models import ActionActor, ActorAlias, ActorRole
from beleidsmonitor.plans.models.actors import alias_key
from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.corpus import corpus_file
from tests.linking.gold import _proposed, evaluate, find_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(db):
    for prefix in ("000", "001", "002", "003", "004"):
        import_plan(parse(corpus_file(prefix)))
    return compute_links()


def _actor(written: str):
    alias = ActorAlias.objects.select_related("actor").get(key=alias_key(written))
    actor = alias.actor
    while actor.merged_into_id:
        actor = actor.merged_into
    return actor


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        ("Werk", "Minister van Werk"),  # 2016 cabinet column vs 2025 responsible minister
        ("Onderwijs", "Minister van Onderwijs"),
        ("Integratie en Inburgering", "Minister van Integratie en Inburgering"),
        ("AgII", "Agentschap Integratie en Inburgering"),  # written as `... (AgII)` in 002
        ("ABB", "Agentschap Binnenlands Bestuur"),  # 001/004 abbreviation lists
    ],
)
def test_written_forms_resolve_to_one_actor(corpus, written, same_as):
    assert _actor(written) == _actor(same_as)


def test_portfolio_word_in_a_cabinet_column_is_the_minister(corpus):
    links = ActionActor.objects.filter(
        written_as="Welzijn", role__in=[ActorRole.RESPONSIBLE, ActorRole.COOPERATING]
    ).select_related("actor")
    assert links and {link.actor.name for link in links} == {"Minister van Welzijn"}


def test_different_ministers_stay_apart(corpus):
    assert _actor("Minister van Werk") != _actor("Minister van Onderwijs")
    assert _actor("Minister van Welzijn") != _actor("Welzijn, Volksgezondheid en Gezin")


def test_minister_of_work_owes_actions_in_both_periods(corpus):
    periods = {
        link.action.plan.period_start
        for link in _actor("Minister van Werk").action_links.select_related("action__plan")
    }
    assert {2016, 2025} <= periods


@pytest.mark.parametrize(
    ("first", "second"),
    [(("000", "Actie 41"), ("003", "Actie 14")), (("000", "Actie 25"), ("003", "Actie 39")),
     (("000", "Actie 35"), ("003", "Actie 40")), (("000", "OD 4.1"), ("003", "OD 2.2"))],
)  # fmt: skip
def test_clear_overlaps_between_the_2025_plans_are_proposed(corpus, first, second):
    proposal = _proposed(find_item(*first), find_item(*second))
    assert proposal is not None and proposal.status == LinkStatus.PROPOSED
    assert proposal.evidence["terms"]


def test_nt2_measure_of_2016_is_continued_by_a_2025_action(corpus):
    measure = find_item("002", "Kwalitatief en kwantitatief behoeftedekkend aanbod NT2")
    proposal = _proposed(measure, find_item("000", "Actie 10"))
    assert proposal is not None and proposal.kind == "lineage"
    assert "nt2" in {t["term"].lower() for t in proposal.evidence["terms"]}


def test_gold_set_items_are_all_found(corpus):
    assert evaluate().missing == []


def test_policy_note_objectives_show_in_the_lineage_view(corpus, client):
    from beleidsmonitor.plans.models import Plan

    note = Plan.objects.get(source_file__startswith="001_", is_current=True)
    html = client.get(f"/koppelingen/opvolging/{note.pk}/").content.decode()
    assert "OD2.2" in html and "We versterken de taalverwerving" in html
