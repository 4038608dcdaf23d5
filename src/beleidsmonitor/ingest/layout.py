"""Step 3: decide which kind of document this is, from signals any reader would use.

Each layout has a parser module; the signals are counted over the whole cleaned text so
that a missing label here or there does not change the verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from beleidsmonitor.ingest.records import Line

ACTION_START = re.compile(r"^Actie\s+\d+\s*[.:]?\s")
MEASURE_START = re.compile(r"^Maatregel\b")
GOAL_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\s+)?(?:SD|OD|HD)\s?\d+(?:\.\d+)*\b")
BUDGET_TABLE = re.compile(r"^(?:\d{4}\s+AO\b|\(duizend euro\)|begrotingsuitvoering\b)", re.I)
REPORT_WORDS = re.compile(r"\b(?:in 20\d\d werd(?:en)?|werd(?:en)? in 20\d\d|realisaties?)\b", re.I)
NOTE_WORDS = re.compile(r"\b(?:beleidsnota|deze regeerperiode zullen|we zullen)\b", re.I)

LAYOUTS = ("actieplan", "maatregelenfiches", "voortgangsrapport", "beleidsnota")


@dataclass
class LayoutSignals:
    actions: int
    measures: int
    goal_headings: int
    budget_tables: int
    report_words: int
    note_words: int


def count_signals(lines: list[Line]) -> LayoutSignals:
    texts = [line.text for line in lines]
    return LayoutSignals(
        actions=sum(1 for t in texts if ACTION_START.match(t)),
        measures=sum(1 for t in texts if MEASURE_START.match(t)),
        goal_headings=sum(1 for t in texts if GOAL_HEADING.match(t)),
        budget_tables=sum(1 for t in texts if BUDGET_TABLE.match(t)),
        report_words=sum(len(REPORT_WORDS.findall(t)) for t in texts),
        note_words=sum(len(NOTE_WORDS.findall(t)) for t in texts),
    )


def detect_layout(lines: list[Line]) -> str | None:
    """One of LAYOUTS, or None when the text looks like no policy document we know."""
    signals = count_signals(lines)
    if signals.actions >= 2 and signals.actions >= signals.measures:
        return "actieplan"
    if signals.measures >= 2:
        return "maatregelenfiches"
    if signals.goal_headings >= 2:
        if signals.budget_tables or signals.report_words > signals.note_words:
            return "voortgangsrapport"
        return "beleidsnota"
    if signals.actions == 1:
        return "actieplan"
    return None
