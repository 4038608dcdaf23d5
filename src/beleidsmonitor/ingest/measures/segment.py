"""Step 2: the document's lines to measure sheets and runs of standalone goal headings."""

from __future__ import annotations

from beleidsmonitor.ingest.measures.blocks import HeadingRun, Sheet
from beleidsmonitor.ingest.measures.template import COMPILED_LABELS, GOAL_LINE, MEASURE_START
from beleidsmonitor.ingest.records import Line, ParsedPlan


def segment(lines: list[Line], plan: ParsedPlan) -> list[Sheet | HeadingRun]:
    """Cut the document into measure sheets and runs of standalone goal headings.

    A heading line inside a sheet (the sheet repeats its SD and OD, sometimes in the
    short form `SD 4: ...`) is followed by more cells of the sheet; a standalone heading
    is followed by a new `Maatregel` (after its title and any further headings). That is
    the only difference, so it is what decides.
    """
    standalone = _standalone_heading_lines(lines)
    blocks: list[Sheet | HeadingRun] = []
    current: Sheet | HeadingRun | None = None
    preamble: list[Line] = []
    for i, line in enumerate(lines):
        if MEASURE_START.match(line.text):
            current = Sheet(i, [line])
            blocks.append(current)
        elif i in standalone:
            if not isinstance(current, HeadingRun):
                current = HeadingRun([])
                blocks.append(current)
            current.lines.append(line)
        elif current is None:
            preamble.append(line)
        else:
            current.lines.append(line)
    unplaced = [line for line in preamble if line.text]
    if unplaced:
        plan.warn(
            unplaced[0].number, f"{len(unplaced)} line(s) before the first goal or measure left out"
        )
    return blocks


def _standalone_heading_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of standalone heading runs (heading lines and their titles)."""
    # For each line, the next line that opens a sheet or a cell (computed once, backwards).
    next_stop = [len(lines)] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        next_stop[k] = k if _starts_sheet_or_cell(lines[k].text) else next_stop[k + 1]
    result: set[int] = set()
    i = 0
    while i < len(lines):
        match = GOAL_LINE.match(lines[i].text)
        if not match or lines[i].text.startswith(("STRATEGISCHE", "OPERATIONELE")):
            i += 1
            continue
        j = next_stop[i + 1]
        if j == len(lines) or MEASURE_START.match(lines[j].text):
            result.update(range(i, j))
            i = j
        else:
            i += 1
    return result


def _starts_sheet_or_cell(text: str) -> bool:
    if MEASURE_START.match(text):
        return True
    return any(
        (regex.search(text) if not label.anchored else regex.match(text))
        for _, label, regex in COMPILED_LABELS
        if not label.keep
    )
