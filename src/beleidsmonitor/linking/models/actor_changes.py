"""What coordinators (and the automatic glossary matching) did to actors.

The change itself lives in the actor tables (`merged_into`, moved aliases, a new name);
this log says who did what, why, and keeps two actors apart once a person has said they
are different, so an automatic merge never undoes a split.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models import Actor


class ActorChangeKind(models.TextChoices):
    MERGE = "merge", _("samengevoegd")
    AUTO_MERGE = "auto_merge", _("automatisch samengevoegd")
    SPLIT = "split", _("gesplitst")
    RENAME = "rename", _("hernoemd")
    KEEP_APART = "keep_apart", _("bewust apart gehouden")


class ActorChange(models.Model):
    kind = models.CharField(_("soort"), max_length=12, choices=ActorChangeKind.choices)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="changes")
    other = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="changes_as_other"
    )
    old_name = models.CharField(max_length=1000, blank=True)
    new_name = models.CharField(max_length=1000, blank=True)
    aliases = models.JSONField(default=list, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("actorwijziging")
        verbose_name_plural = _("actorwijzigingen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.actor}"
