"""The linking pages through the Django test client: review, decide, lineage, overlap,
actors, JSON."""

import pytest

from beleidsmonitor.linking.models import LinkKind, LinkProposal, LinkStatus
from beleidsmonitor.linking.operations.compute_links import compute_links
from beleidsmonitor.linking.similarity import THRESHOLD
from beleidsmonitor.plans.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(three_plans):
    compute_links()
    return three_plans


def _lineage():
    return LinkProposal.objects.get(kind=LinkKind.LINEAGE, source_key="OD1.1/M1", target_key="A1")


def test_review_list_shows_proposals_with_score_and_evidence(client, linked, reader):
    client.force_login(reader)
    html = client.get("/koppelingen/").content.decode()
    assert "Maatwerk in de bemiddeling" in html
    assert "Gedeelde termen" in html and "werkzoekenden" in html
    assert "Gedeelde actoren" in html and "Minister van Werk" in html
    assert "Bevestigen" not in html  # a reader sees no decision buttons
    # OD1.1/M1 -> A1 is also each other's best match: the review list says so
    assert "Wederzijds beste match" in html


def test_coordinator_confirms_from_the_review_list(client, linked, coordinator):
    client.force_login(coordinator)
    proposal = _lineage()
    assert "Bevestigen" in client.get("/koppelingen/").content.decode()
    response = client.post(
        f"/koppelingen/{proposal.pk}/beslissen/", {"status": "confirmed", "next": "/koppelingen/"}
    )
    assert response.status_code == 302 and response["Location"] == "/koppelingen/"
    proposal.refresh_from_db()
    assert proposal.status == LinkStatus.CONFIRMED and proposal.decided_by == coordinator
    confirmed = client.get("/koppelingen/?status=confirmed").content.decode()
    assert "Maatwerk in de bemiddeling" in confirmed


def test_reader_cannot_decide(client, linked, reader):
    client.force_login(reader)
    proposal = _lineage()
    response = client.post(f"/koppelingen/{proposal.pk}/beslissen/", {"status": "confirmed"})
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == LinkStatus.PROPOSED


def test_decision_redirect_stays_on_this_site(client, linked, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/koppelingen/{_lineage().pk}/beslissen/",
        {"status": "rejected", "next": "https://elders.example/"},
    )
    assert response["Location"] == "/koppelingen/"


def test_lineage_view_lists_successors_and_measures_without_one(client, linked, coordinator):
    old = linked[0]
    proposal = _lineage()
    proposal.status = LinkStatus.CONFIRMED
    proposal.save()
    html = client.get(f"/koppelingen/opvolging/{old.pk}/").content.decode()
    assert "OD1.1/M1" in html and "actie 1" in html
    assert "geen opvolger" in html  # the caravan-site measure
    assert "1 met een bevestigde opvolger" in html


def test_lineage_view_of_the_new_plan_shows_predecessors(client, linked, reader):
    client.force_login(reader)
    html = client.get(f"/koppelingen/opvolging/{linked[1].pk}/").content.decode()
    assert "Voorgangers" in html and "OD1.1/M1" in html


def test_rejected_link_leaves_the_lineage_view(client, linked, reader):
    client.force_login(reader)  # a reader sees proposals: the rejection is what hides it
    proposal = _lineage()
    proposal.status = LinkStatus.REJECTED
    proposal.save()
    html = client.get(f"/koppelingen/opvolging/{linked[0].pk}/").content.decode()
    assert "→ " not in html.split("OD1.1/M1", 1)[1].split("</tr>", 1)[0]


def test_overlap_matrix_counts_pairs_and_links_to_them(client, linked, reader):
    client.force_login(reader)
    _, integration, equal = linked
    index = client.get("/koppelingen/overlap/").content.decode()
    assert f"/koppelingen/overlap/{integration.pk}/{equal.pk}/" in index
    html = client.get(f"/koppelingen/overlap/{integration.pk}/{equal.pk}/").content.decode()
    row = integration.goals.get(key="HD2")
    col = equal.goals.get(key="HD1")
    assert f"?rij={row.pk}&amp;kolom={col.pk}#paren" in html
    pairs = client.get(
        f"/koppelingen/overlap/{integration.pk}/{equal.pk}/?rij={row.pk}&kolom={col.pk}"
    ).content.decode()
    assert "Praktijktesten tegen discriminatie" in pairs
    assert "Evaluatie van de praktijktesten" in pairs


def test_action_page_shows_links_both_ways(client, linked, reader):
    client.force_login(reader)
    new_action = linked[1].actions.get(key="A1")
    html = client.get(f"/koppelingen/acties/{new_action.pk}/").content.decode()
    assert "zet voort" in html and "Maatwerk in de bemiddeling" in html


def test_actor_page_shows_what_it_owes_across_plans_and_periods(client, linked):
    werk = Actor.objects.get(name="Minister van Werk")
    html = client.get(f"/koppelingen/actoren/{werk.pk}/").content.decode()
    assert "2016-2019" in html and "2025-2029" in html
    assert "Maatwerk in de bemiddeling" in html and "Toeleiding van anderstalige" in html
    assert "Hernoemen" not in html


