"""The whole cycle through the web pages, as the people involved click through it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from beleidsmonitor.monitoring.models import ActionUpdate, ReportingRound
from tests.monitoring.conftest import login

pytestmark = pytest.mark.django_db


def _form_fields(html: str) -> dict[str, str]:
    """The values a browser would send back from the update form, as rendered."""
    fields = dict(
        re.findall(r'<input type="(?:hidden|text|number)" name="(\w+)" value="([^"]*)"', html)
    )
    for name, body in re.findall(r'<textarea name="(\w+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        fields[name] = body
    for name, select in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', select)
        fields[name] = chosen.group(1) if chosen else ""
    return fields


def test_open_fill_in_submit_send_back_fix_approve_publish_and_show(
    coordinator, reporter, plan, other_plan
):
    boss = login(Client(), coordinator)
    writer = login(Client(), reporter)
    visitor = Client()

    # the coordinator opens the round for their plan
    page = boss.get("/rapportering/nieuw/").content.decode()
    assert plan.title in page and other_plan.title not in page
    opened = boss.post(
        "/rapportering/nieuw/",
        {
            "name": "Rapportering 2026",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "deadline": "2026-03-31",
            "plans": [plan.pk],
        },
    )
    round_ = ReportingRound.objects.get(name="Rapportering 2026")
    assert opened.status_code == 302 and opened["Location"] == f"/rapportering/rondes/{round_.pk}/"
    update = ActionUpdate.objects.get(round=round_, action__key="A1")
    url = f"/rapportering/rapporteringen/{update.pk}/"

    # the reporter finds it among their open updates and fills it in
    mine = writer.get("/rapportering/mijn/").content.decode()
    assert url in mine and "Schoolstraten in elke gemeente" in mine
    assert "Meldpunt voor gaten" not in mine  # A2 is Mobility's alone
    form_page = writer.get(url).content.decode()
    for label in ("Status", "Voortgang (%)", "Toelichting", "Besteed budget (euro)"):
        assert f">{label}</label>" in form_page
    assert "Indienen" in form_page and "Goedkeuren" not in form_page
    values = update.indicator_values.select_related("indicator")
    count = values.get(indicator__text="Aantal schoolstraten")
    falling = values.get(indicator__text__startswith="Aantal meldingen")
    deliverable = values.get(indicator__kind="deliverable")
    fields = _form_fields(form_page)
    fields.update(
        {
            "status": "lopend - op schema",
            "progress": "35",
            "narrative": "Veertig schoolstraten in twaalf gemeenten.",
            "budget_spent": "1.250,50",
            "evidence_links": "https://example.org/schoolstraten\nhttps://example.org/kaart",
            f"indicator_{count.indicator_id}": "40",
            f"indicator_{falling.indicator_id}": "150",
            f"indicator_{deliverable.indicator_id}": "ja",
        }
    )
    assert writer.post(url, fields).status_code == 302
    assert writer.post(url + "indienen/", {"version": 2}).status_code == 302
    update.refresh_from_db()
    assert update.state == "submitted" and str(update.budget_spent) == "1250.50"

    # the coordinator sees review buttons, not the edit form, and sends it back
    review_page = boss.get(url).content.decode()
    assert "Goedkeuren" in review_page and "Terugsturen" in review_page
    assert "Bewaren" not in review_page and "Indienen" not in review_page
    boss.post(url + "terugsturen/", {"comment": "Welke twaalf gemeenten?"})
    update.refresh_from_db()
    assert update.state == "sent_back"

    # the reporter sees why, fixes the narrative and submits again
    assert "Welke twaalf gemeenten?" in writer.get("/rapportering/mijn/").content.decode()
    fix_page = writer.get(url).content.decode()
    assert "Opmerking van de coördinator" in fix_page
    fields = _form_fields(fix_page)
    fields["narrative"] = "Veertig schoolstraten in twaalf gemeenten, o.a. Gent en Leuven."
    assert writer.post(url, fields).status_code == 302
    writer.post(url + "indienen/")
    update.refresh_from_db()
    assert update.state == "submitted" and "Gent en Leuven" in update.narrative

    # a visitor does not see it before it is published
    assert visitor.get(url).status_code == 404
    assert "Gent en Leuven" not in visitor.get("/rapportering/gepubliceerd/").content.decode()

    boss.post(url + "goedkeuren/")
    update.refresh_from_db()
    assert update.state == "approved"
    assert "Publiceren" in boss.get(url).content.decode()
    boss.post(url + "publiceren/")
    update.refresh_from_db()
    assert update.state == "published"

    public = visitor.get("/rapportering/gepubliceerd/").content.decode()
    assert "Gent en Leuven" in public and "lopend - op schema" in public
    assert "Aantal meldingen van onveilige schoolroutes" in public
    assert "50%" in public  # 200 -> 100 falling target, now 150: half way
    assert "Meldpunt voor gaten" not in public  # A2 was never published
    assert visitor.get(url).status_code == 200

    # the history shows every step with who did it
    history = boss.get(url + "historiek/").content.decode()
    assert "ingediend" in history and "teruggestuurd" in history and "gepubliceerd" in history
    assert history.count("rapporteur") >= 3 and "coordinator" in history


def test_visitors_are_sent_to_the_published_page(client):
    response = client.get("/rapportering/")
    assert response.status_code == 302 and response["Location"] == "/rapportering/gepubliceerd/"


def test_a_reader_reads_everything_but_gets_no_buttons(reader, reporter, own_update):
    from beleidsmonitor.monitoring.operations.save_update import save_update

    save_update(reporter, own_update, {"narrative": "een concept"}, expected_version=1)
    client = login(Client(), reader)
    html = client.get(f"/rapportering/rapporteringen/{own_update.pk}/").content.decode()
    assert own_update.action.title in html and "een concept" in html
    for button in ("Bewaren", "Indienen", "Goedkeuren", "Publiceren", "Terugsturen"):
        assert f">{button}</button>" not in html
    round_page = client.get(f"/rapportering/rondes/{own_update.round_id}/").content.decode()
    assert "Nog niet gerapporteerd" in round_page and "Ronde afsluiten" not in round_page
    assert "Blad downloaden" not in round_page
    history = client.get(f"/rapportering/rapporteringen/{own_update.pk}/historiek/")
    assert history.status_code == 200 and "een concept" in history.content.decode()
    assert "Oude waarde herstellen" not in history.content.decode()


def test_visitors_get_no_history_and_no_drafts(client, own_update):
    assert client.get(f"/rapportering/rapporteringen/{own_update.pk}/").status_code == 404
    history = client.get(f"/rapportering/rapporteringen/{own_update.pk}/historiek/")
    assert history.status_code == 302 and history["Location"].startswith("/accounts/login/")


def test_history_page_restores_an_old_value(coordinator, reporter, own_update):
    from beleidsmonitor.monitoring.operations.save_update import save_update

    save_update(reporter, own_update, {"narrative": "oud"}, expected_version=1)
    save_update(reporter, own_update, {"narrative": "nieuw"}, expected_version=2)
    change = own_update.changes.get(field="narrative", new="nieuw")
    client = login(Client(), coordinator)
    history = client.get(f"/rapportering/rapporteringen/{own_update.pk}/historiek/")
    html = history.content.decode()
    assert "Oude waarde herstellen" in html and "toelichting" in html
    client.post(f"/rapportering/rapporteringen/{own_update.pk}/historiek/{change.pk}/herstellen/")
    own_update.refresh_from_db()
    assert own_update.narrative == "oud"
    assert (
        "hersteld uit wijziging"
        in client.get(f"/rapportering/rapporteringen/{own_update.pk}/historiek/").content.decode()
    )


def test_round_page_lists_who_has_not_reported(admin, round_, plan):
    client = login(Client(), admin)
    html = client.get(f"/rapportering/rondes/{round_.pk}/").content.decode()
    section = html[html.index("Nog niet gerapporteerd") : html.index("Laattijdige acties")]
    assert "Minister van Mobiliteit" in section and "Minister van Werk" in section
    assert "Ronde afsluiten" in html


def _messages(html: str) -> list[str]:
    found = re.search(r'<ul class="messages"[^>]*>(.*?)</ul>', html, re.S)
    return re.findall(r"<li[^>]*>(.*?)</li>", found.group(1)) if found else []


def test_restoring_an_indicator_the_update_no_longer_has_says_so_on_the_page(
    coordinator, reporter, own_update
):
    from decimal import Decimal

    from beleidsmonitor.monitoring.operations.save_update import save_update

    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    save_update(
        reporter, own_update, {"indicators": {count.indicator_id: Decimal(7)}}, expected_version=1
    )
    change = own_update.changes.get(field=f"indicator:{count.indicator_id}")
    count.delete()  # a newer version of the plan dropped the indicator
    client = login(Client(), coordinator)
    url = f"/rapportering/rapporteringen/{own_update.pk}/historiek/"
    page = client.post(f"{url}{change.pk}/herstellen/", {"version": 2}, follow=True)
    assert page.status_code == 200
    assert page.redirect_chain == [(url, 302)]
    assert _messages(page.content.decode()) == [
        "Deze indicator hoort niet meer bij de rapportering; "
        "de oude waarde kan niet teruggezet worden."
    ]
    own_update.refresh_from_db()
    assert own_update.version == 2


def test_send_back_without_a_comment_says_only_the_dutch_sentence(
    admin, coordinator, reporter, own_update
):
    from beleidsmonitor.monitoring.operations.save_update import save_update
    from beleidsmonitor.monitoring.operations.submit import submit_update

    save_update(reporter, own_update, {"status": "lopend - op schema"}, expected_version=1)
    submit_update(reporter, own_update)
    url = f"/rapportering/rapporteringen/{own_update.pk}/"
    page = login(Client(), coordinator).post(url + "terugsturen/", {"comment": "  "}, follow=True)
    assert _messages(page.content.decode()) == [
        "Zeg in een opmerking wat de rapporteur moet aanpassen."
    ]
    own_update.refresh_from_db()
    assert own_update.state == "submitted"


def test_history_and_pages_show_numbers_the_dutch_way(admin, coordinator, reporter, own_update):
    from decimal import Decimal

    from beleidsmonitor.monitoring.operations.approve import approve_update
    from beleidsmonitor.monitoring.operations.publish import publish_update
    from beleidsmonitor.monitoring.operations.save_update import save_update
    from beleidsmonitor.monitoring.operations.submit import submit_update

    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    deliverable = own_update.indicator_values.get(indicator__kind="deliverable")
    for version, budget in enumerate(("1.25", "1250.5", "12345678.9"), start=1):
        values = {"budget_spent": Decimal(budget)}
        if version == 3:
            values |= {
                "status": "lopend - op schema",
                "indicators": {
                    count.indicator_id: Decimal("2500.5"),
                    deliverable.indicator_id: Decimal(1),
                },
            }
        save_update(reporter, own_update, values, expected_version=version)
    boss = login(Client(), coordinator)
    history = boss.get(f"/rapportering/rapporteringen/{own_update.pk}/historiek/").content.decode()
    cells = re.findall(r"<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td class=\"num\">", history)
    assert ("", "1,25") in cells
    assert ("1,25", "1.250,50") in cells
    assert ("1.250,50", "12.345.678,90") in cells
    assert ("", "2.500,5") in cells  # the count indicator
    assert ("", "ja") in cells  # the deliverable, as the form says it
    assert "1250.5" not in history and "12345678.9" not in history
    boss.post("/i18n/setlang/", {"language": "en", "next": "/"})
    in_english = boss.get(f"/rapportering/rapporteringen/{own_update.pk}/historiek/")
    assert "12,345,678.90" in in_english.content.decode()  # the reader's language

    submit_update(reporter, own_update)
    approve_update(coordinator, own_update)
    publish_update(coordinator, own_update)
    published = Client().get("/rapportering/gepubliceerd/").content.decode()
    assert "€ 12.345.678,90 besteed" in published
    detail = Client().get(f"/rapportering/rapporteringen/{own_update.pk}/").content.decode()
    assert "€ 12.345.678,90" in detail
    assert '<td class="num">2.500,5</td>' in detail  # the indicator table too
    plan_id = own_update.action.plan_id
    report = Client().get(f"/rapporten/plan/{plan_id}/ronde/{own_update.round_id}/jaarrapport.html")
    assert '<td class="num">2.500,5</td>' in report.content.decode()


def test_closing_a_round_needs_the_confirmation_ticked(admin, round_):
    client = login(Client(), admin)
    url = f"/rapportering/rondes/{round_.pk}/sluiten/"
    page = client.post(url, follow=True).content.decode()
    assert "Vink aan dat u de ronde wilt afsluiten" in page
    round_.refresh_from_db()
    assert round_.is_open
    client.post(url, {"bevestigd": "ja"})
    round_.refresh_from_db()
    assert not round_.is_open
