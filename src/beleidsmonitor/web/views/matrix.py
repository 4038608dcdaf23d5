"""The responsibility matrix of a plan: actors by top-level goals, actions per cell."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from beleidsmonitor.plans.models import ActionActor, Actor, ActorRole, Plan
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
    if role in ActorRole.values:
        links = links.filter(role=role)
    # Count per (actor, goal) in the database, fold goals into their top-level goal here:
    # each action has one main goal, so the sums count every action once per actor.
    cells: dict[tuple[int, int | None], int] = {}
    totals: dict[int, int] = {}
    for actor_id, goal_id, n in (
        links.values_list("actor_id", "action__goal_id")
        .annotate(n=Count("action", distinct=True))
        .order_by()
    ):
        key = (actor_id, top(goal_id))
        cells[key] = cells.get(key, 0) + n
        totals[actor_id] = totals.get(actor_id, 0) + n
    columns = [goal for goal in goals if goal.parent_id is None]
    column_ids: list[int | None] = [goal.pk for goal in columns]
    if any(goal_id is None for _, goal_id in cells):
        column_ids.append(None)
    actors = sorted(
        Actor.objects.filter(pk__in=totals), key=lambda a: (-totals[a.pk], a.name.casefold())
    )
    page = paginate(request, actors)
    rows = [
        {
            "actor": actor,
            "total": totals[actor.pk],
            "cells": [(goal_id, cells.get((actor.pk, goal_id), 0)) for goal_id in column_ids],
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
