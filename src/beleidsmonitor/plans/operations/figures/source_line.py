"""The source document line a figure was read from (`FigureCandidate.source_line`)."""

from __future__ import annotations

import re

from beleidsmonitor.plans.models import Goal
from beleidsmonitor.plans.operations.figures.extract import Figure


def find_line(source_text: str, goal: Goal, figure: Figure) -> int | None:
    """The 1-based source line of a figure, or None.

    Lines where the number is followed by the first word of its unit (on the same or
    the next line) come first, then lines with the number alone; within the goal's own
    lines before the rest of the document (a goal's text may hold a second passage
    elsewhere). When the same number and unit occur more than once in the goal's text,
    the n-th occurrence gets the n-th line.
    """
    if not source_text:
        return None
    lines = source_text.splitlines()
    number = rf"(?<![\w.,]){re.escape(figure.written)}(?![\w]|[.,]\d)"
    loose = re.compile(number)
    unit_word = (figure.unit.split() or [""])[0]
    strict = (
        re.compile(rf"{number}\s*(?:%|procent)?\s+{re.escape(unit_word)}") if unit_word else None
    )
    first, last = goal.first_line or 0, goal.last_line or 0

    def hits(pattern: re.Pattern) -> list[int]:
        found = []
        for n, line in enumerate(lines, start=1):
            joined = f"{line} {lines[n] if n < len(lines) else ''}"
            if any(m.start() < len(line) for m in pattern.finditer(joined)):
                found.append(n)
        inside = [n for n in found if first <= n <= last]
        return inside or found

    rank = 0
    if strict is not None:
        text = " ".join((getattr(goal, "text", "") or "")[: figure.start].split())
        rank = len(strict.findall(text))
        strict_hits = hits(strict)
        if strict_hits:
            return strict_hits[min(rank, len(strict_hits) - 1)]
    loose_hits = hits(loose)
    return loose_hits[0] if loose_hits else None
