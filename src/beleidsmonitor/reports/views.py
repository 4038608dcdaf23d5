"""Download pages: reports and exports of plans, and the open-data page.

What a download holds follows the reader, as everywhere: anonymous visitors get
published updates only (`permissions.visible_updates`). Open-data downloads hold
published data only, whoever asks.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.plans.models import Actor, Plan
from beleidsmonitor.reports import exports, renderers, service
from beleidsmonitor.reports.builders.annual import actor_report_rounds


def _download(content: bytes, content_type: str, file_name: str, *, inline: bool = False):
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{file_name}"'
    return response


def _logged_in(request) -> bool:
    return request.user.is_authenticated and request.user.is_active


def _actor_rows(rounds: list[ReportingRound]) -> list[tuple[Actor, list[ReportingRound | None]]]:
    """The actors with an annual report in at least one round, each with one cell per
    round: the round when the actor has actions in it, else None (no links to an empty
    report). Two queries, whatever the number of actors."""
    in_rounds = actor_report_rounds()
    actors = Actor.objects.filter(pk__in=list(in_rounds))
    return [
        (actor, [round_ if round_.pk in in_rounds[actor.pk] else None for round_ in rounds])
        for actor in actors
    ]


def index(request):
    plans = Plan.objects.filter(is_current=True).prefetch_related("reporting_rounds")
    rounds = list(ReportingRound.objects.all())
    return render(
        request,
        "reports/index.html",
        {
            "plans": plans,
            "rounds": rounds,
            "actor_rows": _actor_rows(rounds),
            "report_formats": renderers.FORMATS,
            "published_only": not _logged_in(request),
        },
    )


def report_language(request) -> str:
    """The language of an annual report: Dutch, the official one, unless `?taal=` asks
    for another of the site's languages. The page language does not change it, so the
    same link gives the same document to every reader."""
    wanted = request.GET.get("taal", "")
    return wanted if wanted in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _report_name(prefix: str, round_: ReportingRound, language: str, fmt: str) -> str:
    suffix = "" if language == settings.LANGUAGE_CODE else f"-{language}"
    return f"jaarrapport-{prefix}-{slugify(round_.name)}{suffix}.{fmt}"


def _format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise Http404(f"unknown format {fmt}")
    return fmt


def plan_report(request, plan_id: int, round_id: int, fmt: str):
    plan = get_object_or_404(Plan, pk=plan_id)
    round_ = get_object_or_404(ReportingRound, pk=round_id, plans=plan)
    return _report_download(request, plan, round_, fmt, slugify(plan.title)[:60])


def actor_report(request, actor_id: int, round_id: int, fmt: str):
    actor = get_object_or_404(Actor, pk=actor_id)
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    return _report_download(request, actor, round_, fmt, actor.slug[:60])


def _report_download(request, subject: Plan | Actor, round_, fmt: str, prefix: str):
    """The annual report of a plan or an actor, in the asked format and language."""
    fmt = _format(fmt, renderers.FORMATS)
    language = report_language(request)
    content = service.make_report(
        subject,
        round_,
        fmt,
        user=request.user,
        published_only=not _logged_in(request),
        language=language,
    )
    name = _report_name(prefix, round_, language, fmt)
    return _download(content, renderers.CONTENT_TYPES[fmt], name, inline=fmt == "html")


def plan_export(request, plan_id: int, fmt: str):
    fmt = _format(fmt, exports.EXPORT_FORMATS)
    plan = get_object_or_404(Plan, pk=plan_id)
    content = exports.export(plan, fmt, user=request.user, published_only=not _logged_in(request))
    name = f"{slugify(plan.title)[:60] or 'plan'}-{plan.pk}.{fmt}"
    return _download(content, exports.CONTENT_TYPES[fmt], name)


def open_data(request):
    plans = Plan.objects.filter(is_current=True).order_by("title")
    return render(
        request,
        "reports/open_data.html",
        {"plans": plans, "formats": exports.EXPORT_FORMATS},
    )


def open_data_download(request, plan_id: int, fmt: str):
    fmt = _format(fmt, exports.EXPORT_FORMATS)
    plan = get_object_or_404(Plan, pk=plan_id, is_current=True)
    content = exports.export(plan, fmt, user=None, published_only=True)
    name = f"open-data-{slugify(plan.title)[:60] or 'plan'}-{plan.pk}.{fmt}"
    return _download(content, exports.CONTENT_TYPES[fmt], name)
