"""The `Mijlpalen` cell: milestones per year, with the staffing column taken out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beleidsmonitor.ingest.measures.blocks import Piece
from beleidsmonitor.ingest.records import Milestone, Timeline
from beleidsmonitor.ingest.text import join_text

YEAR_ROW = re.compile(
    r"^(?P<year>20\d\d)(?:\s*[-–]\s*(?P<until>20\d\d))?(?=[\s(:]|$)\s*:?\s*(?P<rest>.*)$"
)
# The `Geschatte personeelsinzet (VTE)` column, glued into the milestone text.
STAFFING_PHRASE = re.compile(
    r"\s*wisselende\s+VTE[- ]inzet\s+bij\s+verschillende\s+partners\b\.?", re.I
)
STAFFING_WORD = re.compile(r"\b(?:VTE|FTE|mensdagen)\b|\d(?:VTE|FTE)\b", re.I)
STAFFING_AMOUNT = re.compile(r"(?:\+/-\s*)?\d+(?:[.,]\d+)?\s*%?\s*(?:VTE|FTE|mensdagen)\b", re.I)


@dataclass
class _Row:
    year: int
    until: int | None
    number: int
    text: list[str] = field(default_factory=list)
    staffing: list[str] = field(default_factory=list)


def read_milestones(pieces: list[Piece]) -> tuple[list[Milestone], list[Piece]]:
    """`Mijlpalen` rows to milestones with a `year` (and `until` for a span of years).

    A row starts with its year at the start of a line; years go up, so a year that does
    not (`... per 1 september` / `2019`) continues the row before. The staffing column
    (`Geschatte personeelsinzet (VTE)`) was glued into the rows: a statement of VTE, FTE
    or person-days is taken out of the text into `staffing`. Empty rows are left out.
    Returns the milestones and the pieces before the first year.
    """
    rows: list[_Row] = []
    leftovers: list[Piece] = []
    staffing_open = False
    for piece in pieces:
        text = piece.text
        if not text:
            continue
        match = YEAR_ROW.match(text)
        last = rows[-1] if rows else None
        if match and (last is None or int(match["year"]) > (last.until or last.year)):
            row = _Row(
                int(match["year"]), int(match["until"]) if match["until"] else None, piece.number
            )
            rows.append(row)
            staffing_open = _take_staffing(row, match["rest"], first=True, open_before=False)
            continue
        if last is None:
            leftovers.append(piece)
            continue
        staffing_open = _take_staffing(last, text, first=False, open_before=staffing_open)
    milestones = []
    for row in rows:
        text = join_text(row.text)
        staffing = join_text(row.staffing)
        if text is None and staffing is None:
            continue
        milestones.append(Milestone(text, None, row.year, row.until, staffing))
    return milestones, leftovers


def _take_staffing(row: _Row, text: str, *, first: bool, open_before: bool) -> bool:
    """Split one line of a row into milestone text and staffing; True if staffing runs on."""
    if not text:
        return False
    if open_before and (text[:1].islower() or text[:1].isdigit() or text.startswith(")")):
        row.staffing.append(text)
        return _runs_on(" ".join(row.staffing))
    phrase = STAFFING_PHRASE.search(text)
    if phrase:
        row.staffing.append(phrase.group().strip())
        text = (text[: phrase.start()] + text[phrase.end() :]).strip()
        if text:
            row.text.append(text)
        return False
    if not STAFFING_WORD.search(text):
        row.text.append(text)
        return False
    amount = STAFFING_AMOUNT.search(text)
    start = amount.start() if (first and amount) else 0
    if first and amount is None:
        row.text.append(text)
        return False
    before, staffing = text[:start].strip(), text[start:].strip()
    if before:
        row.text.append(before)
    row.staffing.append(staffing)
    return _runs_on(staffing)


def _runs_on(text: str) -> bool:
    return text.count("(") > text.count(")") or not re.search(r"[.)]$", text)


def milestone_timeline(milestones: list[Milestone]) -> Timeline:
    years = [m.year for m in milestones if m.year is not None]
    if not years:
        return Timeline()
    first = min(years)
    last = max(m.until or m.year for m in milestones if m.year is not None)
    text = str(first) if first == last else f"{first} - {last}"
    return Timeline(text, f"{first}-01-01", f"{last}-12-31")
