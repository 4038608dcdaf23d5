"""What the web interface keeps of its own: uploads waiting for confirmation."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingImport(models.Model):
    """A parsed upload between preview and confirmation.

    Kept on the server (not in a hidden form field) so what is stored is exactly what
    was previewed, and nobody can post a hand-made plan JSON in its place.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    file_name = models.CharField(_("bestand"), max_length=300)
    plan_json = models.JSONField()
    source_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("import in afwachting")
        verbose_name_plural = _("imports in afwachting")

    def __str__(self) -> str:
        return self.file_name
