"""The responsibility matrix of a plan: actors by top-level goals, actions per cell.

Each number counts what its link lists on the plan page (`web.filters`): the actions of
that actor (in the chosen role) whose goal, or one of the goals they also serve, falls
under the column's top-level goal; "zonder doel" counts those without a goal. An action
serving two top-level goals therefore counts in both columns, and the row total counts
each action once.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from beleidsmonitor.plans.models import Action, ActionActor, Actor, ActorRole, Plan
from beleidsmonitor.web.filters import NO_GOAL
from beleidsmonitor.web.views.common import paginate, query_without_page


def plan_matrix(request, plan_id: int):
    plan = get_object_or_404(Plan.objects.defer("source_text"), pk=plan_id)
    goals = list(plan.goals.all())
    parents = {goal.pk: goal.parent_id for goal in goals}

    def top(goal_id: int | None) -> int | None:
        while goal_id is not None and parents.get(goal_id) is not None:
            goal_id = parents[goal_id]
        return goal_id

    links = ActionActor.objects.filter(action__plan=plan)
    role = request.GET.get("rol", "")
    if role not in ActorRole.values:
        role = ""
    if role:
        links = links.filter(role=role)
    columns = [goal for goal in goals if goal.parent_id is None]
    top_ids = {goal.pk for goal in columns}
    # The columns of each action: the top-level goals above its goal and its extra goals.
    action_columns: dict[int, set[int | None]] = {}
    for action_id, goal_id in plan.actions.values_list("pk", "goal_id"):
        action_columns[action_id] = {top(goal_id)} if goal_id is not None else {None}
    for action_id, goal_id in Action.extra_goals.through.objects.filter(
        action__plan=plan
    ).values_list("action_id", "goal_id"):
        column = top(goal_id)
        if column in top_ids:
            action_columns.setdefault(action_id, set()).add(column)
    cells: dict[tuple[int, int | None], set[int]] = {}
    totals: dict[int, set[int]] = {}
    for actor_id, action_id in links.values_list("actor_id", "action_id").distinct():
        totals.setdefault(actor_id, set()).add(action_id)
        for column in action_columns.get(action_id, ()):
            cells.setdefault((actor_id, column), set()).add(action_id)
    column_ids: list[int | None] = [goal.pk for goal in columns]
    if any(goal_id is None for _, goal_id in cells):
        column_ids.append(None)
    actors = sorted(
        Actor.objects.filter(pk__in=totals), key=lambda a: (-len(totals[a.pk]), a.name.casefold())
    )
    page = paginate(request, actors)
    base = reverse("plan-detail", args=[plan.pk])

    def listed(actor: Actor, goal_id: int | None = None, *, whole_row: bool = False) -> str:
        """The plan page filtered to what a cell (or, `whole_row`, the total) counts."""
        params = {"actor": actor.slug}
        if not whole_row:
            params["doel"] = str(goal_id) if goal_id is not None else NO_GOAL
        if role:
            params["rol"] = role
        return f"{base}?{urlencode(params)}"

    rows = [
        {
            "actor": actor,
            "total": len(totals[actor.pk]),
            "total_url": listed(actor, whole_row=True),
            "cells": [
                (goal_id, len(cells.get((actor.pk, goal_id), ())), listed(actor, goal_id))
                for goal_id in column_ids
            ],
        }
        for actor in page.object_list
    ]
    return render(
        request,
        "web/plan_matrix.html",
        {
            "plan": plan,
            "columns": columns,
            "loose_column": None in column_ids,
            "rows": rows,
            "page": page,
            "roles": ActorRole.choices,
            "role": role,
            "query": query_without_page(request),
        },
    )
