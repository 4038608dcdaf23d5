"""The rules an update's values follow, with the messages users see (Dutch, translated).

The web form, the Excel upload and the operations all use these, so a value refused on
one path is refused on every path with the same words.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue, UpdateStatus
from beleidsmonitor.plans.models import Indicator, IndicatorKind

MESSAGES = {
    # The statuses are listed as their values: those are what a sheet takes.
    "status": format_lazy(
        _("Kies een van de statussen: {statuses}."), statuses=", ".join(UpdateStatus.values)
    ),
    "progress_number": _("Voortgang moet een geheel getal zijn (0 tot 100)."),
    "progress_negative": _("Voortgang kan niet negatief zijn."),
    "progress_over": _("Voortgang kan niet meer dan 100% zijn."),
    "budget_number": _("Besteed budget moet een bedrag in euro zijn, bijvoorbeeld 1250,50."),
    "budget_negative": _("Besteed budget kan niet negatief zijn."),
    "link": _("'{value}' is geen geldige link (begin met http:// of https://)."),
    "indicator_number": _("De waarde moet een getal zijn."),
    "indicator_negative": _("Een aantal kan niet negatief zijn."),
    "percentage_range": _("Een percentage ligt tussen 0 en 100."),
    "deliverable": _("Vul 'ja' of 'nee' in."),
    "decimal_point": _(
        "Schrijf decimalen met een komma, bv. 1,25; een punt scheidt duizendtallen (10.000)."
    ),
    "too_large": _(
        "Dit getal is te groot: hoogstens %(digits)s cijfers voor de komma en %(places)s erna."
    ),
    "not_started_progress": _(
        "Een actie die niet gestart is, heeft 0% voortgang: "
        "kies een andere status of zet de voortgang op 0."
    ),
    "realised_progress": _(
        "Een gerealiseerde actie heeft 100% voortgang: "
        "kies een andere status of zet de voortgang op 100."
    ),
}

# The size of the stored numbers, from the model: what does not fit is refused with a
# message instead of failing in the database.
BUDGET_FIELD = ActionUpdate._meta.get_field("budget_spent")
INDICATOR_FIELD = IndicatorValue._meta.get_field("value")

DELIVERABLE_CHOICES = {"ja": Decimal(1), "nee": Decimal(0)}


def check_progress(value: int | None) -> None:
    if value is None:
        return
    if value < 0:
        raise ValidationError(MESSAGES["progress_negative"], code="min_value")
    if value > 100:
        raise ValidationError(MESSAGES["progress_over"], code="max_value")


def check_budget(value: Decimal | None) -> None:
    if value is None:
        return
    if not value.is_finite():
        raise ValidationError(MESSAGES["budget_number"], code="invalid")
    if value < 0:
        raise ValidationError(MESSAGES["budget_negative"], code="min_value")
    check_fits(value, BUDGET_FIELD)


def check_fits(value: Decimal, field) -> None:
    """Refuse a (finite) number the model's DecimalField `field` cannot hold once rounded
    to its decimal places, as `save_update.normalise` rounds it."""
    whole_digits = field.max_digits - field.decimal_places
    too_large = ValidationError(
        MESSAGES["too_large"],
        code="max_digits",
        params={"digits": whole_digits, "places": field.decimal_places},
    )
    limit = Decimal(10) ** whole_digits
    # compared before rounding, so the rounding never sees a number too long for it
    if abs(value) >= limit:
        raise too_large
    if abs(value.quantize(Decimal(1).scaleb(-field.decimal_places))) >= limit:
        raise too_large


def check_status_progress(status: str | None, progress: int | None) -> None:
    """A status and a progress that say the same: not started is 0%, realised is 100%.

    Without a progress there is nothing to contradict."""
    if progress is None or progress == "":
        return
    if status == UpdateStatus.NOT_STARTED and progress > 0:
        raise ValidationError(MESSAGES["not_started_progress"], code="status_progress")
    if status == UpdateStatus.REALISED and progress < 100:
        raise ValidationError(MESSAGES["realised_progress"], code="status_progress")


def check_status(value: str) -> None:
    if value and value not in UpdateStatus.values:
        raise ValidationError(MESSAGES["status"], code="invalid_choice")


def check_links(links: list[str]) -> None:
    validate = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            validate(link)
        except ValidationError:
            raise ValidationError(MESSAGES["link"].format(value=link), code="invalid") from None


def check_indicator_value(indicator: Indicator, value: Decimal | str | None) -> None:
    if value is None or indicator.kind == IndicatorKind.QUALITATIVE:
        return
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(MESSAGES["indicator_number"], code="invalid")
    if indicator.kind == IndicatorKind.COUNT and value < 0:
        raise ValidationError(MESSAGES["indicator_negative"], code="min_value")
    if indicator.kind == IndicatorKind.PERCENTAGE and not 0 <= value <= 100:
        raise ValidationError(MESSAGES["percentage_range"], code="range")
    if indicator.kind == IndicatorKind.DELIVERABLE and value not in (0, 1):
        raise ValidationError(MESSAGES["deliverable"], code="invalid")
    check_fits(value, INDICATOR_FIELD)


# Spaces that group thousands: a plain space, a non-breaking one (what a word processor or
# a copied amount often holds) and the narrow ones.
_SPACES = " \u00a0\u202f\u2009"
_DUTCH_NUMBER = re.compile(
    rf"""
    (?P<sign>[-+]?)
    (?P<whole>
        [1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+          # thousands grouped by dots: 10.000, 2.500.000
      | [1-9][0-9]{{0,2}}(?:[{_SPACES}][0-9]{{3}})+  # or by spaces: 10 000
      | [0-9]+                                   # or not grouped: 1250
      |                                          # or nothing before the comma: ,5
    )
    (?:,(?P<fraction>[0-9]+))?                   # the decimal comma
    """,
    re.VERBOSE,
)
# digits and dots, but not in groups of three: a decimal point in a Dutch form is a guess.
# A first group that starts with 0 (`0.500`) groups nothing either: it is a decimal point.
_DOTTED = re.compile(r"[-+]?[0-9]*(?:\.[0-9]*)+(?:,[0-9]+)?")
_ASCII_DIGITS = frozenset("0123456789")


def parse_dutch_number(text: str, invalid=MESSAGES["indicator_number"]) -> Decimal:
    """A number as Dutch users write it, in the web form and in a sheet's text cells.

    The dot groups thousands and the comma is the decimal mark: `10.000`, `1.250,50`,
    `12.345.678,9`, `1250,5`, `10 000`, with an optional euro sign (`€ 1.250`). So
    `1,250` is one and a quarter. A dot that does not group three digits (`1.5`,
    `12.34`), or whose first group starts with a zero (`0.500`), is refused with a
    message that says how to write decimals, rather than guessed at. Exponents, NaN,
    infinity and digits other than 0-9 (Arabic-Indic, full-width) are refused as well.
    A negative zero (`-0`) is read as 0.

    Raises ValidationError with `invalid` as the message for text that is no number.
    """
    cleaned = text.strip()
    if cleaned.startswith("€"):
        cleaned = cleaned[1:].lstrip(_SPACES)
    elif cleaned.endswith("€"):
        cleaned = cleaned[:-1].rstrip(_SPACES)
    if cleaned[:1] in ("+", "-") and cleaned[1:2] == "€":  # -€ 12
        cleaned = cleaned[0] + cleaned[2:].lstrip(_SPACES)
    match = _DUTCH_NUMBER.fullmatch(cleaned)
    if match is None or not (match["whole"] or match["fraction"]):
        if _DOTTED.fullmatch(cleaned) and any(c in _ASCII_DIGITS for c in cleaned):
            raise ValidationError(MESSAGES["decimal_point"], code="decimal_point")
        raise ValidationError(invalid, code="invalid")
    whole = re.sub(rf"[.{_SPACES}]", "", match["whole"]) or "0"
    fraction = f".{match['fraction']}" if match["fraction"] else ""
    number = Decimal(f"{match['sign']}{whole}{fraction}")
    # `-0` is zero: stored and recorded without its sign
    return number.copy_abs() if number.is_zero() else number


def parse_decimal(text: str) -> Decimal:
    """A number as the API takes it in a string: `12.5` and `12,5` both read as 12.5.

    Only for the API's machine-written strings. What people type (web form, the text
    cells of a sheet) is read by `parse_dutch_number`, where a dot groups thousands.
    """
    cleaned = text.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    return number


def check_values(
    values: dict, indicators: dict[int, Indicator], current: dict | None = None
) -> dict[str, str]:
    """All problems with a set of update values, as field -> Dutch message.

    `current` holds the stored `status` and `progress`, for a pair of which only one is
    given."""
    errors: dict[str, str] = {}
    checks = {
        "status": check_status,
        "progress": check_progress,
        "budget_spent": check_budget,
        "evidence_links": check_links,
    }
    for field, check in checks.items():
        if field in values:
            try:
                check(values[field])
            except ValidationError as error:
                errors[field] = error.messages[0]
    if ("status" in values or "progress" in values) and "progress" not in errors:
        # what is left out stays as it is, so the pair is checked as it would be stored
        status = values["status"] if "status" in values else (current or {}).get("status")
        progress = values["progress"] if "progress" in values else (current or {}).get("progress")
        try:
            check_status_progress(status, progress)
        except ValidationError as error:
            errors["progress"] = error.messages[0]
    for indicator_id, value in (values.get("indicators") or {}).items():
        indicator = indicators.get(int(indicator_id))
        if indicator is None:
            errors[f"indicator:{indicator_id}"] = str(
                _("Deze indicator hoort niet bij deze actie.")
            )
            continue
        try:
            check_indicator_value(indicator, value)
        except ValidationError as error:
            errors[f"indicator:{indicator_id}"] = error.messages[0]
    return errors
