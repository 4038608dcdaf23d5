"""The linking pages in English through the language switcher; Dutch stays the default."""

import re
from pathlib import Path

import pytest

import beleidsmonitor.linking
from beleidsmonitor.linking.models import LinkKind, LinkProposal, LinkStatus
from beleidsmonitor.linking.operations.compute_links import compute_links
from beleidsmonitor.plans.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(three_plans):
    compute_links()
    return three_plans


@pytest.fixture
def english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/koppelingen/"})
    assert response.status_code == 302
    return client


def _lineage() -> LinkProposal:
    return LinkProposal.objects.get(kind=LinkKind.LINEAGE, source_key="OD1.1/M1", target_key="A1")


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _absent(html: str, *dutch: str) -> None:
    left = [text for text in dutch if text in html]
    assert left == [], f"Dutch left on an English page: {left}"


def test_review_list_in_english(english, linked, reader):
    english.force_login(reader)
    html = _page(english, "/koppelingen/?zekerheid=alle")
    assert '<html lang="en">' in html
    for text in [
        "<h1>Links between plans</h1>",
        "Proposals from <code>beleidsmonitor link</code>",
        "<em>Weak candidates</em>",
        "Only a coordinator or administrator can confirm or reject proposals.",
        '<label for="f-soort">Kind</label>',
        '<label for="f-zekerheid">Certainty</label>',
        '<option value="">all</option>',
        '<option value="lineage">lineage</option>',
        '<option value="proposed" selected>proposed</option>',
        '<option value="zwak">weak candidates</option>',
        '<button type="submit">Show</button>',
        '<th scope="col">From</th><th scope="col">To</th>',
        "<dt>Shared terms</dt>",
        "<dt>Shared actors</dt>",
        "<dt>Mutual best match</dt>",
        'title="share of the text score: ',
        "the best in the new plan, and no. ",
        "Overlap between plans",
        "Review actors",
    ]:
        assert text in html, text
    assert re.search(r'<p class="meta">\d+ proposals?</p>', html)
    _absent(
        html,
        "Koppelingen tussen plannen",
        "Voorstellen van",
        "Zwakke kandidaten",
        "Alleen een coördinator",
        "Soort",
        "Zekerheid",
        ">alle<",
        ">voorstellen<",
        ">zwakke kandidaten<",
        ">opvolging<",
        ">voorgesteld<",
        ">Toon<",
        ">Van<",
        ">Naar<",
        "Gedeelde termen",
        "Gedeelde actoren",
        "Wederzijds beste match",
        "aandeel in de tekstscore",
        "volledige tekst",
        "Overlap tussen plannen",
        "Actoren nakijken",
        " voorstel",
    )


def test_coordinator_decides_in_english(english, linked, coordinator):
    english.force_login(coordinator)
    html = _page(english, "/koppelingen/")
    assert ">Confirm</button>" in html and ">Reject</button>" in html
    _absent(html, "Bevestigen", "Afwijzen", "Alleen een coördinator")
    proposal = _lineage()
    response = english.post(
        f"/koppelingen/{proposal.pk}/beslissen/",
        {"status": "confirmed", "next": "/koppelingen/?status=alle"},
        follow=True,
    )
    html = response.content.decode()
    assert "OD1.1/M1 → A1: confirmed." in html
    assert ">Reopen</button>" in html
    _absent(html, "bevestigd", "Heropenen")
    response = english.post(
        f"/koppelingen/{proposal.pk}/beslissen/",
        {"status": "x", "next": "/koppelingen/"},
        follow=True,
    )
    assert "Unknown decision." in response.content.decode()


