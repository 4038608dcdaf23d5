"""The dashboard of one plan in one reporting round.

Status per top-level goal (stacked bars), mean progress over the rounds, late and
at-risk actions and who has not reported. Every number comes from the updates the
viewer may see (`web.status`), so an anonymous visitor's dashboard counts published
updates only.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Avg, Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import followup
from beleidsmonitor.monitoring.models import ActionUpdate, ReportingRound
from beleidsmonitor.monitoring.permissions import visible_updates
from beleidsmonitor.plans.models import Action, Plan
from beleidsmonitor.web import status as action_status
from beleidsmonitor.web import svg
from beleidsmonitor.web.filters import today
from beleidsmonitor.web.views.common import PAGE_SIZE, paginate, query_without_page

ACTION_FIELDS = ("plan", "key", "goal", "number", "title", "end_date", "order")


def plan_dashboard(request, plan_id: int):
    plan = get_object_or_404(Plan.objects.defer("source_text"), pk=plan_id)
    user = request.user
    rounds = list(plan.reporting_rounds.order_by("-period_end", "-pk"))
    round_ = _chosen_round(request, rounds, plan, user)
    goals = list(plan.goals.all())
    actions = list(plan.actions.only(*ACTION_FIELDS).order_by("order"))
    context: dict = {
        "plan": plan,
        "rounds": rounds,
        "round": round_,
        "action_count": len(actions),
        "query": query_without_page(request),
    }
    if round_ is None:
        return render(request, "web/plan_dashboard.html", context)

    updates = action_status.round_updates(round_, plan.pk, user)
    previous = action_status.previous_statuses(round_, [a.pk for a in actions], user)

    # Status per top-level goal: every action counts once, under the goal at the top of
    # its own goal's branch.
    parents = {goal.pk: goal.parent_id for goal in goals}

    def top(goal_id: int | None) -> int | None:
        while goal_id is not None and parents.get(goal_id) is not None:
            goal_id = parents[goal_id]
        return goal_id

    totals = action_status.Counts()
    per_goal: dict[int | None, action_status.Counts] = {}
    for action in actions:
        update = updates.get(action.pk)
        status = update.status if update and update.status else action_status.NO_REPORT
        totals.add(status)
        per_goal.setdefault(top(action.goal_id), action_status.Counts()).add(status)
    goal_rows = [
        (f"{goal.level} {goal.number} {goal.title}".strip(), per_goal[goal.pk], goal)
        for goal in goals
        if goal.parent_id is None and goal.pk in per_goal
    ]
    if None in per_goal:
        goal_rows.append((_("zonder doelstelling"), per_goal[None], None))

    late, at_risk = action_status.risks(actions, updates, previous, today())
    risk_page = paginate(request, [("late", r) for r in late] + [("risk", r) for r in at_risk])

    context.update(
        {
            "totals": totals,
            "goal_rows": goal_rows,
            "goal_chart": svg.stacked_bars(
                [(name, counts) for name, counts, _goal in goal_rows],
                _("Status van de acties per doelstelling in %(round)s") % {"round": round_.name},
            ),
            "statuses": totals.all_rows(),
            "progress": _progress_over_rounds(plan, rounds, user),
            "late_count": len(late),
            "risk_count": len(at_risk),
            "risk_page": risk_page,
            "page": risk_page,
            "risk_horizon_months": 6,
            "risk_progress": action_status.RISK_PROGRESS,
            "not_reported": _not_reported(request, round_, plan, actions, updates),
        }
    )
    context["progress_chart"] = svg.progress_over_rounds(
        [(row["round"].name, row["mean"]) for row in context["progress"]],
        _("Gemiddelde voortgang per ronde"),
    )
    return render(request, "web/plan_dashboard.html", context)


def _chosen_round(request, rounds: list[ReportingRound], plan: Plan, user) -> ReportingRound | None:
    """The round asked for (`?ronde=`), else the one the home page names for this plan."""
    wanted = request.GET.get("ronde", "")
    if wanted:
        for round_ in rounds:
            if str(round_.pk) == wanted:
                return round_
        raise Http404("this round does not cover this plan")
    default = action_status.default_round(plan.pk, user)
    return next((r for r in rounds if default and r.pk == default.pk), None)


def _progress_over_rounds(plan: Plan, rounds: list[ReportingRound], user) -> list[dict]:
    """Per round (oldest first): mean progress and how many actions had a status."""
    rows = (
        visible_updates(user, ActionUpdate.objects.filter(action__plan=plan))
        .values("round_id")
        .annotate(
            mean=Avg("progress"),
            reported=Count("pk", filter=~Q(status="")),
            realised=Count("pk", filter=Q(status="gerealiseerd")),
        )
        .order_by()
    )
    by_round = {row["round_id"]: row for row in rows}
    result = []
    for round_ in reversed(rounds):
        row = by_round.get(round_.pk, {})
        mean = row.get("mean")
        result.append(
            {
                "round": round_,
                "mean": float(mean) if mean is not None else None,
                "reported": row.get("reported", 0),
                "realised": row.get("realised", 0),
            }
        )
    return result


def _not_reported(
    request, round_: ReportingRound, plan: Plan, actions: list[Action], updates: dict
) -> dict:
    """Who has not reported, for logged-in users; a bare count for visitors.

    A visitor sees published updates only, so for them "not reported" would wrongly name
    everyone whose update is still in review: they get the number without published
    update instead.
    """
    if not request.user.is_authenticated:
        missing = sum(1 for a in actions if a.pk not in updates)
        return {"public": True, "count": missing}
    groups = [group for group in followup.not_reported(round_) if group.plan.pk == plan.pk]
    page = Paginator(groups, PAGE_SIZE).get_page(request.GET.get("pagina-open"))
    return {
        "public": False,
        # an action with two responsible ministers is in two groups: count it once
        "count": len({update.pk for group in groups for update in group.updates}),
        "page": page,
    }
