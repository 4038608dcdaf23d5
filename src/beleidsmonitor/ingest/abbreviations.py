"""A list of abbreviations (`Lijst met afkortingen`) to `Abbreviation` records.

The lists come in a few shapes, all read by the same loop over the lines:

- `VDAB: Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding`, one a line;
- an expansion that wraps: `BA-JR: Goedgekeurde begroting ..., zoals` / `opgenomen in
  de jaarrekening`;
- two entries on one line where the PDF put two table cells together:
  `BBT: Beleids- en Begrotingstoelichting BU: Begrotingsuitvoering ...`;
- `VDAB – Vlaamse Dienst ...` with a dash, or the short form alone on its line and the
  expansion on the next (a two-column table).

Every short form becomes its own entry, in the document's order; a short form listed twice
with different meanings (`LO: Leningontvangsten`, `LO: Lonen`) stays twice.
"""

from __future__ import annotations

import re

from beleidsmonitor.ingest.records import Abbreviation, Line, ParsedPlan
from beleidsmonitor.ingest.text import join_text

SHORT = r"[A-Z0-9][A-Za-z0-9+&/.\-]{0,19}"
COLON_ENTRY = re.compile(rf"^(?P<short>{SHORT}):\s*(?P<long>.*)$")
DASH_ENTRY = re.compile(rf"^(?P<short>{SHORT})\s+[–—=]\s+(?P<long>\S.*)$")
# A second entry inside a line: a capitalised token and a colon after other text.
INNER_ENTRY = re.compile(r"(?<=\S)\s+(?P<short>[A-Z][A-Za-z0-9+&/\-]{0,19}):\s+")
SHORT_ALONE = re.compile(r"^[A-Z][A-Z0-9+&/\-]{1,19}$")


def parse_abbreviations(lines: list[Line], plan: ParsedPlan) -> list[Abbreviation]:
    """The entries of an abbreviation list; `lines` are the list's lines without its heading."""
    entries: list[tuple[str, list[str], int]] = []  # short, parts of the long form, line
    waiting: tuple[str, int] | None = None  # a short form alone, its expansion to come
    for line in lines:
        text = line.text
        if not text:
            continue
        if waiting and not _starts_entry(text):
            entries.append((waiting[0], [text], waiting[1]))
            waiting = None
            continue
        if waiting:
            plan.warn(waiting[1], f"abbreviation '{waiting[0]}' without its expansion")
            waiting = None
        if SHORT_ALONE.match(text):
            waiting = (text, line.number)
            continue
        for short, long in _split_line(text):
            if short is not None:
                entries.append((short, [long] if long else [], line.number))
            elif entries:
                entries[-1][1].append(long)
            else:
                plan.warn(line.number, f"text in the list of abbreviations not placed: {text!r}")
    if waiting:
        plan.warn(waiting[1], f"abbreviation '{waiting[0]}' without its expansion")
    result = []
    for short, parts, number in entries:
        long = join_text(parts)
        if long:
            result.append(Abbreviation(short, long))
        else:
            plan.warn(number, f"abbreviation '{short}' without its expansion")
    return result


def _starts_entry(text: str) -> bool:
    return bool(COLON_ENTRY.match(text) or DASH_ENTRY.match(text) or SHORT_ALONE.match(text))


def _split_line(text: str) -> list[tuple[str | None, str]]:
    """(short form or None for a continuation, text) for each entry the line holds."""
    match = COLON_ENTRY.match(text) or DASH_ENTRY.match(text)
    head: str | None = match.group("short") if match else None
    rest = match.group("long") if match else text
    pieces: list[tuple[str | None, str]] = []
    start = 0
    for inner in INNER_ENTRY.finditer(rest):
        pieces.append((head, rest[start : inner.start()].strip()))
        head = inner.group("short")
        start = inner.end()
    pieces.append((head, rest[start:].strip()))
    return pieces
