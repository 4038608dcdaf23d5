"""Finding what a report is about and making it: shared by the CLI and the views.

The annual report is an official Dutch document, so it is made in Dutch
(`settings.LANGUAGE_CODE`) whatever language the web pages are shown in. Asked for
another language, its own words (title page, headings, labels, statuses) are translated;
what the plan and the reporters wrote stays as written.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from beleidsmonitor.exceptions import NotFound
from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.plans.models import Actor, Plan
from beleidsmonitor.reports.builders.annual import (
    AnnualReport,
    build_actor_report,
    build_plan_report,
)
from beleidsmonitor.reports.renderers import render


def find_round(name_or_id: str) -> ReportingRound:
    round_ = ReportingRound.objects.filter(name=name_or_id).first()
    if round_ is None and str(name_or_id).isdigit():
        round_ = ReportingRound.objects.filter(pk=int(name_or_id)).first()
    if round_ is None:
        raise NotFound(f"no reporting round {name_or_id!r}")
    return round_


def find_plan(plan_id: int) -> Plan:
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise NotFound(f"no plan with number {plan_id}")
    return plan


def find_actor(text: str) -> Actor:
    actor = (
        Actor.objects.filter(slug=text).first()
        or Actor.objects.filter(name__iexact=text).first()
        or (Actor.objects.filter(pk=int(text)).first() if text.isdigit() else None)
    )
    if actor is None:
        raise NotFound(f"no actor {text!r}")
    return actor


def build(
    subject: Plan | Actor, round_: ReportingRound, *, user=None, published_only: bool = False
) -> AnnualReport:
    if isinstance(subject, Actor):
        return build_actor_report(subject, round_, user=user, published_only=published_only)
    if not round_.plans.filter(pk=subject.pk).exists():
        raise NotFound(f"the round {round_.name!r} does not cover plan {subject.pk}")
    return build_plan_report(subject, round_, user=user, published_only=published_only)


def make_report(
    subject: Plan | Actor,
    round_: ReportingRound,
    fmt: str,
    *,
    user=None,
    published_only: bool = False,
    language: str | None = None,
) -> bytes:
    """The report as a file; in Dutch unless `language` (one of settings.LANGUAGES) says."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return render(build(subject, round_, user=user, published_only=published_only), fmt)
