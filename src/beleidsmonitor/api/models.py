"""Per-user API tokens. Only a hash is stored: a token is shown once, when it is made."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    # sha256 of the whole key: keys are long random strings, so a fast hash is enough and
    # lets a request find its token with one indexed lookup.
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, so a user can tell their tokens apart in a list.
    prefix = models.CharField(_("begin van de sleutel"), max_length=12, editable=False)
    name = models.CharField(_("naam"), max_length=100, blank=True)
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    last_used = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        ordering = ["user", "-created"]
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
