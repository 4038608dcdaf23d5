"""Refusals and missing pages in Dutch, inside the site's layout; the import menu item for
who may import only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import path

from beleidsmonitor.monitoring.models import PlanCoordinator
from beleidsmonitor.monitoring.permissions import NotAllowed, Operation
from beleidsmonitor.project.urls import urlpatterns as project_urls

pytestmark = pytest.mark.django_db

IMPORT_ITEM = '<a href="/importeren/">Importeren</a>'


def refuse_with_reason(request):
    raise NotAllowed(Operation.IMPORT_PLAN, request.user)


def refuse_bare(request):
    raise PermissionDenied


urlpatterns = [
    path("test-weigering/", refuse_with_reason),
    path("test-weigering-kaal/", refuse_bare),
    *project_urls,
]


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("lezer", password="geheim-wachtwoord-1")


def in_site_layout(html: str) -> bool:
    return '<html lang="nl">' in html and 'aria-label="Hoofdmenu"' in html


@override_settings(DEBUG=False)
def test_a_refusal_is_a_dutch_page_with_the_menu(client, reader):
    client.force_login(reader)
    response = client.get("/importeren/")
    assert response.status_code == 403
    html = response.content.decode()
    assert in_site_layout(html)
    assert "<h1>Geen toegang</h1>" in html
    assert "403 Forbidden" not in html


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_a_refusal_shows_its_reason(client, reader):
    client.force_login(reader)
    response = client.get("/test-weigering/")
    assert response.status_code == 403
    html = response.content.decode()
    assert in_site_layout(html)
    assert "lezer mag plannen niet importeren." in html
    # without a reason, only the general explanation
    bare = client.get("/test-weigering-kaal/").content.decode()
    assert "<h1>Geen toegang</h1>" in bare and 'role="alert"' not in bare


@override_settings(DEBUG=False)
def test_a_missing_page_is_a_dutch_page_with_the_menu(client):
    for url in ("/plannen/424242/", "/bestaat-niet/", "/actoren/niemand/"):
        response = client.get(url)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert in_site_layout(html), url
        assert "<h1>Pagina niet gevonden</h1>" in html, url
        assert "Not Found" not in html, url


@override_settings(DEBUG=False)
def test_error_pages_follow_the_chosen_language(client):
    client.cookies["django_language"] = "en"
    html = client.get("/bestaat-niet/").content.decode()
    assert '<html lang="en">' in html and "<h1>Page not found</h1>" in html


def test_import_menu_item_only_for_who_may_import(client, reader, editor, cycling_plan):
    assert IMPORT_ITEM not in client.get("/").content.decode()  # visitor
    client.force_login(reader)
    assert IMPORT_ITEM not in client.get("/").content.decode()  # reader (or reporter)
    client.force_login(editor)
    assert IMPORT_ITEM in client.get("/").content.decode()  # staff
    PlanCoordinator.objects.create(user=reader, plan=cycling_plan)
    client.force_login(reader)
    assert IMPORT_ITEM in client.get("/").content.decode()  # a coordinator
