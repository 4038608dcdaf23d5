"""Server-side validation on the web forms, with Dutch messages next to the field."""

from __future__ import annotations

import html as html_lib
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from beleidsmonitor.monitoring.errors import InvalidValues
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.validation import parse_dutch_number
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
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error"[^>]*>(.*?)</ul>', html, re.S)
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


# --- amounts and numbers written the Dutch way (one parser for form and sheet) ---------

DECIMAL_POINT = (
    "Schrijf decimalen met een komma, bv. 1,25; een punt scheidt duizendtallen (10.000)."
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("10.000", "10000"),
        ("1.250", "1250"),
        ("2.500.000", "2500000"),
        ("€ 1.250", "1250"),
        ("€1.250,50", "1250.50"),
        ("1.250,50", "1250.50"),
        ("12.345.678,9", "12345678.9"),
        ("1250,5", "1250.5"),
        ("1250", "1250"),
        ("10 000", "10000"),
        ("10\u00a0000", "10000"),
        ("€\u00a010\u00a0000,25", "10000.25"),
        ("1,250", "1.250"),
        ("-3", "-3"),
        (" 7 ", "7"),
    ],
)
def test_the_dutch_number_parser_reads_dots_as_thousands_and_the_comma_as_decimals(text, number):
    assert parse_dutch_number(text) == Decimal(number)


@pytest.mark.parametrize(
    "text",
    [
        "1.5",
        "1.25",
        "12.34",
        "1250.50",
        "1.2345",
        "1.250.5",
        # a first group starting with zero groups no thousands: it is a decimal point
        "0.500",
        "00.500",
        "000.001",
        "0.250",
        "-0.500",
        "€ 0.500",
    ],
)
def test_the_dutch_number_parser_refuses_a_dot_that_groups_no_thousands(text):
    with pytest.raises(ValidationError) as refused:
        parse_dutch_number(text)
    assert refused.value.messages == [DECIMAL_POINT]


@pytest.mark.parametrize(
    "text", ["1e309", "NaN", "Infinity", "-inf", "1.25e3", "1 2", "1,2,3", "12,", "€", "", "."]
)
def test_the_dutch_number_parser_refuses_what_is_no_number(text):
    with pytest.raises(ValidationError) as refused:
        parse_dutch_number(text, invalid="geen getal")
    assert refused.value.messages == ["geen getal"]


@pytest.mark.parametrize(
    "text",
    [
        "\u0661\u0662\u0663",  # Arabic-Indic 123
        "\uff11\uff12\uff13",  # full-width 123
        "1.\u0660\u0660\u0660",  # 1. and Arabic-Indic zeros
        "\u0661,5",
        "1,\u0665",
        "0 500",  # a space grouping with a first group of zero
    ],
)
def test_the_dutch_number_parser_reads_only_the_digits_0_to_9(text):
    with pytest.raises(ValidationError) as refused:
        parse_dutch_number(text, invalid="geen getal")
    assert refused.value.messages == ["geen getal"]


@pytest.mark.parametrize("text", ["-0", "-0,00", "-€ 0", "+0", "-,0"])
def test_the_dutch_number_parser_reads_a_negative_zero_as_zero(text):
    number = parse_dutch_number(text)
    assert number == 0 and not number.is_signed()


def test_a_negative_zero_is_stored_and_recorded_as_zero(reporter, own_update):
    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    response = _post(
        login(Client(), reporter),
        own_update,
        budget_spent="-0",
        **{f"indicator_{count.indicator_id}": "-0,0"},
    )
    assert response.status_code == 302
    own_update.refresh_from_db()
    count.refresh_from_db()
    assert str(own_update.budget_spent) == "0.00"
    assert not count.value.is_signed() and count.value == 0
    history = {change.field: change for change in own_update.changes.all()}
    assert history["budget_spent"].new == "0"
    assert history[f"indicator:{count.indicator_id}"].new == "0"
    assert history["budget_spent"].new_display == "0,00"


