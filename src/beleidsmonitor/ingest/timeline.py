"""A `Tijdspad` text to ISO start and end dates.

The text is read as a sequence of time expressions, each one a span of days:

- a day: `1 maart 2026`, `1/1/2028`; a month: `maart 2026`, `09/2025`;
- a part of a year: `voorjaar`/`lente` (March-May), `zomer` (June-August),
  `najaar`/`herfst` (September-November), `winter` (December-February), `begin`
  (January-March), `midden` (April-September), `eind`/`einde` (October-December),
  `Q1`..`Q4`, `eerste`/`tweede helft` or `semester`;
- a school year: `schooljaar 2026 - 2027` (1 September to 31 August);
- a year or a span of years: `2026`, `2025 - 2027` (2025-01-01 to 2027-12-31);
- the plan period: `Volledige regeerperiode`, `gedurende de hele legislatuur`; and its
  end: `einde legislatuur`.

Two expressions joined by `tot`, `t.e.m.` or a dash make one span (`09/2025 tot einde
legislatuur`). The timeline runs from the earliest start to the latest end, with three
readings of what the text leaves open:

- a point in time announced as a start (`vanaf 1 maart 2026`, `opstart in 2026`,
  `gaan van start in ...`) says nothing about the end: the end is null unless another
  expression gives one. We do not fill in the plan's end: the document does not say the
  action lasts that long, and a reader can still fall back on the plan period;
- a deadline (`Streefdatum 1/1/2028`, `tegen`, `uiterlijk`, `ten laatste`) gives the end
  only;
- a text that says the rest is still to be fixed (`nog te bepalen`, `daarna worden ...
  bepaald`) has a null end.

A text with no expression (`Timing nog te bepalen`) gives null dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from beleidsmonitor.ingest.records import Timeline

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Parts of a year as (first month, last month); a last month beyond 12 runs into the next year.
YEAR_PARTS = {
    "voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11),
    "herfst": (9, 11), "winter": (12, 14), "begin": (1, 3), "start": (1, 3),
    "midden": (4, 9), "medio": (4, 9), "eind": (10, 12), "einde": (10, 12),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
    "eerste helft": (1, 6), "tweede helft": (7, 12),
    "eerste semester": (1, 6), "tweede semester": (7, 12),
}  # fmt: skip

YEAR = r"(?:19|20)\d\d"
MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
PART_NAME = "|".join(sorted((re.escape(p) for p in YEAR_PARTS), key=len, reverse=True))
PERIOD_WORD = r"(?:legislatuur|regeerperiode|beleidsperiode|planperiode)"
DASH = r"\s*[-–—]\s*"

EXPRESSION = re.compile(
    rf"""
    (?P<whole>(?:volledige|gehele|hele|ganse)\s+{PERIOD_WORD}|deze\s+{PERIOD_WORD})
    | (?P<period_end>(?:het\s+)?einde?\s+(?:van\s+(?:de|het)\s+)?{PERIOD_WORD})
    | (?P<schoolyear>(?:school|academie)jaar\s+(?P<sy1>{YEAR}){DASH}(?P<sy2>{YEAR}|\d\d)\b)
    | (?P<dmy>\b(?P<d1>[0-3]?\d)\s+(?P<m1>{MONTH_NAME})\.?\s+(?P<y1>{YEAR})\b)
    | (?P<numeric_day>\b(?P<d2>[0-3]?\d)[/.-](?P<m2>[01]?\d)[/.-](?P<y2>{YEAR})\b)
    | (?P<my>\b(?P<m3>{MONTH_NAME})\.?\s+(?:van\s+)?(?P<y3>{YEAR})\b)
    | (?P<numeric_month>\b(?P<m4>[01]?\d)/(?P<y4>{YEAR})\b)
    | (?P<part>\b(?P<p5>{PART_NAME})\s+(?:van\s+)?(?:het\s+jaar\s+)?(?P<y5>{YEAR})\b)
    | (?P<years>\b(?P<y6>{YEAR}){DASH}(?P<y7>{YEAR})\b)
    | (?P<year>\b(?P<y8>{YEAR})\b)
    """,
    re.I | re.X,
)
# Between two expressions: the second closes a span the first opened.
RANGE_JOINER = re.compile(
    r"^\s*(?:tot(?:\s+en\s+met)?|t\.?\s?e\.?\s?m\.?|[-–—])\s*(?:het\s+|de\s+)?$", re.I
)
START_MARKER = re.compile(
    r"\b(?:vanaf|opstart|start(?:en|t)?|van\s+start|begint|beginnen|aanvang)\b", re.I
)
DEADLINE_MARKER = re.compile(
    r"\b(?:streefdatum|deadline|uiterlijk|ten\s+laatste|tegen|klaar\s+tegen)\b", re.I
)
OPEN_END = re.compile(r"\b(?:nog\s+te\s+bepalen|bepaald|bepalen|daarna)\b", re.I)


@dataclass
class Span:
    start: date
    end: date
    kind: str  # "point", "range", "whole" (plan period) or "period_end"
    begin: int  # position in the text
    finish: int
    role: str = "span"  # "span", "start" (only the start is stated) or "deadline"


def normalise_timeline(
    text: str | None, period_start: int | None, period_end: int | None
) -> Timeline:
    if text is None or not text.strip():
        return Timeline(None, None, None)
    spans = find_spans(text, period_start, period_end)
    start, end = timeline_bounds(text, spans)
    return Timeline(text, start.isoformat() if start else None, end.isoformat() if end else None)


def find_spans(text: str, period_start: int | None, period_end: int | None) -> list[Span]:
    spans = [
        span
        for found in EXPRESSION.finditer(text)
        if (span := _span(found, period_start, period_end)) is not None
    ]
    spans = _join_ranges(text, spans)
    for index, span in enumerate(spans):
        previous_end = spans[index - 1].finish if index else 0
        lead = _clause_before(text[previous_end : span.begin])
        if DEADLINE_MARKER.search(lead):
            span.role = "deadline"
        elif span.kind == "point" and START_MARKER.search(lead):
            span.role = "start"
    return spans


def timeline_bounds(text: str, spans: list[Span]) -> tuple[date | None, date | None]:
    if not spans:
        return None, None
    explicit = [s for s in spans if s.kind not in ("whole", "period_end")]
    whole = [s for s in spans if s.kind == "whole"]
    starts = [s.start for s in explicit if s.role != "deadline"]
    if not starts and whole:
        starts = [s.start for s in whole]
    ends = [s.end for s in spans if s.role != "start" and s.kind != "whole"]
    ends += [s.end for s in whole]
    open_end = bool(OPEN_END.search(text)) and not whole
    start = min(starts) if starts else None
    end = None if open_end or not ends else max(ends)
    if start and end and end < start:
        end = None
    return start, end


def _span(found: re.Match, period_start: int | None, period_end: int | None) -> Span | None:
    kind = found.lastgroup
    begin, finish = found.span()
    g = found.group
    try:
        if kind == "whole":
            if period_start is None or period_end is None:
                return None
            return Span(date(period_start, 1, 1), date(period_end, 12, 31), "whole", begin, finish)
        if kind == "period_end":
            if period_end is None:
                return None
            day = date(period_end, 12, 31)
            return Span(day, day, "period_end", begin, finish)
        if kind == "schoolyear":
            first = int(g("sy1"))
            return Span(date(first, 9, 1), date(first + 1, 8, 31), "point", begin, finish)
        if kind == "dmy":
            day = date(int(g("y1")), MONTHS[g("m1").lower()], int(g("d1")))
            return Span(day, day, "point", begin, finish)
        if kind == "numeric_day":
            day = date(int(g("y2")), int(g("m2")), int(g("d2")))
            return Span(day, day, "point", begin, finish)
        if kind in ("my", "numeric_month"):
            year = int(g("y3") or g("y4"))
            month = MONTHS[g("m3").lower()] if kind == "my" else int(g("m4"))
            return Span(date(year, month, 1), _month_end(year, month), "point", begin, finish)
        if kind == "part":
            year = int(g("y5"))
            first, last = YEAR_PARTS[" ".join(g("p5").lower().split())]
            last_year, last_month = year + (last - 1) // 12, (last - 1) % 12 + 1
            end = _month_end(last_year, last_month)
            return Span(date(year, first, 1), end, "point", begin, finish)
        if kind == "years":
            return Span(
                date(int(g("y6")), 1, 1), date(int(g("y7")), 12, 31), "range", begin, finish
            )
        if kind == "year":
            year = int(g("y8"))
            return Span(date(year, 1, 1), date(year, 12, 31), "point", begin, finish)
    except ValueError:  # 31/2/2026 and the like: not a date
        return None
    return None


def _join_ranges(text: str, spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        if joined and RANGE_JOINER.match(text[joined[-1].finish : span.begin]):
            first = joined[-1]
            joined[-1] = Span(first.start, span.end, "range", first.begin, span.finish)
        else:
            joined.append(span)
    return joined


def _clause_before(text: str) -> str:
    """The words that lead up to an expression, within its own clause."""
    return re.split(r"[.;,]\s", text)[-1]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
