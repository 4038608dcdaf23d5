"""Shared by the operations: writing history and the version check."""

from __future__ import annotations

import logging
from decimal import Decimal

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring.errors import ChangeSeen, ConflictError, InvalidValues
from beleidsmonitor.monitoring.models import ActionUpdate, UpdateChange

audit = logging.getLogger("beleidsmonitor.monitoring")


def to_json(value):
    """A field value as stored in the history (decimals as text, to keep them exact)."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, list | tuple):
        return list(value)
    return value


def record(update: ActionUpdate, user, field: str, old, new, note: str = "") -> UpdateChange:
    return UpdateChange.objects.create(
        update=update,
        user=user if getattr(user, "is_authenticated", False) else None,
        field=field,
        old=to_json(old),
        new=to_json(new),
        version=update.version,
        note=note,
    )


def changes_since(update: ActionUpdate, version: int) -> list[ChangeSeen]:
    seen = []
    for change in update.changes.filter(version__gt=version).select_related("user"):
        seen.append(
            ChangeSeen(
                who=change.user.get_username() if change.user else _("systeem"),
                at=timezone.localtime(change.at).strftime("%d/%m/%Y %H:%M"),
                field=change.field_label,
                old=change.old_display,
                new=change.new_display,
            )
        )
    return seen


def lock(update: ActionUpdate) -> ActionUpdate:
    """The update as stored now, locked for the rest of the transaction."""
    return (
        ActionUpdate.objects.select_for_update().select_related("round", "action").get(pk=update.pk)
    )


def bump(update: ActionUpdate, user, expected_version: int | None = None, **fields) -> None:
    """Store fields and the next version, only if nobody got there first.

    The conditional UPDATE is the real guard: it holds on databases where
    `select_for_update` does nothing (SQLite), because only one writer can move the row
    from version N to N+1.
    """
    expected = update.version if expected_version is None else expected_version
    now = timezone.now()
    user_id = user.pk if getattr(user, "is_authenticated", False) else None
    matched = ActionUpdate.objects.filter(pk=update.pk, version=expected).update(
        version=F("version") + 1, updated_at=now, updated_by_id=user_id, **fields
    )
    if not matched:
        current = ActionUpdate.objects.get(pk=update.pk)
        raise ConflictError(current.version, changes_since(current, expected))
    update.refresh_from_db()


def check_version(update: ActionUpdate, expected_version: int | None) -> None:
    if expected_version is not None and expected_version > update.version:
        # not someone else's change: a version that never existed (a client's mistake)
        raise InvalidValues(
            {
                "version": _(
                    "Versie %(expected)s bestaat niet: deze rapportering staat op versie "
                    "%(version)s."
                )
                % {"expected": expected_version, "version": update.version}
            }
        )
    if expected_version is not None and update.version != expected_version:
        raise ConflictError(update.version, changes_since(update, expected_version))
