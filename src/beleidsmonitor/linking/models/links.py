"""Proposed links between plan items, and the decisions people make on them.

A plan re-imported is a new Plan row with new Action rows, so a link is keyed by stable
identity: the plan's reference (`plan_ref`: kind, period and title) and the item's key
(`A12`, `OD1.1/M3`, `OD2.2`). The foreign keys to the current rows are a convenience that
`compute_links` re-points on every run; the decision lives in the reference columns.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models import Action, Goal, Plan


class LinkKind(models.TextChoices):
    LINEAGE = "lineage", _("opvolging")
    OVERLAP = "overlap", _("overlap")


class LinkStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    CONFIRMED = "confirmed", _("bevestigd")
    REJECTED = "rejected", _("afgewezen")


class ItemKind(models.TextChoices):
    ACTION = "action", _("actie")
    GOAL = "goal", _("doelstelling")


def plan_ref(plan: Plan) -> str:
    """A plan's stable reference: the same for every version of the same document."""
    period = f"{plan.period_start or ''}-{plan.period_end or ''}"
    return f"{plan.kind}|{period}|{slugify(plan.title)[:120]}"


def plan_refs(plan: Plan) -> list[str]:
    """The references of a plan and of the versions it replaces, newest first.

    A re-import that changes the title (a better parser, a corrected document) still
    finds the decisions made under the old title through the `replaces` chain.
    """
    refs: list[str] = []
    seen: set[int] = set()
    current: Plan | None = plan
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        ref = plan_ref(current)
        if ref not in refs:
            refs.append(ref)
        current = current.replaces
    return refs


def weak_candidates() -> Q:
    """The filter for `LinkProposal.is_weak`, for querysets."""
    return Q(status=LinkStatus.PROPOSED, weak=True)


def sees_proposals(user) -> bool:
    """Whether `user` sees every link, or confirmed links only.

    The one rule for the web pages and /api/links alike: anonymous visitors see confirmed
    links only, since a proposal (weak or not) is a machine's guess and a rejected link a
    person's "no", neither of which is published data. Anyone logged in sees them all.
    """
    return bool(user is not None and user.is_authenticated)


class LinkProposalQuerySet(models.QuerySet):
    def visible_to(self, user) -> LinkProposalQuerySet:
        """The links `user` may see (`sees_proposals`): all of them, or the confirmed."""
        if sees_proposals(user):
            return self.all()
        return self.filter(status=LinkStatus.CONFIRMED)


class LinkProposal(models.Model):
    kind = models.CharField(_("soort"), max_length=10, choices=LinkKind.choices)
    source_plan_ref = models.CharField(max_length=700, db_index=True)
    source_key = models.CharField(_("code bron"), max_length=60)
    source_kind = models.CharField(max_length=10, choices=ItemKind.choices)
    source_title = models.TextField(_("titel bron"))
    target_plan_ref = models.CharField(max_length=700, db_index=True)
    target_key = models.CharField(_("code doel"), max_length=60)
    target_kind = models.CharField(max_length=10, choices=ItemKind.choices)
    target_title = models.TextField(_("titel doel"))

    # The current rows, re-pointed by every `compute_links`; null while an item is gone.
    source_plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="links_out"
    )
    target_action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="links_in"
    )
    source_goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="links_out"
    )
    target_goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="links_in"
    )

    score = models.FloatField(_("score"), default=0.0)
    weak = models.BooleanField(
        _("zwakke kandidaat"),
        default=False,
        help_text="A lineage pair that is not each other's best match, or found only by "
        "the mutual-best rule on the whole text.",
    )
    evidence = models.JSONField(_("bewijs"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=LinkStatus.choices, default=LinkStatus.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(_("beslist op"), null=True, blank=True)
    computed_at = models.DateTimeField(_("berekend op"), null=True, blank=True)
    is_current = models.BooleanField(
        default=True, help_text="False when the last run no longer found both items."
    )

    objects = LinkProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_plan_ref", "source_key", "target_plan_ref", "target_key"],
                name="unique_link",
            )
        ]
        verbose_name = _("koppelingsvoorstel")
        verbose_name_plural = _("koppelingsvoorstellen")

    def __str__(self) -> str:
        return f"{self.source_key} -> {self.target_key} ({self.kind}, {self.score:.2f})"

    @property
    def is_weak(self) -> bool:
        """A weak candidate: an undecided lineage pair that is not each other's best match,
        or that only the mutual-best rule on the whole text found. Few of these are right
        (bench/linking.py), so pages and the API mark them apart from the proposals."""
        return self.status == LinkStatus.PROPOSED and self.weak

    @property
    def strength(self) -> str:
        return "weak" if self.is_weak else "strong"

    def as_dict(self) -> dict[str, Any]:
        """The link as data: for /api/links and the JSON of the review list alike."""
        return {
            "id": self.pk,
            "kind": self.kind,
            "status": self.status,
            "score": self.score,
            "strength": self.strength,
            "evidence": self.evidence if isinstance(self.evidence, dict) else {},
            "source": {
                "plan": self.source_plan_id,
                "plan_ref": self.source_plan_ref,
                "key": self.source_key,
                "kind": self.source_kind,
                "title": self.source_title,
                "action": self.source_action_id,
                "goal": self.source_goal_id,
            },
            "target": {
                "plan": self.target_plan_id,
                "plan_ref": self.target_plan_ref,
                "key": self.target_key,
                "kind": self.target_kind,
                "title": self.target_title,
                "action": self.target_action_id,
                "goal": self.target_goal_id,
            },
            "decided_by": self.decided_by.get_username() if self.decided_by else None,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
        }

    @property
    def source(self) -> Action | Goal | None:
        return self.source_action or self.source_goal

    @property
    def target(self) -> Action | Goal | None:
        return self.target_action or self.target_goal
