"""The action filters shared by the plan page and the timeline.

One form, so both pages offer the same labelled controls and read the same parameters:
`actor` (slug), `rol` (the role an actor has on the action: with `actor`, that actor's
role), `doel` (goal, with its sub-goals; `geen`: actions without a goal), `thema`
(top-level goal), `status` (the status the viewer may see, see `web.status`; `geen`: no
report yet), `tijd` (`te-laat`: end date passed and not realised or stopped; `dit-jaar`:
runs during the current year) and `q` (text, through the search index, so Dutch stemming
applies).

A value the form does not understand (`?doel=abc`) filters nothing; the other filters
still apply, and `ignored` names it so the page can say so.
"""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.plans.models import Action, Actor, ActorRole, Goal, Plan
from beleidsmonitor.search.models import SearchDocument
from beleidsmonitor.search.query import search
from beleidsmonitor.web import status as action_status

LATE = "te-laat"
THIS_YEAR = "dit-jaar"
NO_GOAL = "geen"


def today() -> datetime.date:
    return timezone.localdate()


def late_q(day: datetime.date | None = None) -> Q:
    """Late means: the end date has passed (progress status is not known yet)."""
    return Q(end_date__lt=day or today())


def this_year_q(year: int) -> Q:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        Q(start_date__lte=last, end_date__gte=first)
        | Q(start_date__isnull=True, end_date__year=year)
        | Q(end_date__isnull=True, start_date__year=year)
    )


def goal_label(goal: Goal) -> str:
    label = f"{goal.level} {goal.number}".strip()
    return f"{label}: {goal.title}"[:120]


class ActionFilterForm(forms.Form):
    actor = forms.ChoiceField(label=_("Actor"), required=False)
    rol = forms.ChoiceField(
        label=_("Rol"), required=False, choices=[("", _("alle rollen")), *ActorRole.choices]
    )
    doel = forms.ChoiceField(label=_("Doelstelling"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    tijd = forms.ChoiceField(
        label=_("Tijdspad"),
        required=False,
        choices=[("", _("alle")), (LATE, _("te laat")), (THIS_YEAR, _("loopt dit jaar"))],
    )
    q = forms.CharField(label=_("Tekst"), required=False, max_length=200)

    def __init__(self, plan: Plan, goals: list[Goal], *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        # The status filter reads what this user may see (None: an anonymous visitor).
        self.user = user
        self.goals = goals
        actors = (
            Actor.objects.filter(actions__plan=plan)
            .values_list("slug", "name")
            .distinct()
            .order_by("name")
        )
        self.fields["actor"].choices = [("", _("alle")), *actors]
        self.fields["status"].choices = [("", _("alle"))] + [
            (action_status.SLUGS[value], action_status.label(value))
            for value in action_status.ORDER
        ]
        self.fields["doel"].choices = [
            ("", _("alle")),
            *[(str(g.pk), goal_label(g)) for g in goals],
            (NO_GOAL, _("zonder doelstelling")),
        ]
        self.fields["thema"].choices = [("", _("alle"))] + [
            (str(g.pk), goal_label(g)) for g in goals if g.parent_id is None
        ]

    @property
    def valid_data(self) -> dict:
        """The understood values: every field, empty where the value was not understood."""
        found = dict.fromkeys(self.fields, "")
        if self.is_bound:
            self.is_valid()  # fills cleaned_data with the fields that passed
            found.update(self.cleaned_data)
        return found

    @property
    def active(self) -> bool:
        return any(self.valid_data.values())

    @property
    def ignored(self) -> list[tuple[str, str]]:
        """(label, value) of each filter whose value was not understood, form order."""
        if not self.is_bound:
            return []
        errors = self.errors
        return [
            (str(field.label), str(self.data.get(name, ""))[:60])
            for name, field in self.fields.items()
            if name in errors
        ]

    def subtree(self, goal_id: int) -> set[int]:
        """A goal and all goals below it."""
        children: dict[int | None, list[int]] = {}
        for goal in self.goals:
            children.setdefault(goal.parent_id, []).append(goal.pk)
        found, todo = set(), [goal_id]
        while todo:
            current = todo.pop()
            found.add(current)
            todo.extend(children.get(current, []))
        return found

    def apply(self, actions: QuerySet[Action]) -> QuerySet[Action]:
        data = self.valid_data
        # Actor and role in one filter(), so both hold for the same link: "the minister
        # as responsible", not "the minister in any role, and someone responsible".
        link: dict = {}
        if data["actor"]:
            actor = Actor.objects.filter(slug=data["actor"]).first()
            ids = [actor.pk, *actor.merged_actors.values_list("pk", flat=True)] if actor else []
            link["actor_links__actor__in"] = ids
        if data["rol"]:
            link["actor_links__role"] = data["rol"]
        if link:
            actions = actions.filter(**link)
        if data["doel"] == NO_GOAL:
            actions = actions.filter(goal__isnull=True)
        for name in ("doel", "thema"):
            if data[name] and data[name] != NO_GOAL:
                goals = self.subtree(int(data[name]))
                actions = actions.filter(Q(goal__in=goals) | Q(extra_goals__in=goals))
        if data["status"] or data["tijd"] == LATE:
            actions = action_status.with_status(actions, self.user)
        if data["status"]:
            actions = actions.filter(current_status=action_status.BY_SLUG[data["status"]])
        if data["tijd"] == LATE:
            actions = actions.filter(action_status.late_q(self.user, today()))
        elif data["tijd"] == THIS_YEAR:
            actions = actions.filter(this_year_q(today().year))
        if data["q"].strip():
            actions = actions.filter(pk__in=self._text_matches(data["q"]))
        return actions.distinct()

    def _text_matches(self, text: str) -> list[int]:
        result = search(text, kinds=["action"], plan_id=self.plan.pk)
        if not result.query.groups:  # only stop words: fall back to a plain substring match
            return list(
                self.plan.actions.filter(title__icontains=text).values_list("pk", flat=True)
            )
        return list(
            SearchDocument.objects.filter(pk__in=result.ids).values_list("object_id", flat=True)
        )
