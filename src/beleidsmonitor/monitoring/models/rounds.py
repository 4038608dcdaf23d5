"""A reporting round: one yearly cycle over the actions of some plans."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models import Plan


class RoundState(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("afgesloten")


class ReportingRound(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    period_start = models.DateField(_("begin periode"))
    period_end = models.DateField(_("einde periode"))
    deadline = models.DateField(_("uiterste datum"))
    plans = models.ManyToManyField(Plan, related_name="reporting_rounds", verbose_name=_("plannen"))
    state = models.CharField(
        _("toestand"), max_length=10, choices=RoundState.choices, default=RoundState.OPEN
    )
    opened_at = models.DateTimeField(_("geopend op"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-period_end", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="round_period_in_order",
            )
        ]
        verbose_name = _("rapporteringsronde")
        verbose_name_plural = _("rapporteringsrondes")

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.state == RoundState.OPEN
