"""One workflow step: check permission and state, move, record, in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.errors import WorkflowError
from beleidsmonitor.monitoring.models import ActionUpdate, WorkflowState
from beleidsmonitor.monitoring.operations._history import (
    audit,
    bump,
    check_version,
    lock,
    record,
)


def move(
    user,
    update: ActionUpdate,
    operation: permissions.Operation,
    *,
    from_states: Iterable[str],
    to_state: str,
    needs_open_round: bool,
    stamp: str | None = None,
    comment: str | None = None,
    expected_version: int | None = None,
    precondition: Callable[[ActionUpdate], None] | None = None,
) -> ActionUpdate:
    with transaction.atomic():
        current = lock(update)
        permissions.check(user, operation, current)
        check_version(current, expected_version)
        if needs_open_round and not current.round.is_open:
            raise WorkflowError(_("De ronde '%(round)s' is afgesloten.") % {"round": current.round})
        from_states = tuple(from_states)
        if current.state not in from_states:
            labels = [str(WorkflowState(state).label) for state in from_states]
            allowed = labels[0]
            for label in labels[1:]:
                allowed = _("%(one)s of %(other)s") % {"one": allowed, "other": label}
            raise WorkflowError(
                _("Deze rapportering is %(state)s; dit kan alleen als ze %(allowed)s is.")
                % {"state": current.get_state_display(), "allowed": allowed}
            )
        if precondition is not None:
            precondition(current)
        old_state, old_comment = current.state, current.review_comment
        fields: dict = {"state": to_state}
        if stamp:
            fields[stamp] = timezone.now()
        if comment is not None:
            fields["review_comment"] = comment
        bump(current, user, **fields)
        record(current, user, "state", old_state, to_state)
        if comment is not None and comment != old_comment:
            record(current, user, "review_comment", old_comment, comment)
        audit.info("%s: update %s %s -> %s by %s", operation, current.pk, old_state, to_state, user)
    update.refresh_from_db()
    return update
