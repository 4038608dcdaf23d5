"""Matching a progress report's objectives to those of the policy note it reports on.

- `find_policy_note(report)`: the current policy note of the same policy field whose
  period holds the report's year; None when there is none or more than one, so the
  caller asks which.
- `match_report(report, note)`: pairs each reported SD / OD with the note's objective of
  the same level, by number first and title similarity second, and stores one
  `ObjectiveMatch` per report goal (no counterpart: `note_goal` empty). Running it again
  updates the proposals and keeps what a person decided (confirmed, corrected, rejected),
  also for a new version of the report or of the note (by the goals' keys).
- `decide_match(match, status, user=..., note_goal=...)`: a coordinator's decision.
- `match_overview(report, note)`: pairs and what is unmatched on both sides.
- `reported_per_year(note_goal)`: what the reports said about a note objective, per year.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.plans.models import (
    DECIDED_MATCH_STATES,
    LINKING_MATCH_STATES,
    FigureCandidate,
    FigureStatus,
    Goal,
    MatchStatus,
    ObjectiveMatch,
    Plan,
    PlanKind,
)
from beleidsmonitor.plans.permissions import check_can_decide

# Same number: the titles need only be this alike (0..100), because a report often
# shortens or rewords the note's title ("Verlichtingswaarden" without "die ons samenleven
# ...") and the number already says which objective is meant. Measured on the 2023
# report (004) against its note (001): the 24 right pairs score 99-100, the best wrong
# candidate of each objective 39-65 (a shared word such as `participatie` is enough for
# 65); 70 sits between, so a renumbered objective is not paired by its number alone.
NUMBER_TITLE_MIN = 70.0
# Different number: only a title this alike makes a match. A note renumbered between
# years (an OD dropped, the next ones moved up) or a report that numbers by budget entity
# still writes the objective's own title, and the title is what identifies an objective
# for a reader; a number alone would pair two unrelated objectives.
TITLE_ONLY_MIN = 90.0
# Added to the title score of a pair with the same number when ranking the candidates:
# the number wins over a title only a little more alike, and loses to a near-identical
# title under another number (the renumbering case above).
NUMBER_BONUS = 15.0
ALTERNATIVES = 3  # best other candidates kept in the evidence, for the person correcting

_STOP_TEXT = """
    we wij ons onze de het een en of in op van voor met aan door te ten ter tot om bij
    als die dat dit deze zijn is worden wordt er over uit naar zo zoals enz ook meer
    """
_STOP = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[^\W_]+(?:[+][^\W]*)?", re.UNICODE)
_stemmer = snowballstemmer.stemmer("dutch")


class MatchError(BeleidsmonitorError):
    """A decision on a match that cannot be made (unknown status, wrong objective)."""


# --- finding the note -------------------------------------------------------------


def find_policy_note(report: Plan) -> Plan | None:
    """The one current policy note this report reports on, or None (none or ambiguous).

    Same policy field (case and spaces ignored) and the report's year within the note's
    period; without a report year, the same period. Ambiguous gives None on purpose:
    the caller asks rather than guessing between two notes.
    """
    candidates = policy_note_candidates(report)
    return candidates[0] if len(candidates) == 1 else None


def policy_note_candidates(report: Plan) -> list[Plan]:
    """Current policy notes this report could report on (see `find_policy_note`)."""
    field_name = _field_key(report.policy_field)
    if not field_name:
        return []
    notes = Plan.objects.filter(kind=PlanKind.POLICY_NOTE, is_current=True).exclude(pk=report.pk)
    found = []
    for note in notes.order_by("-period_start", "pk"):
        if _field_key(note.policy_field) != field_name:
            continue
        year = report.report_year
        if year is not None:
            if (
                note.period_start
                and note.period_end
                and note.period_start <= year <= note.period_end
            ):
                found.append(note)
        elif (note.period_start, note.period_end) == (report.period_start, report.period_end):
            found.append(note)
    return found


def _field_key(text: str) -> str:
    return " ".join((text or "").lower().split())


# --- scoring ----------------------------------------------------------------------


def normalise_title(title: str) -> str:
    """Lowercase, accents folded, stop words out, each word stemmed: the form compared."""
    folded = unicodedata.normalize("NFKD", (title or "").lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = [w for w in _WORD.findall(folded) if w not in _STOP]
    return " ".join(_stem(w) for w in words)


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def title_score(a: str, b: str) -> float:
    """Title similarity 0..100: rapidfuzz `token_set_ratio` on the normalised titles.

    A token set ratio is 100 when one title's words are all in the other, which is what
    a shortened title in a report looks like.
    """
    left, right = normalise_title(a), normalise_title(b)
    if not left or not right:
        return 0.0
    return float(fuzz.token_set_ratio(left, right))


@dataclass
class Pairing:
    """What `pair_goals` decided for one report goal (keys, not rows: pure data)."""

    report_key: str
    note_key: str | None
    score: float  # title similarity 0..1
    method: str  # "number", "title" or "none"
    evidence: dict = field(default_factory=dict)


@dataclass
class GoalRef:
    key: str
    level: str
    number: str
    title: str


def pair_goals(
    report_goals: Iterable[GoalRef],
    note_goals: Iterable[GoalRef],
    *,
    taken_report: Iterable[str] = (),
    taken_note: Iterable[str] = (),
) -> list[Pairing]:
    """Pair report goals with note goals one to one. Pure: no database.

    Candidates are goals of the same level that have the same number and a title at
    least `NUMBER_TITLE_MIN` alike, or another number and a title at least
    `TITLE_ONLY_MIN` alike. The candidates are taken best first (title score, plus
    `NUMBER_BONUS` for the same number; a tie goes to the higher title score, then
    document order), each goal at most once. Goals in `taken_*` (decided by a person)
    are left out on both sides.
    """
    taken_report, taken_note = set(taken_report), set(taken_note)
    report_list = [g for g in report_goals if g.key not in taken_report]
    note_list = [g for g in note_goals if g.key not in taken_note]
    scores: dict[tuple[str, str], float] = {}
    candidates = []
    for r_rank, report in enumerate(report_list):
        for n_rank, note in enumerate(note_list):
            if report.level != note.level:
                continue
            score = title_score(report.title, note.title)
            scores[report.key, note.key] = score
            same_number = bool(report.number) and report.number == note.number
            if (same_number and score >= NUMBER_TITLE_MIN) or score >= TITLE_ONLY_MIN:
                rank = score + (NUMBER_BONUS if same_number else 0.0)
                candidates.append((-rank, -score, r_rank, n_rank, report, note, same_number))
    candidates.sort(key=lambda c: c[:4])
    chosen: dict[str, tuple[GoalRef, bool]] = {}
    used_notes: set[str] = set()
    for _rank, _score, _r, _n, report, note, same_number in candidates:
        if report.key in chosen or note.key in used_notes:
            continue
        chosen[report.key] = (note, same_number)
        used_notes.add(note.key)
    pairings = []
    for report in report_list:
        alternatives = sorted(
            (
                {"key": n.key, "number": n.number, "score": scores[report.key, n.key]}
                for n in note_list
                if (report.key, n.key) in scores
            ),
            key=lambda a: (-a["score"], a["key"]),
        )
        if report.key in chosen:
            note, same_number = chosen[report.key]
            score = scores[report.key, note.key]
            evidence = {
                "number": {"report": report.number, "note": note.number, "same": same_number},
                "title_score": score,
                "normalised": {
                    "report": normalise_title(report.title),
                    "note": normalise_title(note.title),
                },
                "alternatives": [a for a in alternatives if a["key"] != note.key][:ALTERNATIVES],
            }
            method = "number" if same_number else "title"
            pairings.append(Pairing(report.key, note.key, score / 100, method, evidence))
        else:
            evidence = {"alternatives": alternatives[:ALTERNATIVES]}
            best = alternatives[0]["score"] / 100 if alternatives else 0.0
            pairings.append(Pairing(report.key, None, best, "none", evidence))
    return pairings


# --- storing ----------------------------------------------------------------------


@dataclass
class MatchResult:
    report: Plan
    note: Plan
    matched: list[ObjectiveMatch]
    unmatched_report: list[Goal]
    unmatched_note: list[Goal]
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return (
            f"plan {self.report.pk} '{self.report.title}' matched to plan {self.note.pk} "
            f"'{self.note.title}': {len(self.matched)} matched, "
            f"{len(self.unmatched_report)} of the report and {len(self.unmatched_note)} "
            f"of the note unmatched ({counts})"
        )


def match_report(report: Plan, note: Plan) -> MatchResult:
    """Store the matches of `report`'s objectives to `note`'s (idempotent; see module)."""
    if report.pk == note.pk:
        raise MatchError("een plan kan niet op zichzelf rapporteren")
    report_goals = list(report.goals.order_by("order"))
    note_goals = list(note.goals.order_by("order"))
    note_by_key = {g.key: g for g in note_goals}
    now = timezone.now()
    counts = {"new": 0, "updated": 0, "kept": 0, "inherited": 0}
    with transaction.atomic():
        existing = {
            m.report_goal_id: m
            for m in ObjectiveMatch.objects.select_for_update().filter(
                report_goal__plan=report, note_plan=note
            )
        }
        inherited = _earlier_decisions(report, note)
        decided: dict[int, ObjectiveMatch] = {}
        for goal in report_goals:
            match = existing.get(goal.pk)
            if match is not None and match.status in DECIDED_MATCH_STATES:
                decided[goal.pk] = match
                counts["kept"] += 1
            elif goal.key in inherited and _still_there(inherited[goal.key], note_by_key):
                decided[goal.pk] = _inherit(
                    match, goal, note, note_by_key, inherited[goal.key], now
                )
                counts["inherited"] += 1
        taken_note = {
            m.note_goal.key
            for m in decided.values()
            if m.note_goal_id and m.status != MatchStatus.REJECTED
        }
        pairings = pair_goals(
            (_ref(g) for g in report_goals),
            (_ref(g) for g in note_goals),
            taken_report={g.key for g in report_goals if g.pk in decided},
            taken_note=taken_note,
        )
        by_key = {g.key: g for g in report_goals}
        for pairing in pairings:
            goal = by_key[pairing.report_key]
            fields = {
                "note_goal": note_by_key.get(pairing.note_key) if pairing.note_key else None,
                "score": pairing.score,
                "method": pairing.method,
                "evidence": pairing.evidence,
                "status": MatchStatus.PROPOSED,
                "decided_by": None,
                "decided_at": None,
                "computed_at": now,
            }
            match = existing.get(goal.pk)
            if match is None:
                ObjectiveMatch.objects.create(report_goal=goal, note_plan=note, **fields)
                counts["new"] += 1
            else:
                for name, value in fields.items():
                    setattr(match, name, value)
                match.save()
                counts["updated"] += 1
        _repoint_figures(report, note)
    overview = match_overview(report, note)
    return MatchResult(report, note, *overview, counts=counts)


def _ref(goal: Goal) -> GoalRef:
    return GoalRef(goal.key, goal.level, goal.number, goal.title)


def _plan_chain(plan: Plan) -> list[Plan]:
    """The plan and the earlier versions it replaces, newest first."""
    chain, seen, current = [], set(), plan
    while current is not None and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.replaces
    return chain


def _earlier_decisions(report: Plan, note: Plan) -> dict[str, ObjectiveMatch]:
    """Decisions made on earlier versions of the report or the note, by report goal key.

    A re-import is a new plan row with new goal rows; a person's decision is about the
    objectives, not the rows, so it carries over by key. The newest decision wins.
    """
    report_chain = [p.pk for p in _plan_chain(report)]
    note_chain = [p.pk for p in _plan_chain(note)]
    earlier = (
        ObjectiveMatch.objects.filter(
            report_goal__plan_id__in=report_chain,
            note_plan_id__in=note_chain,
            status__in=DECIDED_MATCH_STATES,
        )
        .exclude(report_goal__plan=report, note_plan=note)
        .select_related("report_goal", "note_goal", "decided_by")
        .order_by("-decided_at", "-pk")
    )
    found: dict[str, ObjectiveMatch] = {}
    for match in earlier:
        found.setdefault(match.report_goal.key, match)
    return found


def _still_there(earlier: ObjectiveMatch, note_by_key: dict[str, Goal]) -> bool:
    """An earlier decision applies while its note objective is in this version of the
    note; one about an objective the note no longer has is left to a new proposal."""
    return earlier.note_goal_id is None or earlier.note_goal.key in note_by_key


def _inherit(
    match: ObjectiveMatch | None,
    goal: Goal,
    note: Plan,
    note_by_key: dict[str, Goal],
    earlier: ObjectiveMatch,
    now,
) -> ObjectiveMatch:
    note_goal = note_by_key.get(earlier.note_goal.key) if earlier.note_goal_id else None
    fields = {
        "note_goal": note_goal,
        "score": earlier.score,
        "method": earlier.method,
        "evidence": {**earlier.evidence, "inherited_from": earlier.pk},
        "status": earlier.status,
        "decided_by": earlier.decided_by,
        "decided_at": earlier.decided_at,
        "computed_at": now,
    }
    if match is None:
        return ObjectiveMatch.objects.create(report_goal=goal, note_plan=note, **fields)
    for name, value in fields.items():
        setattr(match, name, value)
    match.save()
    return match


def _repoint_figures(report: Plan, note: Plan) -> None:
    """Open figure candidates follow their report goal's current match to `note`."""
    links = {
        m.report_goal_id: (m.note_goal_id if m.is_link else None)
        for m in ObjectiveMatch.objects.filter(report_goal__plan=report, note_plan=note)
    }
    open_figures = FigureCandidate.objects.filter(
        report_goal__plan=report, status=FigureStatus.PROPOSED
    )
    for figure in open_figures:
        target = links.get(figure.report_goal_id)
        if figure.note_goal_id != target:
            figure.note_goal_id = target
            figure.save(update_fields=["note_goal"])


