"""The Excel round trip: download one actor's sheet, fill it in, upload it back."""

from __future__ import annotations

import html as html_lib
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from beleidsmonitor.monitoring.models import ActionUpdate
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.plans.models import Actor
from tests.monitoring.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def mobility(plan):
    return Actor.objects.get(name="Minister van Mobiliteit")


@pytest.fixture
def browser(mobility_reporter):
    return login(Client(), mobility_reporter)


def _download(browser, round_, actor):
    response = browser.get(f"/rapportering/rondes/{round_.pk}/excel/{actor.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def _upload(browser, round_, actor, workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return browser.post(
        f"/rapportering/rondes/{round_.pk}/excel/{actor.pk}/opladen/",
        {"file": SimpleUploadedFile("blad.xlsx", buffer.getvalue())},
    )


def _header(sheet) -> dict[str, str]:
    return {cell.value: cell.column_letter for cell in sheet[1]}


def test_the_sheet_has_one_row_per_action_and_drop_downs(browser, round_, mobility, plan):
    sheet = _download(browser, round_, mobility).active
    columns = _header(sheet)
    assert [sheet[f"E{row}"].value for row in (2, 3)] == [
        "Schoolstraten in elke gemeente",
        "Meldpunt voor gaten in fietspaden",
    ]
    assert sheet.max_row == 3  # the Work plan's actions are not Mobility's
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status = validations[f"{columns['Status']}2:{columns['Status']}3"]
    assert status.type == "list"
    assert status.formula1 == (
        '"niet gestart,lopend - op schema,lopend - vertraagd,gerealiseerd,stopgezet,bijgestuurd"'
    )
    progress = validations[f"{columns['Voortgang (%)']}2:{columns['Voortgang (%)']}3"]
    assert (progress.type, progress.formula1, progress.formula2) == ("whole", "0", "100")
    deliverable_column = next(
        columns[f"Waarde indicator {k}"]
        for k in range(1, 5)
        if "opgeleverd" in (sheet[f"{columns[f'Indicator {k}']}2"].value or "")
    )
    assert validations[f"{deliverable_column}2"].formula1 == '"ja,nee"'


def test_a_valid_sheet_is_applied(browser, round_, mobility, plan, mobility_reporter):
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Status']}2"] = "gerealiseerd"
    sheet[f"{c['Voortgang (%)']}2"] = 100
    sheet[f"{c['Toelichting']}2"] = "Alle schoolstraten liggen er."
    sheet[f"{c['Besteed budget (euro)']}2"] = 1100000.5
    sheet[f"{c['Bewijsstukken (één link per regel)']}2"] = (
        "https://example.org/a\nhttps://example.org/b"
    )
    sheet[f"{c['Waarde indicator 1']}2"] = 118
    sheet[f"{c['Waarde indicator 2']}2"] = "37,5"
    sheet[f"{c['Waarde indicator 4']}2"] = "ja"
    sheet[f"{c['Status']}3"] = "lopend - vertraagd"
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 302, response.content.decode()

    a1 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A1")
    a2 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A2")
    assert (a1.status, a1.progress, str(a1.budget_spent)) == ("gerealiseerd", 100, "1100000.50")
    assert a1.evidence_links == ["https://example.org/a", "https://example.org/b"]
    values = {v.indicator.text: v for v in a1.indicator_values.select_related("indicator")}
    assert values["Aantal schoolstraten"].value == 118
    assert str(values["Aandeel scholen met een schoolstraat"].value) == "37.500"
    assert values["Handleiding schoolstraten verspreid"].display_value == "ja"
    assert a2.status == "lopend - vertraagd"
    assert a1.changes.filter(user=mobility_reporter, field="status").exists()

    # downloading again shows the stored values; uploading it unchanged changes nothing
    again = _download(browser, round_, mobility)
    assert again.active[f"{c['Status']}2"].value == "gerealiseerd"
    response = _upload(browser, round_, mobility, again)
    assert response.status_code == 302
    a1.refresh_from_db()
    assert a1.version == 2


