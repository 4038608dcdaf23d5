"""The rules an update's values follow, with the messages users see (Dutch, translated).

The web form, the Excel upload and the operations all use these, so a value refused on
one path is refused on every path with the same words.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.monitoring.models import UpdateStatus
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
}

DELIVERABLE_CHOICES = {"ja": Decimal(1), "nee": Decimal(0)}


def check_progress(value: int | None) -> None:
    if value is None:
        return
    if value < 0:
        raise ValidationError(MESSAGES["progress_negative"], code="min_value")
    if value > 100:
        raise ValidationError(MESSAGES["progress_over"], code="max_value")


def check_budget(value: Decimal | None) -> None:
    if value is not None and value < 0:
        raise ValidationError(MESSAGES["budget_negative"], code="min_value")


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
    if not isinstance(value, Decimal):
        raise ValidationError(MESSAGES["indicator_number"], code="invalid")
    if indicator.kind == IndicatorKind.COUNT and value < 0:
        raise ValidationError(MESSAGES["indicator_negative"], code="min_value")
    if indicator.kind == IndicatorKind.PERCENTAGE and not 0 <= value <= 100:
        raise ValidationError(MESSAGES["percentage_range"], code="range")
    if indicator.kind == IndicatorKind.DELIVERABLE and value not in (0, 1):
        raise ValidationError(MESSAGES["deliverable"], code="invalid")


def parse_decimal(text: str) -> Decimal:
    """A number as Dutch users write it: `1250,50`, `1.250,50`, `1250.50`, `€ 12`."""
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


def check_values(values: dict, indicators: dict[int, Indicator]) -> dict[str, str]:
    """All problems with a set of update values, as field -> Dutch message."""
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
