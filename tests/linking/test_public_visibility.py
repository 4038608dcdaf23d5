"""Anonymous visitors see confirmed links only, on every linking page as in /api/links;
a logged-in user keeps seeing the proposals and the weak candidates.

The three small plans give four links: two lineage pairs and two overlap pairs. Here one
of each kind is confirmed, one overlap pair stays proposed and one lineage pair is a weak
candidate, so each page has something to show and something to hold back."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from beleidsmonitor.linking.models import LinkKind, LinkProposal, LinkStatus, sees_proposals
from beleidsmonitor.linking.operations.compute_links import compute_links
from beleidsmonitor.linking.similarity import THRESHOLD
from beleidsmonitor.linking.views.links import action_link_rows
from beleidsmonitor.plans.models import Plan

pytestmark = pytest.mark.django_db

NOTICE = "Je ziet alleen bevestigde koppelingen. Meld je aan om voorstellen te beoordelen."


@dataclass
class Links:
    measures: Plan
    integration: Plan
    equal: Plan
    confirmed: LinkProposal  # lineage OD1.1/M1 -> A1
    confirmed_overlap: LinkProposal  # goals HD2 -> HD1
    proposed: LinkProposal  # overlap A3 -> A1, undecided
    weak: LinkProposal  # lineage OD2.1/M1 -> A2, a weak candidate


def _link(kind: str, source_key: str, target_key: str) -> LinkProposal:
    return LinkProposal.objects.get(kind=kind, source_key=source_key, target_key=target_key)


@pytest.fixture
def links(three_plans) -> Links:
    compute_links()
    confirmed = _link(LinkKind.LINEAGE, "OD1.1/M1", "A1")
    confirmed_overlap = _link(LinkKind.OVERLAP, "HD2", "HD1")
    for link in (confirmed, confirmed_overlap):
        link.status = LinkStatus.CONFIRMED
        link.save(update_fields=["status"])
    weak = _link(LinkKind.LINEAGE, "OD2.1/M1", "A2")
    weak.score, weak.weak = THRESHOLD - 0.1, True
    weak.save(update_fields=["score", "weak"])
    proposed = _link(LinkKind.OVERLAP, "A3", "A1")
    assert proposed.status == LinkStatus.PROPOSED and not proposed.is_weak
    assert weak.is_weak
    return Links(*three_plans, confirmed, confirmed_overlap, proposed, weak)


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _row(link: LinkProposal) -> str:
    return f'id="voorstel-{link.pk}"'


# the rule


def test_the_rule_lets_only_logged_in_users_see_proposals(links, reader):
    everything = set(LinkProposal.objects.values_list("pk", flat=True))
    confirmed = {links.confirmed.pk, links.confirmed_overlap.pk}
    for nobody in (None, AnonymousUser()):
        assert not sees_proposals(nobody)
        assert set(LinkProposal.objects.visible_to(nobody).values_list("pk", flat=True)) == (
            confirmed
        )
    assert sees_proposals(reader)
    assert set(LinkProposal.objects.visible_to(reader).values_list("pk", flat=True)) == (everything)


# the review list and its JSON


@pytest.mark.parametrize(
    "query",
    ["", "?status=proposed", "?zekerheid=zwak", "?status=alle&zekerheid=alle", "?status=rejected"],
)
def test_anonymous_review_list_shows_confirmed_links_only(client, links, query):
    html = _html(client, f"/koppelingen/{query}")
    assert _row(links.confirmed) in html and _row(links.confirmed_overlap) in html
    assert _row(links.proposed) not in html
    assert _row(links.weak) not in html
    assert "zwakke kandidaat" not in html
    assert "2 bevestigde koppelingen" in html


def test_anonymous_review_list_hides_status_and_strength_filters(client, links):
    html = _html(client, "/koppelingen/")
    assert NOTICE in html
    assert 'name="status"' not in html and 'name="zekerheid"' not in html
    assert 'name="soort"' in html and 'name="plan"' in html  # these still make sense
    assert "Zwakke kandidaten" not in html  # the intro about proposals is not for them


def test_anonymous_review_list_filters_confirmed_links_by_kind_and_plan(client, links):
    lineage = _html(client, "/koppelingen/?soort=lineage")
    assert _row(links.confirmed) in lineage and _row(links.confirmed_overlap) not in lineage
    by_plan = _html(client, f"/koppelingen/?plan={links.measures.pk}")
    assert _row(links.confirmed) in by_plan and _row(links.confirmed_overlap) not in by_plan
    none = _html(client, f"/koppelingen/?soort=overlap&plan={links.measures.pk}")
    assert "Geen bevestigde koppelingen." in none and "Geen voorstellen." not in none


def test_logged_in_review_list_still_shows_proposals_and_weak_candidates(client, links, reader):
    client.force_login(reader)
    default = _html(client, "/koppelingen/")
    assert _row(links.proposed) in default
    assert _row(links.confirmed) not in default and _row(links.weak) not in default
    assert NOTICE not in default
    assert 'name="status"' in default and 'name="zekerheid"' in default
    assert "1 voorstel<" in default
    weak = _html(client, "/koppelingen/?zekerheid=zwak")
    assert _row(links.weak) in weak and "zwakke kandidaat" in weak
    everything = _html(client, "/koppelingen/?status=alle&zekerheid=alle")
    for link in (links.confirmed, links.confirmed_overlap, links.proposed, links.weak):
        assert _row(link) in everything


@pytest.mark.parametrize(
    "query", ["", "?status=proposed", "?zekerheid=zwak", "?status=alle&zekerheid=alle"]
)
def test_anonymous_links_json_lists_confirmed_links_only(client, links, query):
    data = client.get(f"/koppelingen/voorstellen.json{query}").json()
    ids = {link["id"] for link in data["links"]}
    assert ids == {links.confirmed.pk, links.confirmed_overlap.pk}
    assert data["count"] == 2
    assert {link["status"] for link in data["links"]} == {"confirmed"}
    assert data["filters"]["status"] == "confirmed"


def test_logged_in_links_json_still_lists_proposals_and_weak_candidates(client, links, reader):
    client.force_login(reader)
    default = {link["id"] for link in client.get("/koppelingen/voorstellen.json").json()["links"]}
    assert default == {links.proposed.pk, links.weak.pk}
    everything = client.get("/koppelingen/voorstellen.json?status=alle").json()
    assert everything["count"] == 4


def test_links_json_and_the_api_agree_on_who_sees_what(client, links, reader):
    def ids(url: str) -> set[int]:
        body = client.get(url).json()
        return {link["id"] for link in body.get("links", body.get("items", []))}

    web, api = "/koppelingen/voorstellen.json?status=alle", "/api/links?limit=500"
    assert ids(web) == ids(api) == {links.confirmed.pk, links.confirmed_overlap.pk}
    client.force_login(reader)  # a browser session counts for the API as well
    assert ids(web) == ids(api) == set(LinkProposal.objects.values_list("pk", flat=True))


# the lineage view


@pytest.mark.parametrize("held_back", ["proposed", "weak"])
def test_anonymous_lineage_view_shows_confirmed_successors_only(client, links, held_back):
    if held_back == "proposed":  # the same pair, as an undecided proposal that is not weak
        links.weak.weak = False
        links.weak.save(update_fields=["weak"])
    html = _html(client, f"/koppelingen/opvolging/{links.measures.pk}/")
    assert "Toeleiding van anderstalige werkzoekenden" in html  # the confirmed successor
    assert "Projectoproep toeleiding anderstalige ouders" not in html
    assert "(voorstel " not in html and "zwakke kandidaat" not in html
    assert "1 met een bevestigde opvolger" in html
    assert NOTICE in html and "cursief" not in html
    later = _html(client, f"/koppelingen/opvolging/{links.integration.pk}/")
    assert "OD1.1/M1" in later and "OD2.1/M1" not in later  # predecessors alike


def test_logged_in_lineage_view_still_shows_proposals_and_weak_candidates(client, links, reader):
    client.force_login(reader)
    html = _html(client, f"/koppelingen/opvolging/{links.measures.pk}/")
    assert "Toeleiding van anderstalige werkzoekenden" in html
    assert "Projectoproep toeleiding anderstalige ouders" in html and "(zwakke kandidaat " in html
    assert NOTICE not in html and "cursief" in html
    links.weak.weak = False
    links.weak.save(update_fields=["weak"])
    assert "(voorstel " in _html(client, f"/koppelingen/opvolging/{links.measures.pk}/")


# the overlap matrix


def _matrix(client, links: Links, query: str = "") -> str:
    return _html(client, f"/koppelingen/overlap/{links.integration.pk}/{links.equal.pk}/{query}")


def _cell_query(links: Links) -> str:
    row = links.integration.goals.get(key="HD2")
    col = links.equal.goals.get(key="HD1")
    return f"?rij={row.pk}&kolom={col.pk}"


def test_anonymous_overlap_matrix_counts_confirmed_links_only(client, links):
    html = _matrix(client, links)
    assert 'tussen HD2 en HD1">1</a>' in html
    assert "Totaal: 1." in html and "(bevestigd)" in html and "voorgesteld of" not in html
    assert NOTICE in html
    pairs = _matrix(client, links, _cell_query(links))
    assert "HD2: We bestrijden discriminatie en racisme" in pairs  # the confirmed goal pair
    assert "Praktijktesten tegen discriminatie" not in pairs  # the proposed action pair
    assert "Evaluatie van de praktijktesten" not in pairs


def test_logged_in_overlap_matrix_still_counts_proposals(client, links, reader):
    client.force_login(reader)
    html = _matrix(client, links)
    assert 'tussen HD2 en HD1">2</a>' in html
    assert "Totaal: 2." in html and "(voorgesteld of bevestigd)" in html
    assert NOTICE not in html
    pairs = _matrix(client, links, _cell_query(links))
    assert "HD2: We bestrijden discriminatie en racisme" in pairs
    assert "Praktijktesten tegen discriminatie" in pairs


def test_the_overlap_matrix_counts_nothing_for_anonymous_without_confirmed_overlap(client, links):
    links.confirmed_overlap.status = LinkStatus.PROPOSED
    links.confirmed_overlap.save(update_fields=["status"])
    html = _matrix(client, links)
    assert 'class="hit"' not in html and "Totaal: 0." in html


# one action's links


def _action_page(client, links: Links, key: str) -> str:
    action = links.integration.actions.get(key=key)
    return _html(client, f"/koppelingen/acties/{action.pk}/")


def test_anonymous_action_links_page_shows_confirmed_links_only(client, links):
    confirmed = _action_page(client, links, "A1")
    assert "zet voort" in confirmed and "Maatwerk in de bemiddeling" in confirmed
    assert NOTICE in confirmed
    weak = _action_page(client, links, "A2")
    assert "Kwalitatief en kwantitatief behoeftedekkend aanbod" not in weak
    assert "zwakke kandidaat" not in weak
    assert "Geen voorgangers, opvolgers of overlappende acties gevonden." in weak
    proposed = _action_page(client, links, "A3")
    assert "Evaluatie van de praktijktesten" not in proposed
    assert "overlapt met" not in proposed


def test_logged_in_action_links_page_still_shows_proposals(client, links, reader):
    client.force_login(reader)
    assert "Maatwerk in de bemiddeling" in _action_page(client, links, "A1")
    weak = _action_page(client, links, "A2")
    assert "Kwalitatief en kwantitatief behoeftedekkend aanbod" in weak
    assert "zwakke kandidaat" in weak
    proposed = _action_page(client, links, "A3")
    assert "overlapt met" in proposed and "Evaluatie van de praktijktesten" in proposed
    assert NOTICE not in proposed


def test_action_link_rows_shows_anonymous_confirmed_links_only(links, reader):
    by_key = {a.key: a for a in links.integration.actions.all()}
    for nobody in (None, AnonymousUser()):
        assert [r["key"] for r in action_link_rows(by_key["A1"], user=nobody)] == ["OD1.1/M1"]
        assert action_link_rows(by_key["A2"], user=nobody) == []
        assert action_link_rows(by_key["A3"], user=nobody) == []
    assert action_link_rows(by_key["A2"]) == []  # without a user: as for anonymous
    assert [r["key"] for r in action_link_rows(by_key["A2"], user=reader)] == ["OD2.1/M1"]
    assert [r["key"] for r in action_link_rows(by_key["A3"], user=reader)] == ["A1"]
