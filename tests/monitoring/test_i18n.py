"""Monitoring in English: labels, messages and pages; Dutch stays the default.

The language is switched as the site does it: the language switcher (`/i18n/setlang/`)
sets the `django_language` cookie, which the pages then follow.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

import beleidsmonitor.linking
import beleidsmonitor.monitoring
import beleidsmonitor.plans
import beleidsmonitor.reports
import beleidsmonitor.search
import beleidsmonitor.web
from beleidsmonitor.monitoring.errors import ConflictError
from beleidsmonitor.monitoring.forms import UpdateForm
from beleidsmonitor.monitoring.models import RoundState, UpdateStatus, WorkflowState
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.permissions import NotAllowed, Operation
from beleidsmonitor.plans.models import Actor
from tests.monitoring.catalogue import disagreements, problems
from tests.monitoring.conftest import login


def english(client: Client) -> Client:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def test_the_english_catalogue_is_complete_and_compiled():
    assert problems(beleidsmonitor.monitoring) == []


def test_catalogues_translate_a_shared_message_the_same_way():
    # Django merges every app's catalogue into one; a message two apps translate
    # differently would show whichever app comes first in INSTALLED_APPS.
    mine = [beleidsmonitor.monitoring, beleidsmonitor.plans, beleidsmonitor.reports]
    others = [beleidsmonitor.web, beleidsmonitor.search, beleidsmonitor.linking]
    assert disagreements(mine, others) == []


def test_status_workflow_and_round_labels_in_both_languages():
    with translation.override("en"):
        assert [str(label) for label in UpdateStatus.labels] == [
            "not started",
            "ongoing - on schedule",
            "ongoing - delayed",
            "realised",
            "stopped",
            "adjusted",
        ]
        assert str(WorkflowState.SENT_BACK.label) == "sent back"
        assert str(RoundState.CLOSED.label) == "closed"
    with translation.override("nl"):
        assert str(UpdateStatus.ON_SCHEDULE.label) == "lopend - op schema"
        assert str(WorkflowState.SENT_BACK.label) == "teruggestuurd"
        assert str(RoundState.CLOSED.label) == "afgesloten"
    # the stored values stay the Dutch words the Excel sheet takes
    assert UpdateStatus.ON_SCHEDULE.value == "lopend - op schema"


@pytest.mark.django_db
def test_refusals_and_validation_messages_follow_the_language(reporter, own_update):
    with translation.override("en"):
        assert (
            str(NotAllowed(Operation.PUBLISH, reporter))
            == "rapporteur may not publish this report."
        )
        assert str(NotAllowed(Operation.SUBMIT)) == "You may not submit this report."
        form = UpdateForm(own_update, data={"version": "1", "progress": "150"})
        assert not form.is_valid()
        assert form.errors["progress"] == ["Progress cannot be more than 100%."]
        assert form.fields["narrative"].label == "Explanation"
    with translation.override("nl"):
        assert str(NotAllowed(Operation.SUBMIT)) == "U mag deze rapportering niet indienen."
        form = UpdateForm(own_update, data={"version": "1", "progress": "150"})
        assert not form.is_valid()
        assert form.errors["progress"] == ["Voortgang kan niet meer dan 100% zijn."]


@pytest.mark.django_db
def test_a_conflict_is_explained_in_english(reporter, own_update):
    save_update(reporter, own_update, {"narrative": "eerste versie"}, expected_version=1)
    with translation.override("en"), pytest.raises(ConflictError) as raised:
        save_update(reporter, own_update, {"narrative": "tweede"}, expected_version=1)
    message = str(raised.value)
    assert message.startswith("Not saved: someone else changed this report")
    assert "explanation: (empty) → eerste versie" in message


@pytest.mark.django_db
def test_the_update_page_and_its_messages_in_english(reporter, own_update):
    writer = english(login(Client(), reporter))
    url = f"/rapportering/rapporteringen/{own_update.pk}/"
    page = writer.get(url).content.decode()
    assert '<html lang="en">' in page
    for label in ("Status", "Progress (%)", "Explanation", "Budget spent (euro)"):
        assert f">{label}</label>" in page
    assert ">ongoing - delayed</option>" in page and ">Save</button>" in page
    assert "draft" in page  # the workflow state
    # the option values stay the stored Dutch words
    assert '<option value="lopend - vertraagd">ongoing - delayed</option>' in page
    writer.post(url, {"version": 1, "status": "gerealiseerd", "progress": "100"})
    after = writer.get(url).content.decode()
    assert "Saved." in after
    submitted = writer.post(url + "indienen/", {"version": 2}, follow=True).content.decode()
    assert "Submitted for approval." in submitted


@pytest.mark.django_db
def test_round_pages_in_english_and_in_dutch_by_default(coordinator, round_, own_update):
    boss = login(Client(), coordinator)
    round_url = f"/rapportering/rondes/{round_.pk}/"

    dutch = boss.get(round_url).content.decode()
    assert '<html lang="nl">' in dutch
    assert "Nog niet gerapporteerd" in dutch and "Alle acties" in dutch and "in opmaak" in dutch
    assert "Not reported yet" not in dutch

    english(boss)
    page = boss.get(round_url).content.decode()
    assert "Not reported yet" in page and "All actions" in page and "Late actions" in page
    assert ">draft</span>" in page and "Nog niet gerapporteerd" not in page
    listing = boss.get("/rapportering/").content.decode()
    assert "Reporting rounds" in listing and "Current round:" in listing
    history = boss.get(f"/rapportering/rapporteringen/{own_update.pk}/historiek/").content.decode()
    assert ">History</h1>" in history and ">workflow<" in history


@pytest.mark.django_db
def test_the_sheet_stays_dutch_while_the_upload_page_speaks_english(
    mobility_reporter, round_, plan
):
    writer = english(login(Client(), mobility_reporter))
    mobility = Actor.objects.get(name="Minister van Mobiliteit")
    base = f"/rapportering/rondes/{round_.pk}/excel/{mobility.pk}/"
    sheet = load_workbook(io.BytesIO(writer.get(base).content)).active
    headers = [cell.value for cell in sheet[1]]
    # an upload finds its columns by these headers, whatever language the page is in
    assert "Status" in headers and "Voortgang (%)" in headers and "Toelichting" in headers
    page = writer.post(
        base + "opladen/", {"file": SimpleUploadedFile("blad.xlsx", b"geen excel")}
    ).content.decode()
    assert "The sheet was not processed: 1 error." in page
    assert "This is not a readable Excel file (.xlsx)." in page
