"""A plan's actions on a time axis, from their start and end dates; late ones marked."""

from __future__ import annotations

from django.db.models import Max, Min, Q
from django.shortcuts import get_object_or_404, render

from beleidsmonitor.plans.models import Plan
from beleidsmonitor.web import svg
from beleidsmonitor.web.filters import ActionFilterForm, today
from beleidsmonitor.web.views.common import paginate, query_without_page

ROWS_PER_PAGE = 40


def plan_timeline(request, plan_id: int):
    plan = get_object_or_404(Plan.objects.defer("source_text"), pk=plan_id)
    goals = list(plan.goals.all())
    form = ActionFilterForm(plan, goals, request.GET or None, user=request.user)
    dated = plan.actions.filter(Q(start_date__isnull=False) | Q(end_date__isnull=False))
    undated_count = plan.actions.count() - dated.count()
    # One axis for the whole plan, so bars on different pages compare.
    bounds = dated.aggregate(
        first_start=Min("start_date"),
        first_end=Min("end_date"),
        last_start=Max("start_date"),
        last_end=Max("end_date"),
    )
    actions = form.apply(dated).order_by("order")
    page = paginate(request, actions, ROWS_PER_PAGE)
    chart = None
    if page.object_list:
        first = min(d for d in (bounds["first_start"], bounds["first_end"]) if d)
        last = max(d for d in (bounds["last_start"], bounds["last_end"]) if d)
        chart = svg.timeline(list(page.object_list), first, last, today())
    return render(
        request,
        "web/plan_timeline.html",
        {
            "plan": plan,
            "form": form,
            "page": page,
            "chart": chart,
            "undated_count": undated_count,
            "query": query_without_page(request),
            "today": today(),
        },
    )
