"""Numbers as the reader's language writes them, for pages and reports."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.formats import number_format


def localized_number(value, decimal_pos: int | None = None) -> str:
    """A number (a Decimal, or one kept as text such as `1250.5`) as the active language
    writes it: `1.250,5` in Dutch, `1,250.5` in English; `decimal_pos` fixes the
    decimals (2 for amounts). Anything that is not a finite number is returned as text."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    if decimal_pos is None:
        number = number.normalize()
    return number_format(number, decimal_pos=decimal_pos, force_grouping=True)


def dutch_number(value) -> str:
    """A number the way the update form and the sheet read it (`parse_dutch_number`),
    whatever the page's language: `1.250,5`. Their numbers are Dutch, like their hints."""
    with translation.override("nl"):
        return localized_number(value)
