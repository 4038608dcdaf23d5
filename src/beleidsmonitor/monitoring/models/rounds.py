"""A reporting round: one yearly cycle over the actions of some plans."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
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

    def clean(self) -> None:
        # the admin, which may correct the dates, checks them as opening a round does
        errors = round_date_errors(self.period_start, self.period_end, self.deadline)
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.state == RoundState.OPEN


def round_date_errors(
    period_start: dt.date | None, period_end: dt.date | None, deadline: dt.date | None
) -> dict[str, str]:
    """What is wrong with a round's dates, as field -> message (empty: nothing).

    The one rule for the round form, `open_round` (so the API and the CLI) and the admin.
    """
    errors = {}
    if period_start and period_end and period_start > period_end:
        errors["period_end"] = gettext("Het einde van de periode ligt voor het begin.")
    if period_start and deadline and deadline < period_start:
        errors["deadline"] = gettext("De uiterste datum ligt voor het begin van de periode.")
    return errors