def test_lineage_view_in_english(english, linked, reader):
    english.force_login(reader)
    old, new, _ = linked
    proposal = _lineage()
    proposal.status = LinkStatus.CONFIRMED
    proposal.save()
    html = _page(english, f"/koppelingen/opvolging/{old.pk}/")
    for text in [
        "<title>Lineage · ",
        "<h1>Lineage across government terms</h1>",
        "3 items: 1 with a confirmed successor, 0 with a confirmed predecessor.",
        "shown in <em>italics</em>",
        '<th scope="col">Action or measure</th>',
        '<th scope="col">Successors</th>',
        ">action 1</a>",
        '<span class="none">no successor</span>',
    ]:
        assert text in html, text
    _absent(
        html,
        "Opvolging",
        "regeerperiodes",
        "met een bevestigde",
        "cursief",
        "Actie of maatregel",
        "Opvolgers",
        ">actie 1<",
        "geen opvolger",
    )
    later = _page(english, f"/koppelingen/opvolging/{new.pk}/")
    assert '<th scope="col">Predecessors</th>' in later
    assert ">Action 1</a>" in later  # the row label, from the view
    _absent(later, "Voorgangers", ">Actie 1<", "geen voorganger")


def test_overlap_index_and_matrix_in_english(english, linked, reader):
    english.force_login(reader)
    _, integration, equal = linked
    html = _page(english, "/koppelingen/overlap/")
    assert "<h1>Overlap between plans of the same period</h1>" in html
    assert f"/koppelingen/overlap/{integration.pk}/{equal.pk}/" in html
    _absent(html, "Overlap tussen plannen", "dezelfde periode", "Koppelingen")
    matrix = _page(english, f"/koppelingen/overlap/{integration.pk}/{equal.pk}/")
    assert "<title>Overlap matrix · " in matrix
    assert "Rows: goals of <a href=" in matrix and "Total: " in matrix
    assert re.search(r'aria-label="\d+ pairs? between \S+ and \S+"', matrix)
    _absent(matrix, "Overlapmatrix", "Rijen:", "kolommen:", "Totaal", " paren tussen ")


def test_overlap_index_without_pairs_in_english(english, db):
    html = _page(english, "/koppelingen/overlap/")
    assert "There are no two plans of the same period." in html
    _absent(html, "Er zijn geen twee plannen")


def test_actors_review_in_english(english, linked, coordinator):
    Actor.objects.create(kind="minister", name="Minister van Werk en Landbouw")
    english.force_login(coordinator)
    html = _page(english, "/koppelingen/actoren/")
    for text in [
        "<h1>Review actors</h1>",
        "Documents write the same minister",
        "<h2>Possibly the same actor</h2>",
        '<th scope="col">Possibly the same as</th>',
        '<th scope="col">Why</th>',
        '<th scope="col">Decision</th>',
        ">Merge into ",
        ">Keep apart</button>",
        "<h2>Merged automatically</h2>",
        "<h2>Recent changes by coordinators</h2>",
        '<li class="none">Nothing yet.</li>',
    ]:
        assert text in html, text
    _absent(
        html,
        "Actoren nakijken",
        "Documenten schrijven",
        "Mogelijk dezelfde",
        "Waarom",
        "Beslissing",
        "Samenvoegen in",
        "Apart houden",
        "Automatisch samengevoegd",
        "Recente wijzigingen",
        "Nog niets",
    )


def test_actor_page_and_its_messages_in_english(english, linked, coordinator):
    english.force_login(coordinator)
    werk = Actor.objects.get(name="Minister van Werk")
    html = _page(english, f"/koppelingen/actoren/{werk.pk}/")
    for text in [" actions in ", " plans · written as: ", "<h2>Change</h2>", ">Rename</button>"]:
        assert text in html, text
    _absent(html, " acties in ", "geschreven als", "Wijzigen", "Hernoemen", "Nieuwe naam")
    response = english.post(
        f"/koppelingen/actoren/{werk.pk}/wijzigen/",
        {"wijziging": "hernoemen", "naam": "Minister van Werk en Economie"},
        follow=True,
    )
    html = response.content.decode()
    assert "Renamed to Minister van Werk en Economie." in html
    assert "<h2>History</h2>" in html
    _absent(html, "Hernoemd tot", "Geschiedenis")


