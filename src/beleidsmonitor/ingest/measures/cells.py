"""Step 3: a measure sheet's lines to its cells, with the template's labels as anchors.

The extraction glued the cells of the table together, so a label, wherever it is on a
line, closes the cell before it and opens its own (see the package's docstring).
"""

from __future__ import annotations

import re

from beleidsmonitor.ingest.measures.blocks import Piece, Sheet
from beleidsmonitor.ingest.measures.template import (
    COMPILED_LABELS,
    MAX_UNANCHORED_REACH,
    MEASURE_START,
    SECTIONS,
)
from beleidsmonitor.ingest.records import Line
from beleidsmonitor.ingest.text import is_bullet

# A line of slashes only holds no text: it counts as a blank line of its cell.
SLASHES_ONLY = re.compile(r"^[/\s]+$")
URL_ONLY = re.compile(r"^https?://\S+$", re.I)
# Labels whose words may stand alone on a line with the rest on the next one.
SPLIT_LABELS = {
    "andere": ("partners", " "),
    "streefwa": ("arde", ""),
    "operationele": ("doelstelling", " "),
}
# Blank lines that may stand between the parts of a split label.
MAX_LABEL_GAP = 3
# What is left of a label on the first lines of its cell: `Budgettair` / `engagement`
# under `Raming`, `kabinet` under `Verantwoordelijk`.
BUDGET_LABEL_PIECE = re.compile(r"^(?:Raming\s*)?(?:Budgett?air\s*)?(?:engagement)?$", re.I)
CABINET_WORD = re.compile(r"^kabinet\b\s*", re.I)


def split_sheet(sheet: Sheet) -> None:
    """Fill `sheet.cells`: every part of every line goes to exactly one cell."""
    lines = _merge_split_labels(sheet.lines)
    first = MEASURE_START.match(lines[0].text)
    section = 0
    cells: dict[str, list[Piece]] = {name: [] for name in SECTIONS}
    pending = [
        (lines[0].number, first.group("rest") if first else lines[0].text, lines[0].page_start)
    ]
    pending += [(line.number, line.text, line.page_start) for line in lines[1:]]
    for number, text, page_start in pending:
        if not text or SLASHES_ONLY.match(text):
            cells[SECTIONS[section]].append(Piece(number, "", page_start))
            continue
        if URL_ONLY.match(text):
            # Footnote text whose marker the extraction lost: not part of a cell.
            sheet.dropped_links.append(Piece(number, text))
            continue
        rest = text
        while rest:
            found = _next_label(rest, section)
            if found is None:
                cells[SECTIONS[section]].append(Piece(number, rest, page_start))
                break
            start, end, target = found
            before = rest[:start].strip()
            if before:
                cells[SECTIONS[section]].append(Piece(number, before, page_start))
            section = target
            sheet.labels.add(SECTIONS[target])
            rest = rest[end:].strip()
            page_start = False
    sheet.cells = {name: _tidy_cell(name, pieces) for name, pieces in cells.items()}
    _return_list_continuation(sheet.cells, "output", "target")


def _return_list_continuation(
    cells: dict[str, list[Piece]], list_cell: str, next_cell: str
) -> None:
    """Give back list items that a page break put after the next column's value.

    When a table row runs onto the next page, the extraction emits the remaining items of
    the output indicator list after the `Streefwaarde` of the first page (`n.v.t.` /
    page break / `- een werking van ...`). Only a bulleted continuation of a bulleted
    list is moved: plain text after a page break may as well be the target's own.
    """
    following = cells[next_cell]
    if not any(is_bullet(piece.text) for piece in cells[list_cell]):
        return
    for k, piece in enumerate(following):
        if k and piece.page_start and is_bullet(piece.text):
            cells[list_cell] = cells[list_cell] + following[k:]
            cells[next_cell] = following[:k]
            return


def _next_label(text: str, section: int) -> tuple[int, int, int] | None:
    """The earliest label in `text` of a cell after `section`: (start, end, cell index)."""
    best: tuple[int, int, int] | None = None
    for target, label, regex in COMPILED_LABELS:
        if target <= section or (not label.anchored and target - section > MAX_UNANCHORED_REACH):
            continue
        match = regex.match(text) if label.anchored else regex.search(text)
        if not match:
            continue
        end = match.start() if label.keep else match.end()
        candidate = (match.start(), end, target)
        if best is None or (candidate[0], candidate[2]) < (best[0], best[2]):
            best = candidate
    return best


def _merge_split_labels(lines: list[Line]) -> list[Line]:
    """`Andere` / `partners`, `Streefwa` / `arde`: join a label's parts onto one line."""
    merged = [Line(line.number, line.text, line.page_start) for line in lines]
    for i, line in enumerate(merged):
        fragment = line.text.strip().lower()
        if fragment not in SPLIT_LABELS:
            continue
        completion, joiner = SPLIT_LABELS[fragment]
        j = _next_nonblank(merged, i)
        if j is None:
            continue
        match = re.match(rf"^{completion}\b\s*(?P<rest>.*)$", merged[j].text, re.I)
        if match:
            line.text = f"{line.text.strip()}{joiner}{completion}"
            merged[j].text = match.group("rest")
    return merged


def _next_nonblank(lines: list[Line], index: int) -> int | None:
    for j in range(index + 1, min(len(lines), index + 2 + MAX_LABEL_GAP)):
        if lines[j].text:
            return j
    return None


def _tidy_cell(name: str, pieces: list[Piece]) -> list[Piece]:
    """Drop what belongs to a label rather than to the value."""
    content = [piece for piece in pieces if piece.text]
    if name == "budget":
        while content and BUDGET_LABEL_PIECE.match(content[0].text):
            content.pop(0)
    if name in ("responsible", "cabinets_involved") and content:
        first = content[0]
        content[0] = Piece(first.number, CABINET_WORD.sub("", first.text), first.page_start)
        if not content[0].text:
            content.pop(0)
    return content
