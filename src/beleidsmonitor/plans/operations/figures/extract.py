"""Counts and percentages read from a report's text (pure: no database access).

See the package's docstring for what is read and what is left out on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from beleidsmonitor.plans.models import FigureKind
from beleidsmonitor.plans.operations.figures.patterns import (
    ABBREVIATION_END,
    CHANGE,
    CHANGE_TO,
    EXCLUDED_UNITS,
    MONTHS,
    NUMBER,
    PARTICIPLE,
    PARTITIVE,
    PERCENT_WORDS,
    QUALIFIERS,
    RANGE_AFTER,
    RANGE_BEFORE,
    REFERENCE_WORDS,
    SENTENCE_END,
    TOKEN,
    UNIT_STOP,
    UNIT_WORDS,
    YEAR,
)


@dataclass(frozen=True)
class Figure:
    start: int  # offset of the value in the text: the figure's identity in its goal
    written: str  # the value as written, to find it back in the source
    value: Decimal
    kind: str  # "count" or "percentage"
    unit: str  # what is counted; for a percentage, what it is a share of
    qualifier: str
    baseline: Decimal | None
    year: int | None
    year_source: str  # "sentence", "report" or ""
    sentence: str


def parse_number(integer: str, fraction: str | None = None, multiplier: str = "") -> Decimal:
    """Dutch `5.000` / `2,5` (split by `NUMBER`) as a Decimal; `miljoen` multiplies."""
    value = Decimal(integer.replace(".", "") + (f".{fraction}" if fraction else ""))
    factor = {"miljoen": Decimal(10**6), "miljard": Decimal(10**9)}.get(multiplier.strip(), 1)
    return value * factor


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs. A full stop after `o.m.`, `bv.`, `nr.` ends no sentence."""
    result, start = [], 0
    for boundary in SENTENCE_END.finditer(text):
        if ABBREVIATION_END.search(text[start : boundary.start()]):
            continue
        result.append((start, text[start : boundary.start()]))
        start = boundary.end()
    if text[start:].strip():
        result.append((start, text[start:]))
    return result


def extract_figures(text: str, default_year: int | None = None) -> list[Figure]:
    """The counts and percentages of `text`, in order (see the package's docstring)."""
    figures = []
    for offset, sentence in sentences(text or ""):
        years = [(m.start(), int(m.group(1))) for m in YEAR.finditer(sentence)]
        matches = list(NUMBER.finditer(sentence))
        baseline_of: dict[int, Decimal] = {}
        skip: set[int] = set()
        for match, following in zip(matches, matches[1:], strict=False):
            # "van 103 naar 147": one figure, 147, with 103 as where it started from
            between = sentence[match.end() : following.start()]
            if CHANGE.search(sentence[: match.start()]) and CHANGE_TO.match(between):
                baseline_of[following.start()] = _value(match)
                skip.add(match.start())
        for match in matches:
            if match.start() in skip:
                continue
            figure = _figure(sentence, match, years, default_year, baseline_of, offset)
            if figure is not None:
                figures.append(figure)
    return figures


def _value(match: re.Match) -> Decimal:
    return parse_number(match.group("int"), match.group("frac"), match.group("mult") or "")


def _figure(
    sentence: str,
    match: re.Match,
    years: list[tuple[int, int]],
    default_year: int | None,
    baseline_of: dict[int, Decimal],
    offset: int,
) -> Figure | None:
    integer, percent = match.group("int"), bool(match.group("pct"))
    plain = "." not in integer and not match.group("frac")
    if plain and not percent and YEAR.fullmatch(integer):
        return None  # a year, not a figure
    before, after = sentence[: match.start()], sentence[match.end() :]
    previous = [w.lower().strip("(:,").rstrip(".") for w in before.split()[-2:]]
    previous_word = previous[-1] if previous else ""
    if previous_word in REFERENCE_WORDS or before.rstrip().endswith("€"):
        return None
    if len(previous) == 2 and previous[0] in REFERENCE_WORDS and previous[1][:1].isdigit():
        return None  # `VR 2023 1702 MED`, `OD 1.3 4 ...`: the number continues a code
    if match.start() not in baseline_of and (
        RANGE_AFTER.match(after) or RANGE_BEFORE.search(before)
    ):
        return None
    after_number = re.fullmatch(r"[\d.,]+", previous_word) and not YEAR.fullmatch(previous_word)
    if after_number or (integer.startswith("0") and len(integer) > 1):
        return None  # a row of a table or part of a code (`VR 2023 0302 MED.0038`)
    words = _words(after[:160])
    if words and words[0].lower() in MONTHS:
        return None  # a date
    if percent:
        unit = _phrase(words, PERCENT_WORDS, stop=False)
        kind = FigureKind.PERCENTAGE
    else:
        if len(words) > 2 and words[0].lower() == "van" and words[1].lower() in PARTITIVE:
            words = words[2:]  # `173 van deze nieuwkomers`: 173 nieuwkomers
        unit = _phrase(words, UNIT_WORDS, stop=True)
        kind = FigureKind.COUNT
        if not unit or unit.split()[0].lower() in EXCLUDED_UNITS:
            return None
    if any(w.lower() in ("euro", "eur") for w in words[:2]):
        return None
    year, year_source = _year(years, match.start(), default_year)
    return Figure(
        start=offset + match.start(),
        written=integer + (f",{match.group('frac')}" if match.group("frac") else ""),
        value=_value(match),
        kind=kind,
        unit=unit,
        qualifier=_qualifier(before),
        baseline=baseline_of.get(match.start()),
        year=year,
        year_source=year_source,
        sentence=" ".join(sentence.split()),
    )


def _words(text: str) -> list[str]:
    """The words that follow a number, up to the first mark or number; the `en` of
    `studie- en gezinsbegeleidingstrajecten` sticks to `studie-`, so it ends no unit."""
    words: list[str] = []
    for token in TOKEN.findall(text):
        if not token[0].isalpha():
            break
        if words and words[-1].endswith("-") and token.lower() in ("en", "of"):
            words[-1] = f"{words[-1]} {token}"  # `studie- en`: the unit goes on
        else:
            words.append(token)
    return words


def _phrase(words: list[str], limit: int, *, stop: bool) -> str:
    taken: list[str] = []
    for word in words[:limit]:
        lower = word.lower()
        if stop and (lower in UNIT_STOP or (taken and PARTICIPLE.match(lower))):
            break
        taken.append(word)
    while taken and taken[-1].lower() in UNIT_STOP:
        taken.pop()  # "daarvan opent de nieuwsbrief en" ends before "en"
    return " ".join(taken)


def _qualifier(before: str) -> str:
    tail = " ".join(before.lower().split()[-2:])
    for qualifier in QUALIFIERS:
        if tail.endswith(qualifier) and (
            len(tail) == len(qualifier) or tail[-len(qualifier) - 1] == " "
        ):
            return qualifier
    return ""


def _year(
    years: list[tuple[int, int]], position: int, default_year: int | None
) -> tuple[int | None, str]:
    if years:
        # The year written nearest before the figure ("in 2023 werden 5.000 ..."), else
        # the nearest after it ("... 147 besturen in 2023").
        before = [y for at, y in years if at < position]
        after = [y for at, y in years if at > position]
        return (before[-1] if before else after[0]), "sentence"
    if default_year:
        return default_year, "report"
    return None, ""
