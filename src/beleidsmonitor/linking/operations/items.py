"""Stored plans as the scorer's items: one per action and one per goal.

An action's text is its description, objectives and results; its context the goal it
serves and that goal's parent. A goal's text is its own text plus the titles of the
actions under it (a goal is known by what is done for it); its actors those actions'.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from beleidsmonitor.linking.models import plan_ref
from beleidsmonitor.linking.similarity import Item
from beleidsmonitor.plans.models import ActionActor, Actor, Goal, Indicator, Plan


@dataclass
class PlanItems:
    plan: Plan
    ref: str
    actions: list[Item] = field(default_factory=list)
    goals: list[Item] = field(default_factory=list)
    leaf_goals: list[Item] = field(default_factory=list)
    rows: dict[str, object] = field(default_factory=dict)  # item ref -> Action or Goal


def item_ref(plan_reference: str, key: str) -> str:
    return f"{plan_reference}#{key}"


def canonical(actor: Actor, cache: dict[int, Actor]) -> Actor:
    """The actor a (possibly merged) actor stands for now."""
    found = cache.get(actor.pk)
    if found is None:
        found = cache[actor.pk] = actor.current()
    return found


def load_plan_items(plan: Plan, actor_cache: dict[int, Actor] | None = None) -> PlanItems:
    actor_cache = {} if actor_cache is None else actor_cache
    ref = plan_ref(plan)
    result = PlanItems(plan=plan, ref=ref)
    goals = {g.pk: g for g in plan.goals.prefetch_related("indicators")}
    actions = list(
        plan.actions.prefetch_related(
            Prefetch(
                "actor_links",
                queryset=ActionActor.objects.select_related("actor__merged_into"),
            ),
            Prefetch("indicators", queryset=Indicator.objects.order_by("order")),
        )
    )
    goal_actions: dict[int, list] = defaultdict(list)
    goal_actors: dict[int, dict[str, str]] = defaultdict(dict)
    for action in actions:
        actors: dict[str, str] = {}
        for link in action.actor_links.all():
            actor = canonical(link.actor, actor_cache)
            actors[str(actor.pk)] = actor.name
        goal = goals.get(action.goal_id)
        context = _goal_context(goal, goals)
        item = Item(
            ref=item_ref(ref, action.key),
            group=ref,
            key=action.key,
            title=action.title,
            text=" . ".join(
                [action.description, *map(str, action.objectives), *map(str, action.results)]
            ),
            indicators=[i.text for i in action.indicators.all()],
            actors=actors,
            context=context,
            kind="action",
        )
        result.actions.append(item)
        result.rows[item.ref] = action
        while goal is not None:
            goal_actions[goal.pk].append(action.title)
            goal_actors[goal.pk].update(actors)
            goal = goals.get(goal.parent_id)
    has_children = {g.parent_id for g in goals.values() if g.parent_id}
    for goal in goals.values():
        item = Item(
            ref=item_ref(ref, goal.key),
            group=ref,
            key=goal.key,
            title=goal.title,
            text=" . ".join([goal.text, *goal_actions.get(goal.pk, [])]),
            indicators=[i.text for i in goal.indicators.all()],
            actors=goal_actors.get(goal.pk, {}),
            context=_goal_context(goals.get(goal.parent_id), goals),
            kind="goal",
        )
        result.goals.append(item)
        result.rows[item.ref] = goal
        if goal.pk not in has_children:
            result.leaf_goals.append(item)
    return result


def _goal_context(goal: Goal | None, goals: dict[int, Goal]) -> str:
    titles = []
    depth = 0
    while goal is not None and depth < 2:
        titles.append(goal.title)
        goal = goals.get(goal.parent_id)
        depth += 1
    return " . ".join(titles)


def top_goal(goal: Goal | None, goals: dict[int, Goal]) -> Goal | None:
    """The highest goal above a goal (the HD or SD it belongs to)."""
    seen: set[int] = set()
    while goal is not None and goal.parent_id and goal.pk not in seen:
        seen.add(goal.pk)
        goal = goals.get(goal.parent_id)
    return goal
