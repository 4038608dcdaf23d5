"""Importing from the browser: upload, preview, confirm; errors in Dutch, nothing stored."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from beleidsmonitor.plans.models import Plan
from beleidsmonitor.search.query import search
from beleidsmonitor.web.models import PendingImport
from beleidsmonitor.web.views.importing import can_import
from tests.web.plans_for_tests import work_plan

pytestmark = pytest.mark.django_db


def upload(client, content: bytes, name: str):
    return client.post("/importeren/", {"document": SimpleUploadedFile(name, content)})


def plan_file() -> bytes:
    return json.dumps(work_plan()).encode()


def test_import_needs_a_logged_in_user(client):
    response = client.get("/importeren/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert upload(client, plan_file(), "werkplan.json").status_code == 302
    assert PendingImport.objects.count() == 0


def test_only_the_coordinating_team_can_import(editor, django_user_model, client):
    from django.contrib.auth.models import AnonymousUser

    from beleidsmonitor.monitoring.models import PlanCoordinator
    from beleidsmonitor.plans.operations.import_plan import import_plan

    reader = django_user_model.objects.create_user("lezer", password="geheim-wachtwoord-1")
    assert can_import(editor)
    assert not can_import(AnonymousUser())
    assert not can_import(reader)
    client.force_login(reader)
    assert client.get("/importeren/").status_code == 403
    plan = import_plan(json.loads(plan_file())).plan
    PlanCoordinator.objects.create(user=reader, plan=plan)
    assert can_import(reader)


def test_upload_form_is_labelled_and_has_a_progress_indication(client, editor):
    client.force_login(editor)
    html = client.get("/importeren/").content.decode()
    assert '<label for="id_document">Document</label>' in html
    assert 'role="status" aria-live="polite"' in html
    assert "web/import.js" in html


def test_upload_preview_confirm_stores_and_indexes_the_plan(client, editor):
    client.force_login(editor)
    response = upload(client, plan_file(), "werkplan.json")
    assert response.status_code == 302
    pending = PendingImport.objects.get()
    assert response["Location"] == f"/importeren/{pending.pk}/"
    assert Plan.objects.count() == 0  # nothing stored before the confirmation

    html = client.get(response["Location"]).content.decode()
    assert "Actieplan Werk Dichtbij 2024-2028" in html
    assert "Iedereen vindt werk in de buurt" in html
    assert "Jobpunten in elk lokaal bestuur" in html
    assert "ontbreekt: indicatoren" in html  # action 2 has none
    assert "ontbreekt: tijdspad, indicatoren" in html  # action 3

    response = client.post(response["Location"], {"action": "confirm"})
    plan = Plan.objects.get()
    assert response["Location"] == f"/plannen/{plan.pk}/"
    assert plan.imported_by == editor
    assert plan.actions.count() == 3
    assert PendingImport.objects.count() == 0
    assert search("jobpunten").ids  # indexed in the same step
    assert "Het plan is opgeslagen." in client.get(response["Location"]).content.decode()


def test_preview_shows_warnings(client, editor):
    data = work_plan()
    data["warnings"] = [{"line": 9, "message": "a table could not be read"}]
    client.force_login(editor)
    response = upload(client, json.dumps(data).encode(), "werkplan.json")
    html = client.get(response["Location"]).content.decode()
    assert 'regel 9: <span lang="en">a table could not be read</span>' in html


def test_the_same_document_twice_changes_nothing(client, editor, work):
    client.force_login(editor)
    response = upload(client, plan_file(), "werkplan.json")
    response = client.post(response["Location"], {"action": "confirm"}, follow=True)
    assert Plan.objects.count() == 1
    assert "Dit plan was al opgeslagen; er is niets veranderd." in response.content.decode()


def test_cancel_forgets_the_upload(client, editor):
    client.force_login(editor)
    response = upload(client, plan_file(), "werkplan.json")
    client.post(response["Location"], {"action": "cancel"})
    assert PendingImport.objects.count() == 0
    assert Plan.objects.count() == 0


def test_an_upload_is_only_visible_to_who_uploaded_it(client, editor, django_user_model):
    client.force_login(editor)
    location = upload(client, plan_file(), "werkplan.json")["Location"]
    other = django_user_model.objects.create_user(
        "ander", password="nog-een-wachtwoord-2", is_staff=True
    )
    client.force_login(other)
    assert client.get(location).status_code == 404
    assert client.post(location, {"action": "confirm"}).status_code == 404
    assert Plan.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.7\n\x00\x01 not really a pdf", "kapot.pdf", "kan niet gelezen worden"),
        (b"PK\x03\x04 not really a docx", "kapot.docx", "kan niet gelezen worden"),
        (b"\x00\x01\x02\x03" * 400, "data.bin", "kan niet gelezen worden"),
        (b"   \n\n  \n", "leeg.txt", "geen doelstellingen of acties gevonden"),
        (b"Boodschappen: melk, brood, kaas.\n", "lijstje.txt", "geen doelstellingen of acties"),
        (b'{"format": "iets anders"}', "ander.json", "geen geldig plan"),
        (b"", "niets.txt", "leeg"),
    ],
)
def test_a_bad_document_gives_a_dutch_message_and_stores_nothing(
    client, editor, content, name, message
):
    client.force_login(editor)
    response = upload(client, content, name)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert PendingImport.objects.count() == 0
    assert Plan.objects.count() == 0


def test_a_document_over_20_mb_is_refused(client, editor):
    client.force_login(editor)
    response = upload(client, b"a" * (20 * 1024 * 1024 + 1), "groot.txt")
    assert "bestanden boven 20 MB worden geweigerd" in response.content.decode()
    assert PendingImport.objects.count() == 0


def test_an_unexpected_parser_failure_is_a_message_too(client, editor, monkeypatch):
    def broken(data, name):
        raise RuntimeError("bug in a parser")

    monkeypatch.setattr("beleidsmonitor.web.views.importing.load_uploaded", broken)
    client.force_login(editor)
    response = upload(client, b"Actie 1. Iets\n", "plan.txt")
    assert "Er ging iets mis bij het inlezen van dit document." in response.content.decode()
    assert PendingImport.objects.count() == 0


def test_a_text_document_is_parsed_and_its_source_lines_kept(client, editor):
    from beleidsmonitor.cli import DEMO_DOCUMENT

    client.force_login(editor)
    response = upload(client, DEMO_DOCUMENT.read_bytes(), DEMO_DOCUMENT.name)
    assert response.status_code == 302, response.content.decode()[:500]
    response = client.post(response["Location"], {"action": "confirm"})
    plan = Plan.objects.get()
    assert plan.source_file == DEMO_DOCUMENT.name
    action = plan.actions.exclude(first_line=None).first()
    html = client.get(f"/acties/{action.pk}/").content.decode()
    first_line = plan.source_text.splitlines()[action.first_line - 1]
    assert f'<th scope="row">{action.first_line}</th>' in html
    assert escape(first_line.strip()[:20]) in html


def test_a_long_preview_is_paginated(client, editor):
    data = work_plan()
    data["goals"] += [
        {
            "id": f"G{n}",
            "level": "OD",
            "number": f"9.{n}",
            "title": f"Extra doel {n}",
            "parent": None,
        }
        for n in range(40)
    ]
    client.force_login(editor)
    location = upload(client, json.dumps(data).encode(), "lang.json")["Location"]
    first = client.get(location).content.decode()
    assert "Pagina 1 van 2" in first and "Extra doel 25" in first and "Extra doel 26" not in first
    second = client.get(location, {"pagina": 2}).content.decode()
    assert "Extra doel 39" in second
    assert "Bevestigen en opslaan" in second


def test_preview_counts_in_the_singular_for_one(client, editor):
    data = work_plan()
    data["goals"] = data["goals"][:1]
    data["actions"] = [dict(data["actions"][0], goal="SD1", timeline={"text": None})]
    data["warnings"] = [{"line": 9, "message": "a table could not be read"}]
    client.force_login(editor)
    response = upload(client, json.dumps(data).encode(), "werkplan.json")
    html = client.get(response["Location"]).content.decode()
    for text in (
        "<strong>1</strong> doelstelling<",
        "<strong>1</strong> actie<",
        "<strong>1</strong> actie met ontbrekende velden<",
        "<strong>1</strong> waarschuwing<",
    ):
        assert text in html, text
    assert "<strong>1</strong> acties" not in html


def test_confirming_an_import_a_second_time_says_it_was_handled(client, editor):
    client.force_login(editor)
    location = upload(client, plan_file(), "werkplan.json")["Location"]
    client.post(location, {"action": "confirm"})  # the first tab
    response = client.post(location, {"action": "confirm"}, follow=True)  # the second
    assert response.status_code == 200
    assert "Deze import is al afgehandeld" in response.content.decode()
    assert Plan.objects.count() == 1
