"""Apply an uploaded Excel sheet: every row or none.

Returns a result instead of raising for bad cells, so the page can list them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.errors import ConflictError, InvalidValues, WorkflowError
from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.xlsx import CellError, check_sheet
from beleidsmonitor.plans.models import Actor


@dataclass
class SheetResult:
    changed: int = 0
    unchanged: int = 0
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def apply_xlsx(user, round_: ReportingRound, actor: Actor, file) -> SheetResult:
    permissions.check(user, permissions.Operation.UPLOAD_SHEET, (round_, actor))
    checked = check_sheet(round_, actor, file)
    result = SheetResult(unchanged=checked.unchanged, errors=list(checked.errors))
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for planned in checked.saves:
                save_update(user, planned.update, planned.values, expected_version=planned.version)
                result.changed += 1
    except (ConflictError, WorkflowError, permissions.NotAllowed) as error:
        # someone changed a row between the check and the save: the whole sheet is undone
        result.changed = 0
        result.errors.append(CellError(0, "-", str(error)))
    except InvalidValues as error:
        # the checks above are the operation's, so this is a safety net, not a path
        result.changed = 0
        result.errors.extend(CellError(0, "-", message) for message in error.errors.values())
    return result