def test_coordinator_renames_and_merges_on_the_actor_page(client, linked, coordinator):
    client.force_login(coordinator)
    werk = Actor.objects.get(name="Minister van Werk")
    client.post(
        f"/koppelingen/actoren/{werk.pk}/wijzigen/",
        {"wijziging": "hernoemen", "naam": "Minister van Werk en Economie"},
    )
    werk.refresh_from_db()
    assert werk.name == "Minister van Werk en Economie"
    wonen = Actor.objects.get(name="Minister van Wonen")
    response = client.post(
        f"/koppelingen/actoren/{werk.pk}/wijzigen/", {"wijziging": "samenvoegen", "met": wonen.pk}
    )
    assert response.status_code == 302
    wonen.refresh_from_db()
    assert wonen.merged_into == werk
    assert client.get(f"/koppelingen/actoren/{wonen.pk}/")["Location"].endswith(f"/{werk.pk}/")


def test_actor_review_list_shows_suggestions_and_automatic_merges(client, linked):
    Actor.objects.create(kind="minister", name="Minister van Werk en Landbouw")
    html = client.get("/koppelingen/actoren/").content.decode()
    assert "Minister van Werk en Landbouw" in html and "portefeuille" in html


def test_json_lists_links_with_status(client, linked, reader):
    client.force_login(reader)
    data = client.get("/koppelingen/voorstellen.json?status=alle").json()
    assert data["count"] == len(data["links"]) >= 2
    first = data["links"][0]
    assert {"kind", "status", "score", "source", "target", "evidence"} <= set(first)
    assert first["source"]["plan_ref"].startswith("actieplan|")


def test_action_link_rows_for_other_action_pages_can_show_only_confirmed(linked, reader):
    from beleidsmonitor.linking.views.links import action_link_rows

    new_action = linked[1].actions.get(key="A1")
    assert [r["key"] for r in action_link_rows(new_action, user=reader)] == ["OD1.1/M1"]
    assert action_link_rows(new_action, user=reader, confirmed_only=True) == []
    proposal = _lineage()
    proposal.status = LinkStatus.CONFIRMED
    proposal.save()
    rows = action_link_rows(new_action, confirmed_only=True)
    assert [(r["label"], r["key"]) for r in rows] == [("zet voort", "OD1.1/M1")]


def test_bad_query_parameters_do_not_break_pages(client, linked):
    _, integration, equal = linked
    url = f"/koppelingen/overlap/{integration.pk}/{equal.pk}/?rij=x&kolom=1"
    assert client.get(url).status_code == 200
    assert client.get("/koppelingen/voorstellen.json?limiet=veel").status_code == 200
    assert client.get("/koppelingen/?pagina=999&plan=abc").status_code == 200


def _weaken(proposal: LinkProposal) -> LinkProposal:
    """Make a proposal a weak candidate: undecided and below the threshold, as the
    mutual-best rule stores the pairs it alone finds."""
    proposal.score, proposal.weak = THRESHOLD - 0.1, True
    proposal.save(update_fields=["score", "weak"])
    return proposal


def test_weak_candidates_are_left_out_of_the_review_list_unless_asked(client, linked, reader):
    client.force_login(reader)
    weak = _weaken(_lineage())
    strong = LinkProposal.objects.filter(weak=False).first()
    assert strong is not None
    default = client.get("/koppelingen/").content.decode()
    assert f'id="voorstel-{weak.pk}"' not in default
    assert f'id="voorstel-{strong.pk}"' in default
    only_weak = client.get("/koppelingen/?zekerheid=zwak").content.decode()
    assert f'id="voorstel-{weak.pk}"' in only_weak and "zwakke kandidaat" in only_weak
    assert f'id="voorstel-{strong.pk}"' not in only_weak
    everything = client.get("/koppelingen/?zekerheid=alle").content.decode()
    assert f'id="voorstel-{weak.pk}"' in everything and f'id="voorstel-{strong.pk}"' in everything


def test_a_confirmed_link_is_never_weak_whatever_its_score(client, linked, reader):
    client.force_login(reader)  # a reader can ask for weak candidates
    weak = _weaken(_lineage())
    weak.status = LinkStatus.CONFIRMED
    weak.save(update_fields=["status"])
    assert not weak.is_weak
    html = client.get("/koppelingen/?status=confirmed").content.decode()
    assert f'id="voorstel-{weak.pk}"' in html
    only_weak = client.get("/koppelingen/?status=confirmed&zekerheid=zwak").content.decode()
    assert f'id="voorstel-{weak.pk}"' not in only_weak


def test_lineage_view_marks_weak_candidates(client, linked, reader):
    client.force_login(reader)
    weak = _weaken(_lineage())
    html = client.get(f"/koppelingen/opvolging/{weak.source_plan_id}/").content.decode()
    assert 'class="status-proposed weak"' in html and "(zwakke kandidaat 0" in html


def test_links_json_gives_the_strength(client, linked, reader):
    client.force_login(reader)
    weak = _weaken(_lineage())
    data = client.get("/koppelingen/voorstellen.json").json()  # weak ones included
    strengths = {link["id"]: link["strength"] for link in data["links"]}
    assert strengths[weak.pk] == "weak"
    assert set(strengths.values()) == {"weak", "strong"}
    proposals_only = client.get("/koppelingen/voorstellen.json?zekerheid=voorstellen").json()
    assert weak.pk not in {link["id"] for link in proposals_only["links"]}
