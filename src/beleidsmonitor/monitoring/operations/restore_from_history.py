"""A coordinator puts back the value a field had before a recorded change.

The restore is itself a change in the history, so it can be undone the same way.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.errors import WorkflowError
from beleidsmonitor.monitoring.models import UpdateChange, WorkflowState
from beleidsmonitor.monitoring.models.history import INDICATOR_PREFIX
from beleidsmonitor.monitoring.operations._history import (
    audit,
    bump,
    check_version,
    lock,
    record,
)
from beleidsmonitor.monitoring.operations.save_update import (
    indicator_value,
    normalise,
    normalise_indicator,
    set_indicator_value,
)


def restore_from_history(user, change: UpdateChange, *, expected_version: int | None = None):
    with transaction.atomic():
        current = lock(change.update)
        permissions.check(user, permissions.Operation.RESTORE, current)
        check_version(current, expected_version)
        if not change.restorable:
            raise WorkflowError(_("De workflow wordt niet hersteld; gebruik de knoppen ervoor."))
        if current.state == WorkflowState.PUBLISHED:
            raise WorkflowError(_("Een gepubliceerde rapportering wordt niet meer gewijzigd."))
        # stored with the change, so in the language of the record (Dutch), not the reader's
        note = f"hersteld uit wijziging {change.pk}"
        if change.field.startswith(INDICATOR_PREFIX):
            indicator_id = int(change.field.removeprefix(INDICATOR_PREFIX))
            value = (
                current.indicator_values.select_related("indicator")
                .filter(indicator_id=indicator_id)
                .first()
            )
            if value is None:
                # a newer version of the plan dropped (or replaced) the indicator
                raise WorkflowError(
                    _(
                        "Deze indicator hoort niet meer bij de rapportering; de oude waarde "
                        "kan niet teruggezet worden."
                    )
                )
            old = indicator_value(value)
            new = normalise_indicator(value.indicator.kind, change.old)
            if new == old:
                return current
            bump(current, user)
            set_indicator_value(value, new)
        else:
            old = getattr(current, change.field)
            new = normalise(change.field, change.old)
            if new == old:
                return current
            bump(current, user, **{change.field: new})
        record(current, user, change.field, old, new, note=note)
        audit.info(
            "restore: update %s %s from change %s by %s", current.pk, change.field, change.pk, user
        )
    change.update.refresh_from_db()
    return change.update
