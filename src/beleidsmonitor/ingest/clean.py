"""Step 2: undo the page layout of an extracted document.

Input: the raw lines of a document. Output: `Line` records that keep their original line
numbers, with page numbers, running heads and footnotes removed and footnote markers
taken out of the text. A page break is recognised the way the PDF extraction leaves it:
the first line of a page starts with a space.
"""

from __future__ import annotations

import re
from collections import Counter

from beleidsmonitor.ingest.records import Line

# A footnote opens with its number and a word; a number followed by another number, a
# month or a unit is a table row or a date in running text ("1 januari 2026").
FOOTNOTE_START = re.compile(
    r"^(\d{1,3})\s+(?!\d|(?:januari|februari|maart|april|mei|juni|juli|augustus|september|"
    r"oktober|november|december|euro|eur|procent|%|keer|jaar|maanden|dagen)\b)\S",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(r"^(?:pagina\s+)?\d{1,3}(?:\s*(?:/|van)\s*\d{1,3})?$", re.IGNORECASE)
MAX_FOOTNOTE_BLOCK = 14
RUNNING_HEAD_SHARE = 0.3


def clean_lines(raw_lines: list[str]) -> list[Line]:
    lines = [to_line(number, raw) for number, raw in enumerate(raw_lines, start=1)]
    lines = drop_page_numbers(lines)
    lines = drop_running_heads(lines)
    lines = drop_footnotes(lines)
    return lines


def to_line(number: int, raw: str) -> Line:
    text = raw.replace("\f", " ").replace("\u00a0", " ").replace("\u00ad", "")
    page_start = text[:1] == " " and bool(text.strip())
    return Line(number, " ".join(text.split()), page_start)


def page_breaks(lines: list[Line]) -> list[int]:
    """Indexes into `lines` where a new page starts, plus the end of the document."""
    return [i for i, line in enumerate(lines) if line.page_start] + [len(lines)]


def drop_page_numbers(lines: list[Line]) -> list[Line]:
    doomed: set[int] = set()
    for brk in page_breaks(lines):
        j = _previous_nonblank(lines, brk)
        if j is not None and PAGE_NUMBER.match(lines[j].text):
            doomed.add(j)
    return [line for i, line in enumerate(lines) if i not in doomed]


def drop_running_heads(lines: list[Line]) -> list[Line]:
    """A line that opens a large share of the pages is a running head, not content."""
    starts = [line.text for line in lines if line.page_start]
    if len(starts) < 4:
        return lines
    counts = Counter(starts)
    heads = {text for text, n in counts.items() if n >= 4 and n / len(starts) >= RUNNING_HEAD_SHARE}
    if not heads:
        return lines
    kept = []
    for line in lines:
        if line.page_start and line.text in heads:
            continue
        kept.append(line)
    return kept


def drop_footnotes(lines: list[Line]) -> list[Line]:
    """Remove footnote blocks at page ends and their markers in the page's text.

    A footnote block starts with the next expected footnote number (footnotes are numbered
    through the document) and runs to the page break; anything else that starts with a
    number is content.
    """
    doomed: set[int] = set()
    next_number = 1
    page_first = 0
    for brk in page_breaks(lines):
        block_start, numbers = _footnote_block(lines, page_first, brk, next_number)
        if block_start is not None:
            doomed.update(range(block_start, brk))
            next_number = max(numbers) + 1
            _strip_markers(lines, page_first, block_start, numbers)
        page_first = brk
    return [line for i, line in enumerate(lines) if i not in doomed]


def _footnote_block(
    lines: list[Line], page_first: int, brk: int, next_number: int
) -> tuple[int | None, list[int]]:
    lowest = max(page_first, brk - MAX_FOOTNOTE_BLOCK)
    for start in range(lowest, brk):
        match = FOOTNOTE_START.match(lines[start].text)
        if not match or lines[start].page_start:
            continue
        first = int(match.group(1))
        if not next_number <= first <= next_number + 3:
            continue
        numbers = [first]
        for line in lines[start + 1 : brk]:
            later = FOOTNOTE_START.match(line.text)
            if later and int(later.group(1)) == numbers[-1] + 1:
                numbers.append(int(later.group(1)))
        return start, numbers
    return None, []


def _strip_markers(lines: list[Line], first: int, stop: int, numbers: list[int]) -> None:
    alternatives = "|".join(str(n) for n in sorted(numbers, reverse=True))
    # `OD 6.4` and `2,5` are numbers, not a marker after a full stop or comma.
    marker = re.compile(rf"(?<=[^\W\d_]|[.,;:)’”'\"])(?<!\d[.,])(?:{alternatives})(?=[\s,.;:)]|$)")
    for line in lines[first:stop]:
        line.text = marker.sub("", line.text)


def _previous_nonblank(lines: list[Line], index: int) -> int | None:
    j = index - 1
    while j >= 0 and not lines[j].text:
        j -= 1
    return j if j >= 0 else None
