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

Modules:

- `find_note`  `find_policy_note`, `policy_note_candidates`;
- `titles`     `normalise_title`, `title_score`: how alike two titles are;
- `pairing`    `pair_goals` and its thresholds: which objectives pair up (pure);
- `store`      `match_report`: the pairs stored, earlier decisions carried over;
- `decide`     `decide_match`;
- `overview`   `match_overview`, `matched_note`, `reported_per_year`;
- `errors`     `MatchError`.
"""

from beleidsmonitor.plans.operations.match_report.decide import DECISIONS, decide_match
from beleidsmonitor.plans.operations.match_report.errors import MatchError
from beleidsmonitor.plans.operations.match_report.find_note import (
    find_policy_note,
    policy_note_candidates,
)
from beleidsmonitor.plans.operations.match_report.overview import (
    ReportedEntry,
    match_overview,
    matched_note,
    reported_per_year,
)
from beleidsmonitor.plans.operations.match_report.pairing import (
    ALTERNATIVES,
    NUMBER_BONUS,
    NUMBER_TITLE_MIN,
    TITLE_ONLY_MIN,
    GoalRef,
    Pairing,
    pair_goals,
)
from beleidsmonitor.plans.operations.match_report.store import MatchResult, match_report
from beleidsmonitor.plans.operations.match_report.titles import normalise_title, title_score

__all__ = [
    "ALTERNATIVES",
    "DECISIONS",
    "NUMBER_BONUS",
    "NUMBER_TITLE_MIN",
    "TITLE_ONLY_MIN",
    "GoalRef",
    "MatchError",
    "MatchResult",
    "Pairing",
    "ReportedEntry",
    "decide_match",
    "find_policy_note",
    "match_overview",
    "match_report",
    "matched_note",
    "normalise_title",
    "pair_goals",
    "policy_note_candidates",
    "reported_per_year",
    "title_score",
]
