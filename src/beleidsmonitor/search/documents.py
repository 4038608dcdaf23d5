"""What is indexed: one registered document type per kind of findable thing.

A type turns a plan into index entries. Plans, goals, actions, indicators and the
published narratives of progress updates are registered here; another app adds its own
kind by calling `register()` from its `AppConfig.ready()`, and `reindex_plan` picks it up.

Updates: only what an anonymous visitor may read is indexed (published updates, through
`monitoring.permissions.visible_updates`), since the index has one set of entries for
every reader and its titles and snippets are shown to all. `signals` keeps these
entries in step when an update is saved or published.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.monitoring.models import ActionUpdate
from beleidsmonitor.monitoring.permissions import visible_updates
from beleidsmonitor.plans.models import Action, Goal, Indicator, Plan


@dataclass(frozen=True)
class Entry:
    kind: str
    object_id: int
    title: str
    body: str
    url: str


@dataclass(frozen=True)
class DocumentType:
    kind: str
    label: str | Promise
    collect: Callable[[Plan], Iterable[Entry]]


DOCUMENT_TYPES: dict[str, DocumentType] = {}


def register(kind: str, label: str | Promise, collect: Callable[[Plan], Iterable[Entry]]) -> None:
    DOCUMENT_TYPES[kind] = DocumentType(kind, label, collect)


def _join(*parts: object) -> str:
    return "\n".join(str(part) for part in parts if part)


def _plan_entries(plan: Plan) -> Iterable[Entry]:
    abbreviations = [f"{a.short}: {a.long}" for a in plan.abbreviations.all()]
    yield Entry(
        "plan",
        plan.pk,
        plan.title,
        _join(plan.policy_field, plan.period_label, *abbreviations),
        reverse("plan-detail", args=[plan.pk]),
    )


def _goal_entries(plan: Plan) -> Iterable[Entry]:
    url = reverse("plan-detail", args=[plan.pk])
    for goal in plan.goals.all():
        yield Entry(
            "goal",
            goal.pk,
            f"{goal.level} {goal.number} {goal.title}".strip(),
            goal.text,
            f"{url}?doel={goal.pk}",
        )


def _action_entries(plan: Plan) -> Iterable[Entry]:
    actions = plan.actions.prefetch_related("actor_links")
    for action in actions:
        label = f"Actie {action.number}" if action.number else action.key
        yield Entry(
            "action",
            action.pk,
            f"{label}: {action.title}",
            _join(
                action.description,
                *action.objectives,
                *action.results,
                action.timeline_text,
                action.budget_text,
                *[m if isinstance(m, str) else m.get("text", "") for m in action.milestones],
                *[link.written_as for link in action.actor_links.all()],
            ),
            reverse("action-detail", args=[action.pk]),
        )


def _indicator_entries(plan: Plan) -> Iterable[Entry]:
    indicators = Indicator.objects.filter(action__plan=plan) | Indicator.objects.filter(
        goal__plan=plan
    )
    for indicator in indicators.select_related("action", "goal"):
        owner: Action | Goal | None = indicator.action or indicator.goal
        if isinstance(owner, Action):
            url = reverse("action-detail", args=[owner.pk]) + f"#indicator-{indicator.pk}"
        else:
            url = reverse("plan-detail", args=[plan.pk]) + f"?doel={indicator.goal_id}"
        yield Entry(
            "indicator",
            indicator.pk,
            indicator.text,
            _join(indicator.target, indicator.unit, owner.title if owner else ""),
            url,
        )


def public_updates() -> QuerySet[ActionUpdate]:
    """The updates anyone may read: the only ones whose text may enter the index."""
    return visible_updates(AnonymousUser(), ActionUpdate.objects.exclude(narrative=""))


def update_entry(update: ActionUpdate) -> Entry:
    action = update.action
    label = f"Actie {action.number}" if action.number else action.key
    return Entry(
        "update",
        update.pk,
        f"{label}: {action.title} ({update.round.name})",
        # one line, status first: the snippet reads "lopend - op schema – Twelve ..."
        " – ".join(part for part in (update.get_status_display(), update.narrative) if part),
        reverse("monitoring:update", args=[update.pk]),
    )


def _update_entries(plan: Plan) -> Iterable[Entry]:
    updates = public_updates().filter(action__plan=plan).select_related("action", "round")
    for update in updates:
        yield update_entry(update)


register("plan", _("plan"), _plan_entries)
register("goal", _("doelstelling"), _goal_entries)
register("action", _("actie"), _action_entries)
register("indicator", _("indicator"), _indicator_entries)
register("update", _("rapportering"), _update_entries)
