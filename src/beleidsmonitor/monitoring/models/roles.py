"""Who may do what beyond reading: coordinators per plan, reporters per actor.

Administrators are Django superusers and readers are any logged-in user, so neither
needs a table. A new version of a plan is a new plan row; the coordinators of the version
it replaces coordinate it too (`operations/carry_over.py`), and can be changed in the
admin.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models import Actor, Plan


class PlanCoordinator(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinated_plans",
        verbose_name=_("gebruiker"),
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("plan")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "plan"], name="unique_plan_coordinator")
        ]
        verbose_name = _("coördinator")
        verbose_name_plural = _("coördinatoren")

    def __str__(self) -> str:
        return gettext("%(user)s coördineert %(plan)s") % {"user": self.user, "plan": self.plan}


class ActorReporter(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reporter_for",
        verbose_name=_("gebruiker"),
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="reporters", verbose_name=_("actor")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "actor"], name="unique_actor_reporter")
        ]
        verbose_name = _("rapporteur")
        verbose_name_plural = _("rapporteurs")

    def __str__(self) -> str:
        return gettext("%(user)s rapporteert voor %(actor)s") % {
            "user": self.user,
            "actor": self.actor,
        }
