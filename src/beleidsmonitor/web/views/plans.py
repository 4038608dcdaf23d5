"""Pages about plans: the list on the home page and one plan with its goal tree."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from beleidsmonitor.plans.models import Action, ActionActor, ActorRole, Goal, Plan


def home(request):
    plans = Plan.objects.filter(is_current=True).annotate(
        action_count=Count("actions", distinct=True),
        goal_count=Count("goals", distinct=True),
    )
    return render(request, "web/home.html", {"plans": plans})


def plan_detail(request, plan_id: int):
    plan = get_object_or_404(Plan, pk=plan_id)
    responsible = Prefetch(
        "actor_links",
        queryset=ActionActor.objects.filter(
            Q(role=ActorRole.RESPONSIBLE) | Q(role=ActorRole.ADMINISTRATION)
        ).select_related("actor"),
        to_attr="responsible_links",
    )
    actions = list(plan.actions.prefetch_related(responsible))
    goals = list(plan.goals.all())
    by_goal: dict[int | None, list[Action]] = {}
    for action in actions:
        by_goal.setdefault(action.goal_id, []).append(action)
    tree = _goal_tree(goals, by_goal)
    return render(
        request,
        "web/plan_detail.html",
        {
            "plan": plan,
            "tree": tree,
            "loose_actions": by_goal.get(None, []),
            "action_count": len(actions),
        },
    )


def _goal_tree(goals: list[Goal], by_goal: dict) -> list[dict]:
    children: dict[int | None, list[Goal]] = {}
    for goal in goals:
        children.setdefault(goal.parent_id, []).append(goal)

    def node(goal: Goal) -> dict:
        return {
            "goal": goal,
            "actions": by_goal.get(goal.pk, []),
            "children": [node(child) for child in children.get(goal.pk, [])],
        }

    return [node(goal) for goal in children.get(None, [])]
