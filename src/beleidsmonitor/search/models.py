"""The search index: one row per findable thing, whatever its kind.

A row holds what is shown (title, body, url) and what is searched (the analysed stems of
title and body). The backend-specific index (SQLite FTS5 table or PostgreSQL GIN index)
is built over `analysed_title` and `analysed_body` by the migrations.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models import Plan


class SearchDocument(models.Model):
    kind = models.CharField(_("soort"), max_length=20)
    object_id = models.PositiveBigIntegerField()
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="search_documents")
    title = models.TextField(_("titel"))
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    analysed_title = models.TextField(blank=True)
    analysed_body = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_document")
        ]
        indexes = [models.Index(fields=["plan", "kind"])]
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title[:60]}"
