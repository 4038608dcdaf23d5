"""Actors: ministers' portfolios, cabinets, administrations and partners.

Documents write the same actor in many ways (`Minister van Werk`, `kabinet Werk`, `Werk`);
every written form is an alias of one canonical actor, so a question such as "what does
the Minister of Work owe" is one query.
"""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class ActorKind(models.TextChoices):
    MINISTER = "minister", _("ministerportefeuille")
    CABINET = "cabinet", _("kabinet")
    ADMINISTRATION = "administration", _("administratie")
    PARTNER = "partner", _("partner")


def alias_key(text: str) -> str:
    """The form aliases are compared in: case, spacing and punctuation folded."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in text.casefold())
    return " ".join(cleaned.split())


class Actor(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=ActorKind.choices)
    name = models.CharField(_("naam"), max_length=1000)
    slug = models.SlugField(max_length=320, unique=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_actors"
    )

    class Meta:
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="unique_actor_name")]
        verbose_name = _("actor")
        verbose_name_plural = _("actoren")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:300] or "actor"
            slug, n = base, 2
            while Actor.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

    def current(self) -> Actor:
        """The actor this one stands for now: itself, or the one it was merged into
        (following merges of merges; a loop stops where it closes)."""
        actor, seen = self, set()
        while actor.merged_into_id and actor.pk not in seen:
            seen.add(actor.pk)
            actor = actor.merged_into
        return actor


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(_("schrijfwijze"), max_length=1000)
    key = models.CharField(max_length=1000, unique=True, editable=False)

    class Meta:
        ordering = ["text"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliassen")

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.key = alias_key(self.text)
        super().save(*args, **kwargs)