def test_an_invalid_sheet_lists_every_bad_cell_and_applies_nothing(browser, round_, mobility, plan):
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Status']}2"] = "gerealiseerd"  # a valid row: still not applied
    sheet[f"{c['Toelichting']}2"] = "klaar"
    sheet[f"{c['Status']}3"] = "bijna klaar"
    sheet[f"{c['Voortgang (%)']}3"] = 150
    sheet[f"{c['Besteed budget (euro)']}3"] = -20
    sheet[f"{c['Bewijsstukken (één link per regel)']}3"] = "zie verslag"
    sheet[f"{c['Waarde indicator 2']}2"] = 120  # a percentage
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 400
    html = response.content.decode()
    expected = [
        (
            "2",
            f"{c['Waarde indicator 2']} (Waarde indicator 2)",
            "Een percentage ligt tussen 0 en 100.",
        ),
        ("3", f"{c['Status']} (Status)", "Kies een van de statussen"),
        ("3", f"{c['Voortgang (%)']} (Voortgang (%))", "Voortgang kan niet meer dan 100% zijn."),
        (
            "3",
            f"{c['Besteed budget (euro)']} (Besteed budget (euro))",
            "Besteed budget kan niet negatief zijn.",
        ),
        (
            "3",
            f"{c['Bewijsstukken (één link per regel)']} (Bewijsstukken (één link per regel))",
            "&#x27;zie&#x27; is geen geldige link",
        ),
    ]
    rows = re.findall(r"<tr><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", html)
    for row, column, message in expected:
        assert any(r == row and col == column and message in m for r, col, m in rows), (row, column)
    assert "5 fouten." in html and "Er is niets gewijzigd." in html
    assert not ActionUpdate.objects.filter(round=round_).exclude(status="").exists()
    assert set(ActionUpdate.objects.filter(round=round_).values_list("version", flat=True)) == {1}


def test_a_row_changed_since_download_is_refused_not_overwritten(
    browser, round_, mobility, plan, reporter
):
    workbook = _download(browser, round_, mobility)
    a1 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A1")
    save_update(reporter, a1, {"narrative": "intussen via het web"}, expected_version=1)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Toelichting']}2"] = "uit Excel"
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 400
    assert "gewijzigd sinds u het blad downloadde" in response.content.decode()
    a1.refresh_from_db()
    assert a1.narrative == "intussen via het web"


def test_a_row_of_another_actor_or_a_broken_file_is_refused(browser, round_, mobility, other_plan):
    workbook = _download(browser, round_, mobility)
    foreign = ActionUpdate.objects.get(round=round_, action__plan=other_plan, action__key="A1")
    sheet = workbook.active
    sheet["A2"] = foreign.pk
    sheet["H2"] = "niet van mij"
    response = _upload(browser, round_, mobility, workbook)
    assert "Onbekende rapportering voor deze actor en ronde." in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.narrative == ""
    broken = browser.post(
        f"/rapportering/rondes/{round_.pk}/excel/{mobility.pk}/opladen/",
        {"file": SimpleUploadedFile("blad.xlsx", b"geen excel")},
    )
    html = broken.content.decode()
    assert "geen leesbaar Excel-bestand" in html
    assert "Het blad werd niet verwerkt: 1 fout." in html
    assert "<td>0</td>" not in html and "<td>-</td>" not in html  # no row 0, column -


