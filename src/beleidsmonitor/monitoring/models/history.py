"""Every change to an update: who, when, which field, old and new value."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.monitoring.models.updates import DELIVERABLE_LABELS, ActionUpdate
from beleidsmonitor.monitoring.numbers import localized_number
from beleidsmonitor.plans.models import IndicatorKind

# The fields a coordinator may put back from the history. The workflow state and the
# review comment are not among them: they move only through the workflow operations.
# Indicator values are recorded as `indicator:<id>` and are restorable as well.
RESTORABLE_FIELDS = ("status", "progress", "narrative", "budget_spent", "evidence_links")
INDICATOR_PREFIX = "indicator:"

FIELD_LABELS = {
    "status": _("status"),
    "progress": _("voortgang (%)"),
    "narrative": _("toelichting"),
    "budget_spent": _("besteed budget (euro)"),
    "evidence_links": _("bewijsstukken"),
    "state": _("workflow"),
    "review_comment": _("opmerking coördinator"),
    "plan_version": _("versie van het plan"),  # a new version took over the update
}


class UpdateChange(models.Model):
    update = models.ForeignKey(ActionUpdate, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    field = models.CharField(_("veld"), max_length=60)
    # JSON so a restore gets back the value with its type (a number stays a number, the
    # evidence links stay a list); decimals are stored as their text.
    old = models.JSONField(_("oude waarde"), null=True, blank=True)
    new = models.JSONField(_("nieuwe waarde"), null=True, blank=True)
    version = models.PositiveIntegerField(_("versie na wijziging"))
    note = models.CharField(_("opmerking"), max_length=300, blank=True)

    class Meta:
        ordering = ["update", "pk"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")

    def __str__(self) -> str:
        return f"{self.field}: {self.old!r} -> {self.new!r}"

    @property
    def restorable(self) -> bool:
        return self.field in RESTORABLE_FIELDS or self.field.startswith(INDICATOR_PREFIX)

    @property
    def old_display(self) -> str:
        return self._display(self.old)

    @property
    def new_display(self) -> str:
        return self._display(self.new)

    def _display(self, value) -> str:
        if value is None or value == "" or value == []:
            return ""
        if self.field == "state":
            from beleidsmonitor.monitoring.models.updates import WorkflowState

            return str(WorkflowState(value).label) if value in WorkflowState.values else value
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        if self.field == "budget_spent":
            return localized_number(value, decimal_pos=2)
        if self.field.startswith(INDICATOR_PREFIX) and self._indicator_value is not None:
            kind = self._indicator_value.indicator.kind
            if kind == IndicatorKind.DELIVERABLE and str(value) in ("0", "1"):
                return str(DELIVERABLE_LABELS["ja" if str(value) == "1" else "nee"])
            if kind in (IndicatorKind.COUNT, IndicatorKind.PERCENTAGE):
                return localized_number(value)
        return str(value)

    @cached_property
    def _indicator_value(self):
        if not self.field.startswith(INDICATOR_PREFIX):
            return None
        indicator_id = int(self.field.removeprefix(INDICATOR_PREFIX))
        return (
            self.update.indicator_values.select_related("indicator")
            .filter(indicator_id=indicator_id)
            .first()
        )

    @property
    def field_label(self) -> str:
        if self.field.startswith(INDICATOR_PREFIX):
            value = self._indicator_value
            if value is None:
                return self.field
            return gettext("indicator: %(text)s") % {"text": value.indicator.text}
        return str(FIELD_LABELS.get(self.field, self.field))
