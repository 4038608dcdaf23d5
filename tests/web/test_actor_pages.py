"""Actor pages: the list, and one actor across all plans."""

import pytest

from beleidsmonitor.plans.models import Actor

pytestmark = pytest.mark.django_db


def test_actor_page_lists_actions_across_plans_with_counts(client, work, cycling_plan):
    onderwijs = Actor.objects.get(slug="minister-van-onderwijs")
    html = client.get(f"/actoren/{onderwijs.slug}/").content.decode()
    assert "Een opleidingscheque voor knelpuntberoepen" in html  # responsible, work plan
    assert "Schoolstraten in elke gemeente" in html  # cooperating, cycling plan
    assert "verantwoordelijk (1)" in html
    assert "in samenwerking met (1)" in html
    assert "<strong>2</strong> plannen" in html


def test_actor_page_filters_by_role(client, work, cycling_plan):
    html = client.get("/actoren/minister-van-onderwijs/?rol=responsible").content.decode()
    assert "Een opleidingscheque voor knelpuntberoepen" in html
    assert "Schoolstraten in elke gemeente" not in html


def test_actor_page_counts_late_actions(client, work):
    html = client.get("/actoren/minister-van-werk/").content.decode()
    assert '<li class="late"><strong>1</strong> te laat</li>' in html


def test_actor_list_orders_by_number_of_actions_and_filters_by_name(client, work):
    html = client.get("/actoren/").content.decode()
    assert html.index("Minister van Werk") < html.index("Minister van Onderwijs")
    filtered = client.get("/actoren/?naam=onderwijs").content.decode()
    assert "Minister van Onderwijs" in filtered
    assert "Minister van Werk" not in filtered


def test_unknown_actor_is_404(client, db):
    assert client.get("/actoren/niemand/").status_code == 404


def test_actor_page_names_no_aliases_when_there_are_none(client, work):
    werk = Actor.objects.get(slug="minister-van-werk")
    assert list(werk.aliases.values_list("text", flat=True)) == ["Minister van Werk"]
    html = client.get(f"/actoren/{werk.slug}/").content.decode()
    assert "ook geschreven als" not in html
    werk.aliases.create(text="minister Werk")
    werk.aliases.create(text="Vlaams minister van Werk")
    html = client.get(f"/actoren/{werk.slug}/").content.decode()
    assert "ook geschreven als <q>Vlaams minister van Werk</q>, <q>minister Werk</q></p>" in html


def test_actor_page_counts_in_the_singular_for_one(client, work):
    html = client.get("/actoren/minister-van-onderwijs/").content.decode()
    assert "<strong>1</strong> actie<" in html
    assert "<strong>1</strong> plan<" in html
    assert "<strong>1</strong> acties" not in html and "<strong>1</strong> plannen" not in html


def test_the_page_of_an_actor_merged_away_leads_to_the_one_it_joined(client, work):
    from django.contrib.auth import get_user_model

    from beleidsmonitor.linking.operations.actors import merge_actors

    werk = Actor.objects.get(slug="minister-van-werk")
    old = Actor.objects.create(kind=werk.kind, name="Vlaams minister van Werk (2019)")
    coordinator = get_user_model().objects.create_user("coord", password="pw", is_staff=True)
    merge_actors(old, werk, user=coordinator)
    response = client.get(f"/actoren/{old.slug}/")
    assert response.status_code == 302 and response["Location"] == f"/actoren/{werk.slug}/"
