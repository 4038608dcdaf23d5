"""What a reporter says about one action in one round, and its indicator values."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.monitoring.attainment import attainment
from beleidsmonitor.monitoring.models.rounds import ReportingRound
from beleidsmonitor.monitoring.numbers import localized_number
from beleidsmonitor.plans.models import Action, Indicator, IndicatorKind


class UpdateStatus(models.TextChoices):
    # The values are the Dutch words on purpose: they are what reporters type in the
    # Excel sheet and what the drop-downs there offer.
    NOT_STARTED = "niet gestart", _("niet gestart")
    ON_SCHEDULE = "lopend - op schema", _("lopend - op schema")
    DELAYED = "lopend - vertraagd", _("lopend - vertraagd")
    REALISED = "gerealiseerd", _("gerealiseerd")
    STOPPED = "stopgezet", _("stopgezet")
    ADJUSTED = "bijgestuurd", _("bijgestuurd")


# How good a status is, higher is better; "worsened since the last round" compares
# these ranks. Realised is the goal; on schedule is the normal course; an adjusted
# action has a new, agreed course, so it ranks below "on schedule" but above anything
# that is not moving; not started ranks above delayed because early in a plan it is
# expected, while a delay is a reported problem; stopped is the worst, the action will
# not deliver.
STATUS_RANK: dict[str, int] = {
    UpdateStatus.REALISED: 5,
    UpdateStatus.ON_SCHEDULE: 4,
    UpdateStatus.ADJUSTED: 3,
    UpdateStatus.NOT_STARTED: 2,
    UpdateStatus.DELAYED: 1,
    UpdateStatus.STOPPED: 0,
}


class WorkflowState(models.TextChoices):
    DRAFT = "draft", _("in opmaak")
    SUBMITTED = "submitted", _("ingediend")
    SENT_BACK = "sent_back", _("teruggestuurd")
    APPROVED = "approved", _("goedgekeurd")
    PUBLISHED = "published", _("gepubliceerd")


# How a page shows a deliverable's "ja" / "nee" (the stored words stay Dutch).
DELIVERABLE_LABELS = {"ja": _("ja"), "nee": _("nee")}

# A reporter can still work on these; the others count as reported.
OPEN_STATES = (WorkflowState.DRAFT, WorkflowState.SENT_BACK)
REPORTED_STATES = (WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED)


class ActionUpdate(models.Model):
    round = models.ForeignKey(
        ReportingRound, on_delete=models.CASCADE, related_name="updates", verbose_name=_("ronde")
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="updates", verbose_name=_("actie")
    )
    status = models.CharField(_("status"), max_length=30, choices=UpdateStatus.choices, blank=True)
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), null=True, blank=True)
    narrative = models.TextField(_("toelichting"), blank=True)
    budget_spent = models.DecimalField(
        _("besteed budget (euro)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    evidence_links = models.JSONField(_("bewijsstukken"), default=list, blank=True)
    state = models.CharField(
        _("workflow"), max_length=20, choices=WorkflowState.choices, default=WorkflowState.DRAFT
    )
    review_comment = models.TextField(_("opmerking coördinator"), blank=True)
    # Bumped by every change; a save that starts from an older number is refused, so
    # two people editing at once cannot overwrite each other unknowingly.
    version = models.PositiveIntegerField(_("versie"), default=1)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)

    class Meta:
        ordering = ["round", "action__plan", "action__order"]
        constraints = [
            models.UniqueConstraint(fields=["round", "action"], name="one_update_per_action"),
            models.CheckConstraint(
                condition=models.Q(progress__isnull=True) | models.Q(progress__lte=100),
                name="progress_at_most_100",
            ),
            models.CheckConstraint(
                condition=models.Q(budget_spent__isnull=True) | models.Q(budget_spent__gte=0),
                name="budget_spent_not_negative",
            ),
        ]
        verbose_name = _("rapportering")
        verbose_name_plural = _("rapporteringen")

    def __str__(self) -> str:
        return f"{self.round}: {self.action}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class IndicatorValue(models.Model):
    """An indicator's value for the round's period, with the baseline and target then.

    Baseline and target are copied when the round opens, so a later change to the plan
    does not change what attainment an earlier period showed.
    """

    update = models.ForeignKey(
        ActionUpdate, on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField(_("begin periode"))
    period_end = models.DateField(_("einde periode"))
    baseline = models.DecimalField(
        _("nulmeting"), max_digits=15, decimal_places=3, null=True, blank=True
    )
    target = models.DecimalField(
        _("streefwaarde"), max_digits=15, decimal_places=3, null=True, blank=True
    )
    value = models.DecimalField(_("waarde"), max_digits=15, decimal_places=3, null=True, blank=True)
    text = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["update", "indicator__order", "indicator__pk"]
        constraints = [
            models.UniqueConstraint(fields=["update", "indicator"], name="one_value_per_indicator")
        ]
        verbose_name = _("indicatorwaarde")
        verbose_name_plural = _("indicatorwaarden")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.display_value}"

    @property
    def attainment(self) -> Decimal | None:
        return attainment(self.baseline, self.target, self.value)

    @property
    def display_value(self) -> str:
        if self.indicator.kind == IndicatorKind.QUALITATIVE:
            return self.text
        if self.value is None:
            return ""
        if self.indicator.kind == IndicatorKind.DELIVERABLE:
            return "ja" if self.value == 1 else "nee"
        return f"{self.value.normalize():f}"

    @property
    def display_label(self) -> str:
        """`display_value` as a page shows it: "ja" and "nee" and numbers in the reader's
        language.

        `display_value` keeps the Dutch words, since the Excel sheet and the form take those.
        """
        shown = self.display_value
        if self.indicator.kind == IndicatorKind.DELIVERABLE and shown:
            return str(DELIVERABLE_LABELS[shown])
        if self.indicator.kind in (IndicatorKind.COUNT, IndicatorKind.PERCENTAGE) and shown:
            return localized_number(self.value)  # 1.250,5 on a Dutch page
        return shown
