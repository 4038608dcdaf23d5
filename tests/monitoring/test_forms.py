"""Server-side validation on the web forms, with Dutch messages next to the field."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.test import Client

from tests.monitoring.conftest import login

pytestmark = pytest.mark.django_db


def _post(client, update, **fields):
    data = {
        "version": update.version,
        "status": "",
        "progress": "",
        "narrative": "",
        "budget_spent": "",
        "evidence_links": "",
    }
    data.update(fields)
    return client.post(f"/rapportering/rapporteringen/{update.pk}/", data)


def _field_errors(html: str, field: str) -> list[str]:
    match = re.search(rf'<ul class="errorlist" id="id_{field}-fout"[^>]*>(.*?)</ul>', html, re.S)
    return (
        [html_lib.unescape(e) for e in re.findall(r"<li>(.*?)</li>", match.group(1))]
        if match
        else []
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("progress", "-5", "Voortgang kan niet negatief zijn."),
        ("progress", "150", "Voortgang kan niet meer dan 100% zijn."),
        ("progress", "veel", "Voortgang moet een geheel getal zijn (0 tot 100)."),
        ("budget_spent", "-3", "Besteed budget kan niet negatief zijn."),
        (
            "budget_spent",
            "veel geld",
            "Besteed budget moet een bedrag in euro zijn, bijvoorbeeld 1250,50.",
        ),
        ("budget_spent", "12,345", "Een bedrag heeft hoogstens twee cijfers na de komma."),
        (
            "evidence_links",
            "ftp://example.org/x",
            "'ftp://example.org/x' is geen geldige link (begin met http:// of https://).",
        ),
        (
            "status",
            "bijna klaar",
            "Kies een van de statussen: niet gestart, lopend - op schema, lopend - vertraagd, gerealiseerd, stopgezet, bijgestuurd.",
        ),
    ],
)
def test_invalid_values_are_refused_with_a_dutch_message(
    reporter, own_update, field, value, message
):
    response = _post(
        login(Client(), reporter), own_update, **{field: value, "narrative": "bewaar mij niet"}
    )
    assert response.status_code == 400
    assert _field_errors(response.content.decode(), field) == [message]
    own_update.refresh_from_db()
    assert own_update.version == 1 and own_update.narrative == ""


@pytest.mark.parametrize(
    ("indicator_text", "value", "message"),
    [
        ("Aandeel scholen met een schoolstraat", "120", "Een percentage ligt tussen 0 en 100."),
        ("Aantal schoolstraten", "-1", "Een aantal kan niet negatief zijn."),
        ("Aantal schoolstraten", "twaalf", "De waarde moet een getal zijn."),
        ("Handleiding schoolstraten verspreid", "misschien", "Vul 'ja' of 'nee' in."),
    ],
)
def test_invalid_indicator_values_are_refused_in_dutch(
    reporter, own_update, indicator_text, value, message
):
    value_row = own_update.indicator_values.get(indicator__text=indicator_text)
    field = f"indicator_{value_row.indicator_id}"
    response = _post(login(Client(), reporter), own_update, **{field: value})
    assert response.status_code == 400
    assert _field_errors(response.content.decode(), field) == [message]
    value_row.refresh_from_db()
    assert value_row.value is None


def test_every_form_field_has_a_label(reporter, own_update):
    html = (
        login(Client(), reporter)
        .get(f"/rapportering/rapporteringen/{own_update.pk}/")
        .content.decode()
    )
    inputs = [
        input_id
        for tag, input_id in re.findall(r'(<(?:input|select|textarea)[^>]*\bid="(id_\w+)")', html)
        if 'type="hidden"' not in tag
    ]
    assert len(inputs) >= 9
    for input_id in inputs:
        assert f'<label for="{input_id}">' in html, input_id


def test_a_dutch_amount_is_understood(reporter, own_update):
    _post(login(Client(), reporter), own_update, budget_spent="€ 1.234,56", progress="0")
    own_update.refresh_from_db()
    assert str(own_update.budget_spent) == "1234.56" and own_update.progress == 0


def test_the_round_form_refuses_a_reversed_period_in_dutch(admin, plan):
    response = login(Client(), admin).post(
        "/rapportering/nieuw/",
        {
            "name": "",
            "period_start": "2026-01-01",
            "period_end": "2025-01-01",
            "deadline": "2026-03-31",
            "plans": [plan.pk],
        },
    )
    html = response.content.decode()
    assert _field_errors(html, "period_end") == ["Het einde van de periode ligt voor het begin."]
    assert _field_errors(html, "name") == ["Dit veld is verplicht."]
