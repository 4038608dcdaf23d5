"""One action with every field, its source text and its indicators."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from beleidsmonitor.plans.models import Action, ActorRole
from beleidsmonitor.web import svg
from beleidsmonitor.web.filters import today


def action_detail(request, action_id: int):
    action = get_object_or_404(
        Action.objects.select_related("plan", "goal", "goal__parent"), pk=action_id
    )
    links = list(action.actor_links.select_related("actor"))
    roles = [
        (label, [link for link in links if link.role == role]) for role, label in ActorRole.choices
    ]
    indicators = [
        {"indicator": indicator, "chart": svg.indicator_chart(indicator)}
        for indicator in action.indicators.all()
    ]
    source = []
    if action.first_line and action.last_line:
        source = action.plan.source_line_range(action.first_line, action.last_line)
    goal_path = []
    goal = action.goal
    while goal is not None:
        goal_path.insert(0, goal)
        goal = goal.parent
    return render(
        request,
        "web/action_detail.html",
        {
            "action": action,
            "plan": action.plan,
            "roles": [(label, found) for label, found in roles if found],
            "indicators": indicators,
            "source": source,
            "goal_path": goal_path,
            "extra_goals": list(action.extra_goals.all()),
            "late": bool(action.end_date and action.end_date < today()),
        },
    )
