"""Pages about plans: the list on the home page and one plan with its goal tree."""

from __future__ import annotations

import datetime

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from beleidsmonitor.plans.models import Action, Goal, Plan, PlanKind
from beleidsmonitor.plans.models.reporting_links import LINKING_MATCH_STATES, ObjectiveMatch
from beleidsmonitor.web import status as action_status
from beleidsmonitor.web import svg
from beleidsmonitor.web.filters import ActionFilterForm, today
from beleidsmonitor.web.views.common import (
    paginate,
    query_without_page,
    responsible_prefetch,
)
from beleidsmonitor.web.views.importing import can_import

# What the action list shows; the long text fields stay in the database.
LIST_FIELDS = ("plan", "key", "goal", "number", "title", "start_date", "end_date", "order")


def home(request):
    # Counts as subqueries: joining actions and goals at once multiplies the rows, and
    # grouping by every plan column (the whole source text included) made it slow.
    plans = (
        Plan.objects.filter(is_current=True)
        .defer("source_text", "extra")
        .annotate(
            action_count=_count(Action.objects.filter(plan=OuterRef("pk"))),
            goal_count=_count(Goal.objects.filter(plan=OuterRef("pk"))),
        )
        .order_by("-period_start", "title", "pk")
    )
    page = paginate(request, plans)
    page_plans = list(page.object_list)
    # Status counts of every plan on the page in one grouped query.
    by_plan = action_status.counts_by(
        Action.objects.filter(plan__in=[p.pk for p in page_plans]), request.user, "plan_id"
    )
    # The round each plan's dashboard opens on: the same rule as the dashboard itself.
    rounds = action_status.default_rounds([p.pk for p in page_plans], request.user)
    for plan in page_plans:
        plan.dashboard_round = rounds.get(plan.pk)
        plan.status_counts = by_plan.get(plan.pk, action_status.Counts())
        plan.status_chart = svg.status_bar(
            plan.status_counts, _("Status van de acties van %(plan)s") % {"plan": plan.title}
        )
    return render(
        request,
        "web/home.html",
        {
            "page": page,
            "plans": page_plans,
            "query": query_without_page(request),
            "can_import": can_import(request.user),
        },
    )


def _count(queryset: QuerySet) -> Coalesce:
    counted = queryset.order_by().values("plan").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def plan_detail(request, plan_id: int):
    plan = get_object_or_404(Plan.objects.defer("source_text"), pk=plan_id)
    goals = list(plan.goals.all())
    form = ActionFilterForm(plan, goals, request.GET or None, user=request.user)
    actions = (
        form.apply(plan.actions.all())
        .only(*LIST_FIELDS)
        .order_by("order")
        .prefetch_related(responsible_prefetch())
    )
    page = paginate(request, actions)
    page_actions = list(page.object_list)
    prepare_for_list(page_actions, today(), request.user)
    by_goal: dict[int | None, list[Action]] = {}
    for action in page_actions:
        by_goal.setdefault(action.goal_id, []).append(action)
    # Without filters on a single page the whole tree shows, empty goals too; otherwise
    # only the goals (and their parents) of the actions on this page.
    show_all = not form.active and page.paginator.num_pages == 1
    mark_reported_goals(plan, goals)
    tree = goal_tree(goals, by_goal, show_all=show_all)
    return render(
        request,
        "web/plan_detail.html",
        {
            "plan": plan,
            "tree": tree,
            "loose_actions": by_goal.get(None, []),
            "action_count": plan.actions.count(),
            "status_counts": action_status.counts(plan.actions.all(), request.user),
            "page": page,
            "form": form,
            "filtered": form.active,
            "query": query_without_page(request),
        },
    )


def mark_reported_goals(plan: Plan, goals: list[Goal]) -> None:
    """Set `has_reports` on the goals of a policy note that a progress report reported on.

    One query for the whole tree (and one per older version of the note, to find its
    id), never one per goal. A report matched to an earlier version of the note
    counts too (same key), as on the goal's own page (`reported_per_year`).
    """
    for goal in goals:
        goal.has_reports = False
    if plan.kind != PlanKind.POLICY_NOTE or not goals:
        return
    # the versions this one replaces, by id only (their source texts stay behind)
    chain, previous = [plan.pk], plan.replaces_id
    while previous and previous not in chain:
        chain.append(previous)
        previous = Plan.objects.filter(pk=previous).values_list("replaces_id", flat=True).first()
    keys = set(
        ObjectiveMatch.objects.filter(
            note_plan_id__in=chain,
            note_goal__isnull=False,
            status__in=LINKING_MATCH_STATES,
            report_goal__plan__is_current=True,
        ).values_list("note_goal__key", flat=True)
    )
    for goal in goals:
        goal.has_reports = goal.key in keys


def prepare_for_list(actions: list[Action], day: datetime.date, user) -> None:
    """What the action list shows, worked out once here: template lookups are slow."""
    # The latest visible update of every action on the page, in one query.
    action_status.attach(actions, user)
    for action in actions:
        action.code = action.number or action.key
        action.late = action_status.is_late(action, action.status, day)
        action.who = ", ".join(link.actor.name for link in action.responsible_links)
        if action.start_date or action.end_date:
            first = action.start_date.year if action.start_date else "?"
            last = action.end_date.year if action.end_date else "?"
            action.years = f"{first}–{last}"
        else:
            action.years = ""


def goal_tree(goals: list[Goal], by_goal: dict, *, show_all: bool = True) -> list[dict]:
    """Nested goals with their actions; without `show_all`, only branches holding actions."""
    children: dict[int | None, list[Goal]] = {}
    for goal in goals:
        children.setdefault(goal.parent_id, []).append(goal)

    def node(goal: Goal) -> dict | None:
        below = [n for n in (node(child) for child in children.get(goal.pk, [])) if n]
        actions = by_goal.get(goal.pk, [])
        if not show_all and not actions and not below:
            return None
        return {"goal": goal, "actions": actions, "children": below}

    return [n for n in (node(goal) for goal in children.get(None, [])) if n]