# --- reading ----------------------------------------------------------------------


def match_overview(report: Plan, note: Plan) -> tuple[list[ObjectiveMatch], list[Goal], list[Goal]]:
    """(matches that link, report goals without one, note goals no report goal links to)."""
    matches = list(
        ObjectiveMatch.objects.filter(report_goal__plan=report, note_plan=note)
        .select_related("report_goal", "note_goal", "decided_by")
        .order_by("report_goal__order")
    )
    linked = [m for m in matches if m.is_link]
    linked_report = {m.report_goal_id for m in linked}
    linked_note = {m.note_goal_id for m in linked}
    unmatched_report = [g for g in report.goals.order_by("order") if g.pk not in linked_report]
    unmatched_note = [g for g in note.goals.order_by("order") if g.pk not in linked_note]
    return linked, unmatched_report, unmatched_note


def matched_note(report: Plan) -> Plan | None:
    """The note this report was last matched to, if any."""
    match = (
        ObjectiveMatch.objects.filter(report_goal__plan=report)
        .select_related("note_plan")
        .order_by("-computed_at", "-pk")
        .first()
    )
    return match.note_plan if match else None


@dataclass
class ReportedEntry:
    year: int | None
    report: Plan
    report_goal: Goal
    match: ObjectiveMatch


def reported_per_year(note_goal: Goal) -> list[ReportedEntry]:
    """What current progress reports wrote for this note objective, oldest year first.

    A report matched to an earlier version of the note counts too (same objective key):
    re-importing the note must not hide what was reported before.
    """
    chain = [p.pk for p in _plan_chain(note_goal.plan)]
    matches = (
        ObjectiveMatch.objects.filter(
            note_plan_id__in=chain,
            note_goal__key=note_goal.key,
            status__in=LINKING_MATCH_STATES,
            report_goal__plan__is_current=True,
        )
        .select_related("report_goal", "report_goal__plan", "note_goal", "note_plan")
        .order_by("-note_plan__version")
    )
    seen: set[int] = set()
    entries = []
    for match in matches:
        if match.report_goal_id in seen:
            continue
        seen.add(match.report_goal_id)
        plan = match.report_goal.plan
        entries.append(ReportedEntry(plan.report_year, plan, match.report_goal, match))
    entries.sort(key=lambda e: (e.year is None, e.year or 0, e.report.pk, e.report_goal.order))
    return entries


