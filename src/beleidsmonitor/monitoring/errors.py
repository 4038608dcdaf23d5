"""What monitoring operations refuse, besides permission (see `permissions.NotAllowed`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from beleidsmonitor.exceptions import BeleidsmonitorError


class WorkflowError(BeleidsmonitorError):
    """The step does not fit the update's or round's state (e.g. approving a draft)."""


class InvalidValues(BeleidsmonitorError):
    """Values that cannot be stored; `errors` maps a field (or cell) to a message for the user."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


@dataclass(frozen=True)
class ChangeSeen:
    """One change someone else made since the editor loaded the update."""

    who: str
    at: str
    field: str
    old: str
    new: str

    def __str__(self) -> str:
        empty = gettext("(leeg)")
        return f"{self.field}: {self.old or empty} → {self.new or empty} ({self.who}, {self.at})"


class ConflictError(BeleidsmonitorError):
    """The update changed since the editor loaded it; nothing was saved."""

    def __init__(self, current_version: int, changes: list[ChangeSeen]):
        self.current_version = current_version
        self.changes = changes
        listed = "; ".join(str(change) for change in changes) or gettext("de workflow")
        super().__init__(
            gettext(
                "Niet bewaard: iemand anders heeft deze rapportering intussen gewijzigd "
                "(nu versie %(version)s). Gewijzigd: %(changes)s. "
                "Herlaad de pagina en voer uw wijzigingen opnieuw in."
            )
            % {"version": current_version, "changes": listed}
        )