def test_text_that_looks_like_a_formula_stays_text(browser, round_, mobility, plan, admin):
    a1 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A1")
    save_update(
        admin, a1, {"narrative": '=HYPERLINK("http://x.example","klik")'}, expected_version=1
    )
    sheet = _download(browser, round_, mobility).active
    cell = sheet[f"{_header(sheet)['Toelichting']}2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_a_reporter_gets_only_their_own_actors_sheet(browser, round_, other_plan):
    work = Actor.objects.get(name="Minister van Werk")
    assert browser.get(f"/rapportering/rondes/{round_.pk}/excel/{work.pk}/").status_code == 403
    upload_page = browser.get(f"/rapportering/rondes/{round_.pk}/excel/{work.pk}/opladen/")
    assert upload_page.status_code == 403


def test_text_cells_are_read_the_dutch_way_number_cells_as_they_are(
    browser, round_, mobility, plan
):
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Besteed budget (euro)']}2"] = "1.250"  # a text cell, typed the Dutch way
    sheet[f"{c['Waarde indicator 1']}2"] = "10.000"
    sheet[f"{c['Waarde indicator 2']}2"] = 37.25  # a number cell: stays 37.25
    sheet[f"{c['Besteed budget (euro)']}3"] = 1250.5  # a number cell: stays 1250.50
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 302, response.content.decode()
    a1 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A1")
    a2 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A2")
    assert (str(a1.budget_spent), str(a2.budget_spent)) == ("1250.00", "1250.50")
    values = {v.indicator.text: v.value for v in a1.indicator_values.select_related("indicator")}
    assert values["Aantal schoolstraten"] == 10000
    assert str(values["Aandeel scholen met een schoolstraat"]) == "37.250"


def test_a_text_cell_with_a_decimal_point_or_a_huge_number_is_refused(
    browser, round_, mobility, plan
):
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Besteed budget (euro)']}2"] = "1.25"
    sheet[f"{c['Besteed budget (euro)']}3"] = "99999999999999999999999"
    sheet[f"{c['Waarde indicator 1']}2"] = "1e309"
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 400
    rows = re.findall(
        r"<tr><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", response.content.decode()
    )
    budget = f"{c['Besteed budget (euro)']} (Besteed budget (euro))"
    indicator = f"{c['Waarde indicator 1']} (Waarde indicator 1)"
    assert (
        "2",
        budget,
        "Schrijf decimalen met een komma, bv. 1,25; een punt scheidt duizendtallen (10.000).",
    ) in rows
    assert (
        "3",
        budget,
        "Dit getal is te groot: hoogstens 13 cijfers voor de komma en 2 erna.",
    ) in rows
    assert ("2", indicator, "De waarde moet een getal zijn.") in rows
    assert set(ActionUpdate.objects.filter(round=round_).values_list("version", flat=True)) == {1}


def test_a_sheet_row_whose_status_contradicts_its_progress_is_refused(
    browser, round_, mobility, plan
):
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Status']}2"] = "niet gestart"
    sheet[f"{c['Voortgang (%)']}2"] = 60
    sheet[f"{c['Status']}3"] = "gerealiseerd"
    sheet[f"{c['Voortgang (%)']}3"] = 30
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 400
    html = html_lib.unescape(response.content.decode())
    rows = re.findall(r"<tr><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", html)
    progress = f"{c['Voortgang (%)']} (Voortgang (%))"
    assert [(row, message[:30]) for row, column, message in rows if column == progress] == [
        ("2", "Een actie die niet gestart is,"),
        ("3", "Een gerealiseerde actie heeft "),
    ]
    assert not ActionUpdate.objects.filter(round=round_).exclude(status="").exists()


def _legacy_pair(update: ActionUpdate, **extra) -> None:
    """A status and progress stored before the pair rule existed: realised at 80%."""
    ActionUpdate.objects.filter(pk=update.pk).update(status="gerealiseerd", progress=80, **extra)


def _rows(response) -> list[tuple[str, str, str]]:
    html = html_lib.unescape(response.content.decode())
    return re.findall(r"<tr><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", html)


@pytest.mark.parametrize("state", ["submitted", "draft"])
def test_a_stored_pair_from_before_the_rule_does_not_block_the_rows_that_changed(
    browser, round_, mobility, plan, state
):
    a1 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A1")
    a2 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A2")
    # handed in (the reporter may not change it) or still a draft, but left alone
    _legacy_pair(a2, state=state)
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    assert sheet[f"{c['Nr.']}3"].value == a2.pk
    sheet[f"{c['Toelichting']}2"] = "Nieuw verhaal"
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 302, _rows(response)
    a1.refresh_from_db()
    a2.refresh_from_db()
    assert (a1.narrative, a1.version) == ("Nieuw verhaal", 2)
    assert (a2.status, a2.progress, a2.version) == ("gerealiseerd", 80, 1)


def test_a_changed_row_with_a_stored_pair_from_before_the_rule_is_still_refused(
    browser, round_, mobility, plan
):
    a1 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A1")
    _legacy_pair(a1)
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Toelichting']}2"] = "Nieuw verhaal"
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 400
    progress = f"{c['Voortgang (%)']} (Voortgang (%))"
    assert [(row, column, message[:30]) for row, column, message in _rows(response)] == [
        ("2", progress, "Een gerealiseerde actie heeft ")
    ]
    a1.refresh_from_db()
    assert (a1.narrative, a1.version) == ("", 1)


def test_a_changed_row_with_a_bad_cell_also_gets_its_pair_checked(browser, round_, mobility, plan):
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Status']}2"] = "gerealiseerd"
    sheet[f"{c['Voortgang (%)']}2"] = 30
    sheet[f"{c['Besteed budget (euro)']}2"] = "veel"
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 400
    found = {(row, column) for row, column, _message in _rows(response)}
    assert found == {
        ("2", f"{c['Besteed budget (euro)']} (Besteed budget (euro))"),
        ("2", f"{c['Voortgang (%)']} (Voortgang (%))"),
    }


def test_a_changed_row_that_was_handed_in_says_so_not_that_its_pair_is_wrong(
    browser, round_, mobility, plan
):
    a2 = ActionUpdate.objects.get(round=round_, action__plan=plan, action__key="A2")
    _legacy_pair(a2, state="submitted")
    workbook = _download(browser, round_, mobility)
    sheet = workbook.active
    c = _header(sheet)
    sheet[f"{c['Toelichting']}3"] = "Toch nog iets"
    response = _upload(browser, round_, mobility, workbook)
    assert response.status_code == 400
    rows = _rows(response)
    assert len(rows) == 1
    assert rows[0][:2] == ("3", f"{c['Status']} (Status)")
    assert "kan niet meer bewerkt worden" in rows[0][2]
