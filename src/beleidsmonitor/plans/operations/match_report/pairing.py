"""Report objectives paired one to one with note objectives, by number and title (pure:
no database)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from beleidsmonitor.plans.operations.match_report.titles import normalise_title, title_score

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
