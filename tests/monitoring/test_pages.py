"""The pages around the workflow: round list, my open updates, the admin for roles."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.monitoring.conftest import login

pytestmark = pytest.mark.django_db


def test_round_list_shows_rounds_and_the_open_button_only_to_who_may_open(
    round_, reader, coordinator, admin
):
    as_reader = login(Client(), reader).get("/rapportering/").content.decode()
    assert "Rapportering 2026" in as_reader and "0 / 4" in as_reader
    assert f'href="/rapportering/rondes/{round_.pk}/#niet-gerapporteerd"' in as_reader
    assert "Nieuwe ronde openen" not in as_reader
    assert login(Client(), reader).get("/rapportering/nieuw/").status_code == 403
    assert (
        "Nieuwe ronde openen" in login(Client(), coordinator).get("/rapportering/").content.decode()
    )


def test_the_menu_links_to_reporting(client, db):
    assert 'href="/rapportering/"' in client.get("/").content.decode()


def test_my_open_updates_says_when_the_user_reports_for_nobody(reader):
    html = login(Client(), reader).get("/rapportering/mijn/").content.decode()
    assert "U bent voor geen enkele actor rapporteur." in html


def test_my_open_updates_lists_only_open_ones_of_open_rounds(admin, reporter, own_update):
    from beleidsmonitor.monitoring.operations.save_update import save_update
    from beleidsmonitor.monitoring.operations.submit import submit_update

    client = login(Client(), reporter)
    assert own_update.action.title in client.get("/rapportering/mijn/").content.decode()
    save_update(reporter, own_update, {"status": "gerealiseerd"}, expected_version=1)
    submit_update(reporter, own_update)
    html = client.get("/rapportering/mijn/").content.decode()
    assert own_update.action.title not in html and "geen openstaande rapporteringen" in html


def test_roles_are_given_in_the_admin(admin, plan, own_update):
    client = login(Client(), admin)
    for path in (
        f"/admin/monitoring/reportinground/{own_update.round_id}/change/",
        f"/admin/monitoring/actionupdate/{own_update.pk}/change/",
        "/admin/monitoring/plancoordinator/add/",
        "/admin/monitoring/actorreporter/add/",
        "/admin/monitoring/reportinground/",
        "/admin/monitoring/actionupdate/",
        "/admin/monitoring/updatechange/",
    ):
        assert client.get(path).status_code == 200, path
    response = client.post(
        "/admin/monitoring/plancoordinator/add/", {"user": admin.pk, "plan": plan.pk}
    )
    assert response.status_code == 302
    assert plan.coordinators.filter(user=admin).exists()


def test_round_page_offers_sheets_to_download_and_upload_only_where_allowed(
    round_, coordinator, mobility_reporter
):
    boss = login(Client(), coordinator).get(f"/rapportering/rondes/{round_.pk}/").content.decode()
    assert "Blad downloaden" in boss and "Ingevuld blad opladen" not in boss
    writer = login(Client(), mobility_reporter)
    html = writer.get(f"/rapportering/rondes/{round_.pk}/").content.decode()
    section = html[html.index('id="excel"') : html.index('id="acties"')]
    assert "Minister van Mobiliteit" in section and "Ingevuld blad opladen" in section
    assert "Minister van Werk" not in section