def test_action_links_in_english(english, linked, reader):
    english.force_login(reader)
    new_action = linked[1].actions.get(key="A1")
    html = _page(english, f"/koppelingen/acties/{new_action.pk}/")
    assert "<td>continues</td>" in html and '<th scope="col">Relation</th>' in html
    assert "<h1>Action 1: " in html and "lineage of this plan" in html
    _absent(html, "zet voort", "Verband", "Actie 1", "opvolging van dit plan")


def test_anonymous_pages_in_english_say_only_confirmed_links_are_shown(english, linked):
    _, integration, equal = linked
    notice = "You only see confirmed links. Log in to review proposals."
    empty = _page(english, "/koppelingen/")
    assert notice in empty and "0 confirmed links" in empty and "No confirmed links." in empty
    _absent(empty, "Je ziet alleen", "bevestigde koppeling", "Geen bevestigde")
    proposal = _lineage()
    proposal.status = LinkStatus.CONFIRMED
    proposal.save()
    review = _page(english, "/koppelingen/")
    assert re.search(r'<p class="meta">1 confirmed link</p>', review)
    matrix = _page(english, f"/koppelingen/overlap/{integration.pk}/{equal.pk}/")
    assert notice in matrix and "closely related (confirmed) and leads" in matrix
    _absent(matrix, "Je ziet alleen", "(bevestigd)")
    for url in (
        f"/koppelingen/opvolging/{linked[0].pk}/",
        f"/koppelingen/acties/{proposal.target_action_id}/",
    ):
        assert notice in _page(english, url)


def test_linking_pages_stay_dutch_by_default(client, linked):
    proposal = _lineage()
    proposal.status = LinkStatus.CONFIRMED  # an anonymous visitor sees confirmed links
    proposal.save()
    review = _page(client, "/koppelingen/")
    assert '<html lang="nl">' in review
    assert "<h1>Koppelingen tussen plannen</h1>" in review and "Gedeelde termen" in review
    assert "Je ziet alleen bevestigde koppelingen." in review
    assert "1 bevestigde koppeling<" in review
    assert "Links between plans" not in review and "Shared terms" not in review
    assert "You only see confirmed links" not in review
    lineage = _page(client, f"/koppelingen/opvolging/{linked[0].pk}/")
    assert "Opvolging over regeerperiodes" in lineage and "geen opvolger" in lineage
    assert "Lineage across" not in lineage and "no successor" not in lineage
    overlap = _page(client, "/koppelingen/overlap/")
    assert "Overlap tussen plannen van dezelfde periode" in overlap
    assert "Overlap between plans" not in overlap
    actors = _page(client, "/koppelingen/actoren/")
    assert "<h1>Actoren nakijken</h1>" in actors and "Review actors" not in actors


def test_english_and_back_to_dutch(english, linked):
    assert "Links between plans" in _page(english, "/koppelingen/")
    english.post("/i18n/setlang/", {"language": "nl", "next": "/koppelingen/"})
    html = _page(english, "/koppelingen/")
    assert "Koppelingen tussen plannen" in html and "Links between plans" not in html


def test_the_english_catalogue_is_complete():
    locale = Path(beleidsmonitor.linking.__file__).parent / "locale/en/LC_MESSAGES"
    po = (locale / "django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]  # the first is the header
    # an empty msgstr (or msgstr[n]) with no continuation line is untranslated
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""\n(?!")', e + "\n", re.M)]
    assert untranslated == []
    assert "#, fuzzy" not in po
    assert (locale / "django.mo").exists()


def test_actor_change_errors_and_suggestions_in_english(english, linked, coordinator):
    english.force_login(coordinator)
    werk = Actor.objects.get(name="Minister van Werk")
    response = english.post(
        f"/koppelingen/actoren/{werk.pk}/wijzigen/",
        {"wijziging": "hernoemen", "naam": "  "},
        follow=True,
    )
    html = response.content.decode()
    assert "the name cannot be empty" in html
    _absent(html, "de naam kan niet leeg zijn")
    Actor.objects.create(kind="minister", name="Minister van Werk en Landbouw")
    review = _page(english, "/koppelingen/actoren/")
    assert "is in both names (merged or split?)" in review
    _absent(review, "zit in beide namen")
