"""A reporter stores what they report, refused if someone changed it since they loaded it.

`values` holds any of `status`, `progress`, `narrative`, `budget_spent`,
`evidence_links` and `indicators` ({indicator id: value}); what is left out stays as
it is. `expected_version` is the version the editor started from.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.errors import InvalidValues, WorkflowError
from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue
from beleidsmonitor.monitoring.operations._history import (
    audit,
    bump,
    check_version,
    lock,
    record,
)
from beleidsmonitor.monitoring.validation import check_values
from beleidsmonitor.plans.models import IndicatorKind

CONTENT_FIELDS = ("status", "progress", "narrative", "budget_spent", "evidence_links")


def save_update(user, update: ActionUpdate, values: dict, *, expected_version: int) -> list[str]:
    """Store the values; returns the fields that changed (empty: nothing to store)."""
    with transaction.atomic():
        current = lock(update)
        permissions.check(user, permissions.Operation.SAVE_UPDATE, current)
        check_version(current, expected_version)
        if not current.round.is_open:
            raise WorkflowError(_("De ronde '%(round)s' is afgesloten.") % {"round": current.round})
        if not current.is_open:
            raise WorkflowError(
                _(
                    "Deze rapportering is %(state)s en kan niet meer bewerkt worden; "
                    "een coördinator kan ze terugsturen."
                )
                % {"state": current.get_state_display()}
            )
        indicator_values = {
            value.indicator_id: value
            for value in current.indicator_values.select_related("indicator")
        }
        errors = check_values(
            values,
            {key: value.indicator for key, value in indicator_values.items()},
            current={"status": current.status, "progress": current.progress},
        )
        if errors:
            raise InvalidValues(errors)

        fields = {}
        for field in CONTENT_FIELDS:
            if field in values:
                new = normalise(field, values[field])
                if new != getattr(current, field):
                    fields[field] = new
        indicator_changes = []
        for indicator_id, raw in (values.get("indicators") or {}).items():
            value = indicator_values[int(indicator_id)]
            old = indicator_value(value)
            new = normalise_indicator(value.indicator.kind, raw)
            if new != old:
                indicator_changes.append((value, old, new))
        if not fields and not indicator_changes:
            return []

        olds = {field: getattr(current, field) for field in fields}
        bump(current, user, expected_version=current.version, **fields)
        for field, new in fields.items():
            record(current, user, field, olds[field], new)
        for value, old, new in indicator_changes:
            set_indicator_value(value, new)
            record(current, user, f"indicator:{value.indicator_id}", old, new)
        changed = list(fields) + [
            f"indicator:{value.indicator_id}" for value, *_ in indicator_changes
        ]
        audit.info("save_update: update %s %s by %s", current.pk, changed, user)
    update.refresh_from_db()
    return changed


def normalise(field: str, value):
    """The stored form of a field value, so an unchanged value compares equal."""
    if field == "progress":
        return None if value in (None, "") else int(value)
    if field == "budget_spent":
        return (
            None
            if value in (None, "")
            else _unsigned_zero(Decimal(value).quantize(Decimal("0.01")))
        )
    if field == "evidence_links":
        return [str(link).strip() for link in value or [] if str(link).strip()]
    if field == "narrative":
        # browsers send CRLF; without this every save would look like a change
        return (value or "").replace("\r\n", "\n").strip()
    return value or ""


def normalise_indicator(kind: str, value):
    if kind == IndicatorKind.QUALITATIVE:
        return (value or "").replace("\r\n", "\n").strip()
    return (
        None if value in (None, "") else _unsigned_zero(Decimal(value).quantize(Decimal("0.001")))
    )


def _unsigned_zero(number: Decimal) -> Decimal:
    """0 for a negative zero (`-0`, `-0.0` from a sheet or the API): no "-0" in the history."""
    return number.copy_abs() if number.is_zero() else number


def indicator_value(value: IndicatorValue):
    return value.text if value.indicator.kind == IndicatorKind.QUALITATIVE else value.value


def set_indicator_value(value: IndicatorValue, new) -> None:
    if value.indicator.kind == IndicatorKind.QUALITATIVE:
        value.text = new
        value.save(update_fields=["text"])
    else:
        value.value = new
        value.save(update_fields=["value"])
