"""A coordinator's decision on a match: confirmed, corrected, rejected or reopened."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beleidsmonitor.plans.models import Goal, MatchStatus, ObjectiveMatch
from beleidsmonitor.plans.operations.match_report.errors import MatchError
from beleidsmonitor.plans.operations.match_report.store import repoint_figures
from beleidsmonitor.plans.operations.match_report.titles import title_score
from beleidsmonitor.plans.permissions import check_can_decide

DECISIONS = ("confirmed", "corrected", "rejected", "proposed")


def decide_match(
    match: ObjectiveMatch, status: str, *, user, note_goal: Goal | None = None
) -> ObjectiveMatch:
    """A coordinator's decision on a match.

    - `confirmed`: the proposed pair is right;
    - `corrected`: the report goal reports on `note_goal` instead (a goal of the same
      note); a proposal that paired another report goal with that note goal is released;
    - `rejected`: the report goal has no counterpart in the note;
    - `proposed`: reopen; the next `match_report` may propose something else.
    """
    check_can_decide(user)
    if status not in DECISIONS:
        raise MatchError(_("onbekende beslissing %(status)r") % {"status": status})
    with transaction.atomic():
        if status == MatchStatus.CORRECTED:
            if note_goal is None:
                raise MatchError(_("kies de doelstelling van de beleidsnota"))
            if note_goal.plan_id != match.note_plan_id:
                raise MatchError(
                    _("%(goal)s hoort niet bij de gekozen beleidsnota") % {"goal": note_goal.key}
                )
            _release(match, note_goal)
            match.note_goal = note_goal
            match.method = "manual"
            match.score = title_score(match.report_goal.title, note_goal.title) / 100
        elif status == MatchStatus.CONFIRMED and match.note_goal_id is None:
            raise MatchError(_("er is geen voorstel om te bevestigen; kies een doelstelling"))
        match.status = status
        reopened = status == MatchStatus.PROPOSED
        match.decided_by = None if reopened else user
        match.decided_at = None if reopened else timezone.now()
        match.save()
        repoint_figures(match.report_goal.plan, match.note_plan)
    return match


def _release(match: ObjectiveMatch, note_goal: Goal) -> None:
    others = ObjectiveMatch.objects.filter(note_plan=match.note_plan, note_goal=note_goal).exclude(
        pk=match.pk
    )
    taken = others.filter(status__in=(MatchStatus.CONFIRMED, MatchStatus.CORRECTED)).first()
    if taken is not None:
        raise MatchError(
            _("%(goal)s is al bevestigd voor %(other)s; heropen die eerst")
            % {"goal": note_goal.key, "other": taken.report_goal.key}
        )
    for other in others.filter(status=MatchStatus.PROPOSED):
        other.note_goal = None
        other.method = "none"
        other.evidence = {**other.evidence, "released_for": match.report_goal.key}
        other.save(update_fields=["note_goal", "method", "evidence"])