# --- deciding ---------------------------------------------------------------------


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
        raise MatchError(f"onbekende beslissing {status!r}")
    with transaction.atomic():
        if status == MatchStatus.CORRECTED:
            if note_goal is None:
                raise MatchError("kies de doelstelling van de beleidsnota")
            if note_goal.plan_id != match.note_plan_id:
                raise MatchError(f"{note_goal.key} hoort niet bij de gekozen beleidsnota")
            _release(match, note_goal)
            match.note_goal = note_goal
            match.method = "manual"
            match.score = title_score(match.report_goal.title, note_goal.title) / 100
        elif status == MatchStatus.CONFIRMED and match.note_goal_id is None:
            raise MatchError("er is geen voorstel om te bevestigen; kies een doelstelling")
        match.status = status
        reopened = status == MatchStatus.PROPOSED
        match.decided_by = None if reopened else user
        match.decided_at = None if reopened else timezone.now()
        match.save()
        _repoint_figures(match.report_goal.plan, match.note_plan)
    return match


def _release(match: ObjectiveMatch, note_goal: Goal) -> None:
    others = ObjectiveMatch.objects.filter(note_plan=match.note_plan, note_goal=note_goal).exclude(
        pk=match.pk
    )
    taken = others.filter(status__in=(MatchStatus.CONFIRMED, MatchStatus.CORRECTED)).first()
    if taken is not None:
        raise MatchError(
            f"{note_goal.key} is al bevestigd voor {taken.report_goal.key}; heropen die eerst"
        )
    for other in others.filter(status=MatchStatus.PROPOSED):
        other.note_goal = None
        other.method = "none"
        other.evidence = {**other.evidence, "released_for": match.report_goal.key}
        other.save(update_fields=["note_goal", "method", "evidence"])
