"""The search page: ranked results, highlighted words, pagination, kinds."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_page_highlights_matching_words(client, work):
    html = client.get("/zoeken/", {"q": "lokale besturen"}).content.decode()
    assert "Jobpunten in elk <mark>lokaal</mark> <mark>bestuur</mark>" in html
    assert "Actieplan Werk Dichtbij 2024-2028" in html


def test_search_page_expands_abbreviations(client, work):
    html = client.get("/zoeken/", {"q": "vdab", "soort": "action"}).content.decode()
    assert "2 resultaten" in html
    assert "<mark>Vlaamse</mark> <mark>Dienst</mark>" in html
    assert "met de <mark>VDAB</mark>" in html


def test_search_page_escapes_what_was_typed(client, work):
    html = client.get("/zoeken/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert" not in html
    assert "0 resultaten" in html


def test_search_page_is_paginated(client, work):
    from beleidsmonitor.plans.models import Action
    from beleidsmonitor.search.indexing import reindex_plan

    Action.objects.bulk_create(
        Action(plan=work, key=f"X{n}", title=f"Extra jobbeurs {n}", order=10 + n) for n in range(25)
    )
    reindex_plan(work)
    first = client.get("/zoeken/", {"q": "jobbeurs"}).content.decode()
    assert "25 resultaten" in first and "Pagina 1 van 2" in first
    second = client.get("/zoeken/", {"q": "jobbeurs", "pagina": 2}).content.decode()
    assert second.count('class="result-title"') == 5


def test_search_page_without_query_shows_the_form(client, db):
    html = client.get("/zoeken/").content.decode()
    assert '<label for="id_q">Zoekterm</label>' in html
    assert "resultaten" not in html