def test_save_update_stores_a_negative_zero_from_the_api_or_a_sheet_as_zero(reporter, own_update):
    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    save_update(
        reporter,
        own_update,
        {"budget_spent": Decimal("-0.0"), "indicators": {count.indicator_id: Decimal("-0")}},
        expected_version=own_update.version,
    )
    history = {change.field: change.new for change in own_update.changes.all()}
    assert history["budget_spent"] == "0"
    assert history[f"indicator:{count.indicator_id}"] == "0"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("10.000", "10000.00"),
        ("1.250", "1250.00"),
        ("€ 1.250", "1250.00"),
        ("1,250", "1.25"),
        ("2.500.000", "2500000.00"),
        ("12.345.678,9", "12345678.90"),
        ("1.250,50", "1250.50"),
        ("1250,5", "1250.50"),
        ("10 000", "10000.00"),
        ("10\u00a0000", "10000.00"),
    ],
)
def test_a_budget_typed_the_dutch_way_is_stored_as_meant(reporter, own_update, typed, stored):
    response = _post(login(Client(), reporter), own_update, budget_spent=typed)
    assert response.status_code == 302, _field_errors(response.content.decode(), "budget_spent")
    own_update.refresh_from_db()
    assert str(own_update.budget_spent) == stored


@pytest.mark.parametrize("typed", ["1.5", "1.25", "12.34", "0.500", "00.500"])
def test_a_budget_with_a_decimal_point_is_refused_with_how_to_write_it(reporter, own_update, typed):
    response = _post(login(Client(), reporter), own_update, budget_spent=typed)
    assert response.status_code == 400
    assert _field_errors(response.content.decode(), "budget_spent") == [DECIMAL_POINT]
    own_update.refresh_from_db()
    assert own_update.budget_spent is None and own_update.version == 1


def test_an_indicator_value_typed_the_dutch_way_is_stored_as_meant(reporter, own_update):
    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    share = own_update.indicator_values.get(indicator__text="Aandeel scholen met een schoolstraat")
    client = login(Client(), reporter)
    response = _post(
        client,
        own_update,
        **{f"indicator_{count.indicator_id}": "10.000", f"indicator_{share.indicator_id}": "37,5"},
    )
    assert response.status_code == 302
    count.refresh_from_db()
    share.refresh_from_db()
    assert (count.value, share.value) == (Decimal(10000), Decimal("37.5"))
    own_update.refresh_from_db()
    refused = _post(client, own_update, **{f"indicator_{count.indicator_id}": "1.5"})
    assert refused.status_code == 400
    assert _field_errors(refused.content.decode(), f"indicator_{count.indicator_id}") == [
        DECIMAL_POINT
    ]


# --- numbers too large for the database are a message, not an HTTP 500 ----------------

TOO_LARGE_BUDGET = "Dit getal is te groot: hoogstens 13 cijfers voor de komma en 2 erna."
TOO_LARGE_VALUE = "Dit getal is te groot: hoogstens 12 cijfers voor de komma en 3 erna."


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "99999999999999999999999",
            TOO_LARGE_BUDGET,
        ),
        ("10.000.000.000.000", TOO_LARGE_BUDGET),
        ("9999999999999,999", TOO_LARGE_BUDGET),  # rounded to cents it no longer fits
        ("1e309", "Besteed budget moet een bedrag in euro zijn, bijvoorbeeld 1250,50."),
        ("NaN", "Besteed budget moet een bedrag in euro zijn, bijvoorbeeld 1250,50."),
        ("Infinity", "Besteed budget moet een bedrag in euro zijn, bijvoorbeeld 1250,50."),
    ],
)
def test_a_budget_too_large_or_not_finite_is_a_dutch_message(reporter, own_update, typed, message):
    response = _post(login(Client(), reporter), own_update, budget_spent=typed)
    assert response.status_code == 400
    assert _field_errors(response.content.decode(), "budget_spent") == [message]
    own_update.refresh_from_db()
    assert own_update.budget_spent is None


def test_the_largest_budget_that_fits_is_stored(reporter, own_update):
    response = _post(login(Client(), reporter), own_update, budget_spent="9.999.999.999.999,99")
    assert response.status_code == 302
    own_update.refresh_from_db()
    assert own_update.budget_spent == Decimal("9999999999999.99")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("99999999999999999999999", TOO_LARGE_VALUE),
        # rounded to the three decimals stored, this no longer fits
        ("999999999999,9999", TOO_LARGE_VALUE),
        ("1e309", "De waarde moet een getal zijn."),
        ("NaN", "De waarde moet een getal zijn."),
        ("Infinity", "De waarde moet een getal zijn."),
    ],
)
def test_an_indicator_value_too_large_is_a_dutch_message(reporter, own_update, typed, message):
    count = own_update.indicator_values.get(indicator__text="Aantal schoolstraten")
    field = f"indicator_{count.indicator_id}"
    response = _post(login(Client(), reporter), own_update, **{field: typed})
    assert response.status_code == 400
    assert _field_errors(response.content.decode(), field) == [message]
    count.refresh_from_db()
    assert count.value is None


