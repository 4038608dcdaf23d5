"""What connects a progress report to the policy note it reports on.

- `ObjectiveMatch`: one reported objective (SD / OD of a `voortgangsrapport`) and the
  objective of the note it reports on, with the score and evidence that proposed it and
  the decision a coordinator made. A row with no `note_goal` says "no counterpart found".
- `FigureCandidate`: a number in a reported objective's text (`van 103 naar 147 lokale
  besturen`, `35%`) offered as a value of an indicator of the note's objective, until a
  person accepts or rejects it.

Both are kept per report goal row. A re-import makes new goal rows; `match_report` carries
the decisions over by the goals' keys (see `operations/match_report/store.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models.plans import Goal, Indicator, Plan


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    CONFIRMED = "confirmed", _("bevestigd")
    CORRECTED = "corrected", _("gecorrigeerd")
    REJECTED = "rejected", _("afgewezen")


# A person's word on these is kept when matching runs again.
DECIDED_MATCH_STATES = (MatchStatus.CONFIRMED, MatchStatus.CORRECTED, MatchStatus.REJECTED)
# These say "this report goal reports on that note goal".
LINKING_MATCH_STATES = (MatchStatus.PROPOSED, MatchStatus.CONFIRMED, MatchStatus.CORRECTED)


class ObjectiveMatch(models.Model):
    report_goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="note_matches", verbose_name=_("gerapporteerd")
    )
    note_plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="report_matches", verbose_name=_("beleidsnota")
    )
    note_goal = models.ForeignKey(
        Goal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_matches",
        verbose_name=_("doelstelling beleidsnota"),
    )
    score = models.FloatField(_("score"), default=0.0)  # title similarity, 0..1
    method = models.CharField(_("methode"), max_length=20, blank=True)
    evidence = models.JSONField(_("bewijs"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("beslist op"), null=True, blank=True)
    computed_at = models.DateTimeField(_("berekend op"), null=True, blank=True)

    class Meta:
        ordering = ["report_goal__plan", "report_goal__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_goal", "note_plan"], name="one_match_per_report_goal_and_note"
            )
        ]
        verbose_name = _("afstemming doelstelling")
        verbose_name_plural = _("afstemmingen doelstellingen")

    def __str__(self) -> str:
        target = self.note_goal.key if self.note_goal_id else "—"
        return f"{self.report_goal.key} -> {target} ({self.status}, {self.score:.2f})"

    @property
    def is_link(self) -> bool:
        """True when this row says the report goal reports on `note_goal`."""
        return self.note_goal_id is not None and self.status in LINKING_MATCH_STATES


class FigureKind(models.TextChoices):
    COUNT = "count", _("aantal")
    PERCENTAGE = "percentage", _("percentage")


class FigureStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    ACCEPTED = "accepted", _("aanvaard")
    REJECTED = "rejected", _("afgewezen")


class FigureCandidate(models.Model):
    report_goal = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        related_name="figure_candidates",
        verbose_name=_("gerapporteerd"),
    )
    # The note objective the report goal is matched to when the candidate was stored or
    # the match last decided; null while the report goal has no match.
    note_goal = models.ForeignKey(
        Goal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_figures",
        verbose_name=_("doelstelling beleidsnota"),
    )
    snippet = models.TextField(_("zin"))
    position = models.PositiveIntegerField(_("positie in de tekst"))  # identity on re-runs
    value = models.DecimalField(_("waarde"), max_digits=15, decimal_places=3)
    kind = models.CharField(_("soort"), max_length=12, choices=FigureKind.choices)
    unit = models.CharField(_("eenheid"), max_length=120, blank=True)
    qualifier = models.CharField(_("benadering"), max_length=30, blank=True)  # "meer dan"
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    year_source = models.CharField(max_length=10, blank=True)  # "sentence" or "report"
    baseline = models.DecimalField(
        _("vertrekwaarde"), max_digits=15, decimal_places=3, null=True, blank=True
    )
    source_line = models.PositiveIntegerField(_("regel in de bron"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=FigureStatus.choices, default=FigureStatus.PROPOSED
    )
    # The indicator the accepted value belongs to. The accepted value and year stay here:
    # the monitoring app's IndicatorValue needs an action update in a reporting round,
    # which an objective's figure from a report does not have.
    indicator = models.ForeignKey(
        Indicator,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_figures",
        verbose_name=_("indicator"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("beslist op"), null=True, blank=True)

    class Meta:
        ordering = ["report_goal__plan", "report_goal__order", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_goal", "position"], name="one_figure_per_goal_position"
            )
        ]
        verbose_name = _("kandidaat-indicatorwaarde")
        verbose_name_plural = _("kandidaat-indicatorwaarden")

    def __str__(self) -> str:
        return f"{self.report_goal.key}: {self.display_value} ({self.year or '?'})"

    @property
    def display_value(self) -> str:
        number = f"{self.value.normalize():f}"
        return f"{number}%" if self.kind == FigureKind.PERCENTAGE else number
