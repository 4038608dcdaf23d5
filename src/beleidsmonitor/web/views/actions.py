"""One action with every field, its source text and its indicators."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from beleidsmonitor.linking.models import sees_proposals
from beleidsmonitor.linking.views.links import action_link_rows
from beleidsmonitor.monitoring.models import IndicatorValue, UpdateChange
from beleidsmonitor.monitoring.permissions import Operation, allowed, visible_updates
from beleidsmonitor.plans.models import Action, ActorRole
from beleidsmonitor.web import status as action_status
from beleidsmonitor.web import svg
from beleidsmonitor.web.filters import today

HISTORY_ROWS = 20


def action_detail(request, action_id: int):
    action = get_object_or_404(
        Action.objects.select_related("plan", "goal", "goal__parent"), pk=action_id
    )
    links = list(action.actor_links.select_related("actor"))
    roles = [
        (label, [link for link in links if link.role == role]) for role, label in ActorRole.choices
    ]
    user = request.user
    # Every update of this action the viewer may see, newest round first.
    updates = list(
        visible_updates(user, action.updates.all())
        .select_related("round")
        .order_by("-round__period_end", "-round_id")
    )
    action_status.attach([action], user)
    # The measured values of the visible updates, oldest round first, per indicator.
    values: dict[int, list] = {}
    for value in (
        IndicatorValue.objects.filter(update__in=[u.pk for u in updates], value__isnull=False)
        .select_related("update__round")
        .order_by("update__round__period_end", "update__round_id")
    ):
        values.setdefault(value.indicator_id, []).append(value)
    indicators = [
        {
            "indicator": indicator,
            "values": values.get(indicator.pk, []),
            "chart": svg.indicator_chart(
                indicator,
                [(v.update.round.name, v.value) for v in values.get(indicator.pk, [])],
            ),
        }
        for indicator in action.indicators.all()
    ]
    # The update a reporter can fill in now, to link the form from this page.
    editable = next(
        (
            u
            for u in updates
            if u.is_open and u.round.is_open and allowed(user, Operation.SAVE_UPDATE, u)
        ),
        None,
    )
    # The history reveals unpublished values, so only for who may read it (logged in).
    history = []
    if updates and allowed(user, Operation.VIEW_HISTORY, updates[0]):
        history = list(
            UpdateChange.objects.filter(update__action=action)
            .select_related("user", "update__round")
            .order_by("-at", "-pk")[:HISTORY_ROWS]
        )
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
            "late": action_status.is_late(action, action.status, today()),
            "updates": updates,
            "editable": editable,
            "history": history,
            # confirmed lineage and overlap, both directions; deciding is on the links page
            "link_rows": action_link_rows(action, confirmed_only=True),
            "sees_link_proposals": sees_proposals(request.user),
        },
    )