def test_save_update_refuses_a_budget_too_large_instead_of_failing_in_the_database(
    reporter, own_update
):
    with pytest.raises(InvalidValues) as refused:
        save_update(
            reporter,
            own_update,
            {"budget_spent": Decimal("99999999999999999999999")},
            expected_version=1,
        )
    assert "te groot" in refused.value.errors["budget_spent"]


# --- status and progress must not contradict each other --------------------------------

NOT_STARTED = (
    "Een actie die niet gestart is, heeft 0% voortgang: "
    "kies een andere status of zet de voortgang op 0."
)
REALISED = (
    "Een gerealiseerde actie heeft 100% voortgang: "
    "kies een andere status of zet de voortgang op 100."
)


@pytest.mark.parametrize(
    ("status", "progress", "message"),
    [("niet gestart", "60", NOT_STARTED), ("gerealiseerd", "30", REALISED)],
)
def test_a_status_that_contradicts_the_progress_is_refused(
    reporter, own_update, status, progress, message
):
    response = _post(login(Client(), reporter), own_update, status=status, progress=progress)
    assert response.status_code == 400
    assert _field_errors(response.content.decode(), "progress") == [message]
    own_update.refresh_from_db()
    assert (own_update.status, own_update.progress, own_update.version) == ("", None, 1)


@pytest.mark.parametrize(
    ("status", "progress"),
    [
        ("niet gestart", "0"),
        ("niet gestart", ""),
        ("gerealiseerd", "100"),
        ("gerealiseerd", ""),
        ("lopend - op schema", "60"),
    ],
)
def test_a_status_that_fits_the_progress_is_stored(reporter, own_update, status, progress):
    response = _post(login(Client(), reporter), own_update, status=status, progress=progress)
    assert response.status_code == 302
    own_update.refresh_from_db()
    assert own_update.status == status


def test_save_update_checks_status_and_progress_against_what_is_stored(reporter, own_update):
    save_update(reporter, own_update, {"status": "niet gestart"}, expected_version=1)
    with pytest.raises(InvalidValues) as refused:
        save_update(reporter, own_update, {"progress": 60}, expected_version=2)
    assert refused.value.errors == {"progress": NOT_STARTED}
    save_update(
        reporter, own_update, {"status": "gerealiseerd", "progress": 100}, expected_version=2
    )
    with pytest.raises(InvalidValues) as refused:
        save_update(reporter, own_update, {"progress": 30}, expected_version=3)
    assert refused.value.errors == {"progress": REALISED}
    own_update.refresh_from_db()
    assert (own_update.status, own_update.progress) == ("gerealiseerd", 100)


# --- the error list is the one the field's aria-describedby names ----------------------


def test_a_fields_error_list_is_the_one_its_aria_describedby_names(reporter, own_update, admin):
    html = _post(login(Client(), reporter), own_update, progress="-5").content.decode()
    field = re.search(r'<input[^>]*name="progress"[^>]*>', html).group(0)
    described = re.search(r'aria-describedby="([^"]*)"', field).group(1).split()
    assert "id_progress_error" in described
    for element_id in described:
        assert f'id="{element_id}"' in html, element_id
    assert _field_errors(html, "progress") == ["Voortgang kan niet negatief zijn."]

    round_form = login(Client(), admin).post("/rapportering/nieuw/", {"name": ""}).content.decode()
    name = re.search(r'<input[^>]*name="name"[^>]*>', round_form).group(0)
    for element_id in re.search(r'aria-describedby="([^"]*)"', name).group(1).split():
        assert f'id="{element_id}"' in round_form, element_id


def test_the_form_shows_a_baseline_the_way_it_reads_numbers(reporter, own_update):
    from beleidsmonitor.monitoring.forms import dutch_number

    assert [dutch_number(Decimal(n)) for n in ("1250.500", "200.000", "0.25")] == [
        "1.250,5",
        "200",
        "0,25",
    ]
    falling = own_update.indicator_values.get(indicator__text__startswith="Aantal meldingen")
    falling.baseline = Decimal("1250.5")
    falling.save()
    html = login(Client(), reporter).get(f"/rapportering/rapporteringen/{own_update.pk}/")
    assert "nulmeting 1.250,5" in html.content.decode()
    assert parse_dutch_number("1.250,5") == falling.baseline
