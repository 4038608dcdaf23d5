"""Plans and what they are made of: goals, actions, indicators, abbreviations.

A plan row is one version of one document. Re-importing a changed document makes a new
row that `replaces` the old one; the old version stays, with `is_current` off.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models.actors import Actor


class PlanKind(models.TextChoices):
    ACTION_PLAN = "actieplan", _("actieplan")
    POLICY_NOTE = "beleidsnota", _("beleidsnota")
    PROGRESS_REPORT = "voortgangsrapport", _("voortgangsrapport")
    UNKNOWN = "onbekend", _("onbekend")


class Plan(models.Model):
    title = models.CharField(_("titel"), max_length=500)
    kind = models.CharField(_("soort"), max_length=30, choices=PlanKind.choices)
    policy_field = models.CharField(_("beleidsveld"), max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(_("begin periode"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("einde periode"), null=True, blank=True)
    report_year = models.PositiveSmallIntegerField(_("rapportagejaar"), null=True, blank=True)
    licence = models.CharField(_("licentie"), max_length=200, default="CC BY 4.0")

    source_file = models.CharField(_("bronbestand"), max_length=300, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    source_lines = models.PositiveIntegerField(null=True, blank=True)
    source_text = models.TextField(blank=True)
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    version = models.PositiveIntegerField(_("versie"), default=1)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    is_current = models.BooleanField(_("huidige versie"), default=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-period_start", "title", "-version"]
        verbose_name = _("plan")
        verbose_name_plural = _("plannen")

    def __str__(self) -> str:
        return self.title

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}-{self.period_end}"
        return str(self.period_start or self.period_end or "")

    def source_line_range(self, first: int, last: int) -> list[tuple[int, str]]:
        lines = self.source_text.splitlines()
        return [(n, lines[n - 1]) for n in range(max(first, 1), min(last, len(lines)) + 1)]


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    key = models.CharField(_("code"), max_length=40)
    level = models.CharField(_("niveau"), max_length=10)
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    title = models.TextField(_("titel"))
    text = models.TextField(_("tekst"), blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    order = models.PositiveIntegerField(default=0)
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="unique_goal_key")]
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")

    def __str__(self) -> str:
        return f"{self.level} {self.number}: {self.title}"


class Action(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    key = models.CharField(_("code"), max_length=60)
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    extra_goals = models.ManyToManyField(Goal, blank=True, related_name="extra_actions")
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    kind = models.CharField(_("soort"), max_length=40, blank=True)
    title = models.TextField(_("titel"))
    description = models.TextField(_("beschrijving"), blank=True)
    objectives = models.JSONField(_("doelstellingen"), default=list, blank=True)
    results = models.JSONField(_("beoogde resultaten"), default=list, blank=True)
    timeline_text = models.TextField(_("tijdspad"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("einde"), null=True, blank=True)
    budget_text = models.TextField(_("budget"), blank=True)
    budget_amount = models.DecimalField(
        _("budget (euro)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    milestones = models.JSONField(_("mijlpalen"), default=list, blank=True)
    order = models.PositiveIntegerField(default=0)
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)
    actors = models.ManyToManyField(Actor, through="ActionActor", related_name="actions")

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="unique_action_key")]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        label = gettext("Actie %(number)s") % {"number": self.number} if self.number else self.key
        return f"{label}: {self.title}"


class ActorRole(models.TextChoices):
    RESPONSIBLE = "responsible", _("verantwoordelijk")
    COOPERATING = "cooperating", _("in samenwerking met")
    ADMINISTRATION = "administration", _("administratie")
    PARTNER = "partner", _("partner")


class ActionActor(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="actor_links")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="action_links")
    role = models.CharField(_("rol"), max_length=20, choices=ActorRole.choices)
    written_as = models.CharField(_("zoals geschreven"), max_length=1000)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["action", "role", "order"]
        verbose_name = _("betrokken actor")
        verbose_name_plural = _("betrokken actoren")

    def __str__(self) -> str:
        return f"{self.written_as} ({self.get_role_display()})"


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("aantal")
    PERCENTAGE = "percentage", _("percentage")
    DELIVERABLE = "deliverable", _("op te leveren resultaat")
    QUALITATIVE = "qualitative", _("kwalitatief")


class Indicator(models.Model):
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    text = models.TextField(_("indicator"))
    kind = models.CharField(
        _("soort"), max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.QUALITATIVE
    )
    level = models.CharField(_("niveau"), max_length=20, blank=True)
    unit = models.CharField(_("eenheid"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("nulmeting"), max_digits=15, decimal_places=3, null=True, blank=True
    )
    target = models.TextField(_("streefwaarde"), blank=True)
    target_value = models.DecimalField(
        _("streefwaarde (getal)"), max_digits=15, decimal_places=3, null=True, blank=True
    )
    target_date = models.DateField(_("streefdatum"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__isnull=False) | models.Q(goal__isnull=False),
                name="indicator_belongs_somewhere",
            )
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self) -> str:
        return self.text


class Abbreviation(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="abbreviations")
    short = models.CharField(_("afkorting"), max_length=60)
    long = models.TextField(_("voluit"))

    class Meta:
        ordering = ["short"]
        verbose_name = _("afkorting")
        verbose_name_plural = _("afkortingen")

    def __str__(self) -> str:
        return f"{self.short}: {self.long}"


class PlanWarning(models.Model):
    """What the importer could not place, kept with the plan for review."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="warnings")
    line = models.PositiveIntegerField(null=True, blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["line", "pk"]
        verbose_name = _("importwaarschuwing")
        verbose_name_plural = _("importwaarschuwingen")

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"
