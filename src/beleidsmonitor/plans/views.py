"""Pages that connect progress reports to policy notes, and the glossary.

- `afstemming/`: progress reports and the note each is matched to;
- `afstemming/<report>/`: the matches of one report, what is unmatched on both sides,
  confirm / correct / reject for a coordinator;
- `afstemming/<report>/cijfers/`: the figures of the report offered as indicator values;
- `afstemming/doelstelling/<goal>/`: what the reports said about a note objective, per year;
- `woordenlijst/` and `woordenlijst/plan/<plan>/`: the store's and a plan's glossary.

Reading is open like the plan pages; deciding asks `can_decide`.
"""

from __future__ import annotations

from urllib.parse import quote_plus

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.plans import glossary
from beleidsmonitor.plans.models import (
    FigureCandidate,
    FigureStatus,
    Goal,
    MatchStatus,
    ObjectiveMatch,
    Plan,
    PlanKind,
)
from beleidsmonitor.plans.operations.figures import accept_figure, reject_figure, store_figures
from beleidsmonitor.plans.operations.match_report import (
    decide_match,
    find_policy_note,
    match_overview,
    match_report,
    matched_note,
    policy_note_candidates,
    reported_per_year,
)
from beleidsmonitor.plans.permissions import can_decide, check_can_decide

GLOSSARY_PAGE_SIZE = 50
FIGURE_PAGE_SIZE = 50


def _back(request, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next") or default
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = default
    return HttpResponseRedirect(target)


def _report(report_id: int) -> Plan:
    return get_object_or_404(Plan, pk=report_id, kind=PlanKind.PROGRESS_REPORT)


# --- matches ----------------------------------------------------------------------


def match_index(request):
    reports = Plan.objects.filter(kind=PlanKind.PROGRESS_REPORT, is_current=True).order_by(
        "policy_field", "-report_year", "title"
    )
    rows = [{"report": r, "note": matched_note(r) or find_policy_note(r)} for r in reports]
    return render(request, "plans/match_index.html", {"rows": rows})


def match_review(request, report_id: int):
    report = _report(report_id)
    note = _chosen_note(request, report)
    context = {
        "report": report,
        "note": note,
        "can_decide": can_decide(request.user),
        "candidates": policy_note_candidates(report),
        "all_notes": Plan.objects.filter(kind=PlanKind.POLICY_NOTE, is_current=True).order_by(
            "-period_start", "title"
        ),
    }
    if note is not None:
        linked, unmatched_report, unmatched_note = match_overview(report, note)
        rows = ObjectiveMatch.objects.filter(report_goal__plan=report, note_plan=note)
        by_goal = {m.report_goal_id: m for m in rows.select_related("note_goal", "decided_by")}
        context.update(
            {
                "linked": linked,
                "unmatched_report": [(g, by_goal.get(g.pk)) for g in unmatched_report],
                "unmatched_note": unmatched_note,
                "note_goals": list(note.goals.order_by("order")),
                "computed": bool(by_goal),
            }
        )
    return render(request, "plans/match_review.html", context)


def _chosen_note(request, report: Plan) -> Plan | None:
    """The note named by `?nota=`, else the note last matched, else the one that fits."""
    wanted = request.GET.get("nota", "")
    if wanted.isdigit():
        return get_object_or_404(Plan, pk=int(wanted), kind=PlanKind.POLICY_NOTE)
    return matched_note(report) or find_policy_note(report)


@require_POST
def match_run(request, report_id: int):
    check_can_decide(request.user)
    report = _report(report_id)
    wanted = request.POST.get("nota", "")
    note = (
        get_object_or_404(Plan, pk=int(wanted), kind=PlanKind.POLICY_NOTE)
        if wanted.isdigit()
        else find_policy_note(report)
    )
    url = reverse("plans:match-review", args=[report.pk])
    if note is None:
        messages.error(request, _("Kies de beleidsnota waarover dit rapport rapporteert."))
        return HttpResponseRedirect(url)
    try:
        result = match_report(report, note)
    except BeleidsmonitorError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(url)
    store_figures(report)
    messages.success(
        request,
        _(
            "Afgestemd op %(note)s: %(matched)d gekoppeld, %(report)d van het rapport en "
            "%(unmatched_note)d van de nota zonder koppeling."
        )
        % {
            "note": note.title,
            "matched": len(result.matched),
            "report": len(result.unmatched_report),
            "unmatched_note": len(result.unmatched_note),
        },
    )
    return HttpResponseRedirect(f"{url}?nota={note.pk}")


@require_POST
def match_decide(request, match_id: int):
    check_can_decide(request.user)
    match = get_object_or_404(
        ObjectiveMatch.objects.select_related("report_goal", "note_plan"), pk=match_id
    )
    status = request.POST.get("status", "")
    note_goal = None
    if status == MatchStatus.CORRECTED:
        goal_id = request.POST.get("note_goal", "")
        if goal_id.isdigit():
            note_goal = Goal.objects.filter(pk=int(goal_id), plan=match.note_plan).first()
    try:
        decide_match(match, status, user=request.user, note_goal=note_goal)
    except BeleidsmonitorError as error:
        messages.error(request, f"{match.report_goal.key}: {error}")
    else:
        target = match.note_goal.key if match.note_goal_id else _("geen")
        messages.success(
            request, f"{match.report_goal.key} → {target}: {match.get_status_display()}."
        )
    default = reverse("plans:match-review", args=[match.report_goal.plan_id])
    return _back(request, f"{default}?nota={match.note_plan_id}")


def goal_reported(request, goal_id: int):
    goal = get_object_or_404(Goal.objects.select_related("plan", "parent"), pk=goal_id)
    entries = reported_per_year(goal)
    figures = (
        FigureCandidate.objects.filter(note_goal__plan=goal.plan, note_goal__key=goal.key)
        .exclude(status=FigureStatus.REJECTED)
        .select_related("report_goal", "report_goal__plan", "indicator")
        .order_by("year", "report_goal__plan__report_year", "position")
    )
    years: dict[int | None, list] = {}
    for entry in entries:
        years.setdefault(entry.year, []).append(entry)
    return render(
        request,
        "plans/goal_reported.html",
        {
            "goal": goal,
            "plan": goal.plan,
            "years": list(years.items()),
            "figures": list(figures),
            "can_decide": can_decide(request.user),
        },
    )


# --- figures ----------------------------------------------------------------------


def figure_list(request, report_id: int):
    report = _report(report_id)
    status = request.GET.get("status", FigureStatus.PROPOSED)
    figures = FigureCandidate.objects.filter(report_goal__plan=report).select_related(
        "report_goal", "note_goal", "indicator", "decided_by"
    )
    if status in FigureStatus.values:
        figures = figures.filter(status=status)
    page = Paginator(figures.order_by("report_goal__order", "position"), FIGURE_PAGE_SIZE)
    return render(
        request,
        "plans/figure_list.html",
        {
            "report": report,
            "page": page.get_page(request.GET.get("pagina")),
            "status": status,
            "statuses": FigureStatus.choices,
            "can_decide": can_decide(request.user),
            "query": f"status={status}",
        },
    )


@require_POST
def figure_decide(request, figure_id: int):
    check_can_decide(request.user)
    figure = get_object_or_404(
        FigureCandidate.objects.select_related("report_goal", "note_goal"), pk=figure_id
    )
    decision = request.POST.get("status", "")
    try:
        if decision == FigureStatus.ACCEPTED:
            accept_figure(figure, user=request.user, text=request.POST.get("indicator_text", ""))
            messages.success(
                request,
                _("%(value)s (%(year)s) aanvaard als waarde van '%(indicator)s' bij %(goal)s.")
                % {
                    "value": figure.display_value,
                    "year": figure.year,
                    "indicator": figure.indicator.text,
                    "goal": figure.note_goal.key,
                },
            )
        elif decision == FigureStatus.REJECTED:
            reject_figure(figure, user=request.user)
            messages.success(request, _("%(value)s afgewezen.") % {"value": figure.display_value})
        else:
            messages.error(request, _("Onbekende beslissing."))
    except BeleidsmonitorError as error:
        messages.error(request, str(error))
    return _back(request, reverse("plans:figures", args=[figure.report_goal.plan_id]))


# --- glossary ---------------------------------------------------------------------


def _either(*terms: str):
    """`"VDAB" of "Vlaamse Dienst …"`: the terms quoted, joined by a translated "or"."""
    joined = format_html('"{}"', terms[0])
    for term in terms[1:]:
        joined = format_html(_("{one} of {other}"), one=joined, other=format_html('"{}"', term))
    return joined


def glossary_store(request):
    return _glossary(request, None)


def glossary_plan(request, plan_id: int):
    return _glossary(request, get_object_or_404(Plan, pk=plan_id))


def _glossary(request, plan: Plan | None):
    text = " ".join(request.GET.get("q", "").split())[:200]
    letter = request.GET.get("letter", "")[:1].upper()
    found = glossary.entries(plan, text=text, letter=letter)
    page = Paginator(found, GLOSSARY_PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = "&".join(
        f"{name}={value}" for name, value in (("q", quote_plus(text)), ("letter", letter)) if value
    )
    variants = sorted(glossary.variants(text)) if text else []
    return render(
        request,
        "plans/glossary.html",
        {
            "plan": plan,
            "page": page,
            "text": text,
            "letter": letter,
            "letters": glossary.letters(plan),
            "variants": variants,
            "goal_terms": _either(text, *variants) if text else "",
            "goals": glossary.goals_mentioning(text) if text and plan is None else [],
            "query": query,
        },
    )
