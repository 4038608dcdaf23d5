"""Numbers in a progress report offered as values of the note objective's indicators.

`extract_figures(text, default_year)` is pure: it reads counts (`147 lokale besturen`,
`meer dan 5.000 vrijwilligers`), percentages (`35%`, `35,5 procent`) and changes (`van
103 naar 147 lokale besturen`: value 147, baseline 103) with the year of their sentence
(or `default_year`, the report's year, when the sentence names none). Dutch numbers:
`5.000` is five thousand, `2,5` two and a half.

Left out on purpose, because they are no indicator values: years, dates (`15 maart`),
amounts of money (`90 euro`, the budget tables have their own place), durations and ages
(`14 tot 18 jaar`), ranges (`20-25%`, `tussen 10 en 20`), numbers glued to letters or
codes (`1e`, `COVID-19`, `A2`), references (`OD 1.3`, `Actie 12`, `artikel 5`), and
counts that do not say what they count (`meer dan 5.000 met vragen`).

`store_figures(report)` keeps them as `FigureCandidate` rows (idempotent, decisions
kept); `accept_figure` / `reject_figure` are the person's decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.plans.models import (
    FigureCandidate,
    FigureKind,
    FigureStatus,
    Goal,
    Indicator,
    IndicatorKind,
    ObjectiveMatch,
    Plan,
)
from beleidsmonitor.plans.permissions import check_can_decide

NUMBER = re.compile(
    r"(?<![\w.,/’'€-])"  # not the tail of a code, a decimal, a date or an amount
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?"
    r"(?![\w/’-]|[.,]\d)"  # not followed by letters (1e), a slash, a range or more digits
    r"(?P<pct>\s*(?:%|procent\b))?"
    r"(?P<mult>\s+(?:miljoen|miljard)\b)?",
    re.UNICODE,
)
YEAR = re.compile(r"(?<![\w.,’'-])(19[5-9]\d|20\d\d)(?![\w%]|[.,]\d)")
CHANGE = re.compile(r"\bvan\s+(?:\w+\s+)?$", re.I)  # "van" (+ one word) before a number
CHANGE_TO = re.compile(r"^\s*naar\s+(?:\w+\s+){0,2}$", re.I)
RANGE_AFTER = re.compile(r"^\s*%?\s*(?:tot|à|–)\s*\d", re.I)
RANGE_BEFORE = re.compile(r"(?:\btussen|\btussen\s+\S+\s+en|\d\s*%?\s*(?:tot|à|–))\s*$", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(ÀÉÈÖ])")
# A word (`referentieregio’s`, `LGBTI+`, `studie-`), or a mark that ends a phrase.
TOKEN = re.compile(r"[^\W\d_][\w’'+-]*|[^\w\s]|\d+", re.UNICODE)
# `opgestart`, `bereikt`, `ontwikkeld`: a past participle after a count says what was
# done with what was counted, not what was counted.
PARTICIPLE = re.compile(
    r"^(?:(?:op|in|uit|aan|af|mee|door|toe|bij|voor|na|om|samen)?ge\w+[dt]"
    r"|(?:op|in|uit|aan|af|mee|door|toe|bij|voor|na|om|samen)ge\w+en|(?:be|ver|ont|her)\w+[dt])$"
)
MONTHS_TEXT = """
    januari februari maart april mei juni juli augustus september oktober november december
    jan feb mrt apr jun jul aug sep sept okt nov dec
"""
MONTHS = frozenset(MONTHS_TEXT.split())
REFERENCE_WORDS_TEXT = """
    sd od hd vr bvr actie acties artikel art hoofdstuk punt punten fase pijler niveau versie nr nummer
    bijlage deel stap module ronde pagina p blz editie golf tabel figuur lijn zone covid
    agenda horizon cf zie decreet besluit code maatregel isce ise wave
    """
REFERENCE_WORDS = frozenset(REFERENCE_WORDS_TEXT.split())
# What a count of these is, is no indicator value of an objective.
EXCLUDED_UNITS_TEXT = """
    jaar jaren maand maanden week weken dag dagen uur uren minuten minuut seconden
    euro eur keer maal procentpunt procentpunten
    """
EXCLUDED_UNITS = frozenset(EXCLUDED_UNITS_TEXT.split())
UNIT_STOP_TEXT = """
    van die dat in met en of voor op aan uit naar door te om bij tot werden werd zijn is
    was waren hebben heeft hadden had wordt worden kregen kreeg konden kunnen zullen zal
    daarvan waarvan waarvoor waarin waarop waarmee hiervan de het een er ook nog al reeds
    tegen binnen
    over onder via per zoals sinds tijdens dan als maar want
    gaven gaf namen nam volgden volgde deden deed kwamen kwam bereikten bereikte maakten
    maakte ontvingen ontving telden telde stonden stond gingen ging krijgen krijgt nemen
    neemt volgen volgt zich iets
"""
UNIT_STOP = frozenset(UNIT_STOP_TEXT.split())
QUALIFIERS = (
    "meer dan",
    "minder dan",
    "ten minste",
    "tenminste",
    "minstens",
    "bijna",
    "ruim",
    "ongeveer",
    "circa",
    "ca.",
    "zo'n",
    "zo’n",
    "nagenoeg",
    "maximaal",
    "minimaal",
)
ABBREVIATION_END = re.compile(r"(?:\b\w\.){2,}$|\b(?:bv|nr|art|ca|resp|incl|excl|o\.a|vzw)\.$")
PARTITIVE = frozenset(["de", "deze", "die", "het", "hun", "onze", "alle"])
UNIT_WORDS = 3  # words after a count taken as what it counts
PERCENT_WORDS = 6  # words after a percentage taken as what it is a share of


class FigureError(BeleidsmonitorError):
    """A decision on a figure candidate that cannot be made."""


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
    """The counts and percentages of `text`, in order (see the module's docstring)."""
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


# --- storing and deciding ---------------------------------------------------------


def store_figures(report: Plan) -> dict[str, int]:
    """Store the figures of every objective of `report` as candidates.

    Idempotent: a candidate is known by its goal and place in the goal's text; a run
    again updates open candidates and keeps accepted and rejected ones as decided.
    """
    counts = {"new": 0, "updated": 0, "kept": 0, "removed": 0, "inherited": 0}
    links = _links(report)
    earlier = _earlier_decisions(report)
    with transaction.atomic():
        for goal in report.goals.order_by("order"):
            existing = {f.position: f for f in goal.figure_candidates.all()}
            found = extract_figures(goal.text, report.report_year)
            for figure in found:
                fields = {
                    "note_goal_id": links.get(goal.pk),
                    "snippet": figure.sentence,
                    "value": figure.value,
                    "kind": figure.kind,
                    "unit": figure.unit[:120],
                    "qualifier": figure.qualifier,
                    "year": figure.year,
                    "year_source": figure.year_source,
                    "baseline": figure.baseline,
                    "source_line": find_line(report.source_text, goal, figure),
                }
                candidate = existing.get(figure.start)
                if candidate is None:
                    decided = earlier.get((goal.key, figure.start, figure.value))
                    if decided is not None:
                        fields.update(
                            status=decided.status,
                            indicator=decided.indicator,
                            decided_by=decided.decided_by,
                            decided_at=decided.decided_at,
                        )
                        counts["inherited"] += 1
                    FigureCandidate.objects.create(
                        report_goal=goal, position=figure.start, **fields
                    )
                    counts["new"] += 1
                elif candidate.status != FigureStatus.PROPOSED:
                    counts["kept"] += 1
                else:
                    for name, value in fields.items():
                        setattr(candidate, name, value)
                    candidate.save()
                    counts["updated"] += 1
            positions = {f.start for f in found}
            stale = [
                f.pk
                for p, f in existing.items()
                if p not in positions and f.status == FigureStatus.PROPOSED
            ]
            counts["removed"] += FigureCandidate.objects.filter(pk__in=stale).delete()[0]
    return counts


def _earlier_decisions(report: Plan) -> dict[tuple[str, int, Decimal], FigureCandidate]:
    """Decided candidates of the versions this report replaces, by goal key, place and
    value: a re-import makes new goal rows, but the same figure in the same text was
    decided on already."""
    chain, current, seen = [], report.replaces, {report.pk}
    while current is not None and current.pk not in seen:
        chain.append(current.pk)
        seen.add(current.pk)
        current = current.replaces
    if not chain:
        return {}
    found: dict[tuple[str, int, Decimal], FigureCandidate] = {}
    decided = (
        FigureCandidate.objects.filter(report_goal__plan_id__in=chain)
        .exclude(status=FigureStatus.PROPOSED)
        .select_related("report_goal", "indicator", "decided_by")
        .order_by("-decided_at", "-pk")
    )
    for figure in decided:
        found.setdefault((figure.report_goal.key, figure.position, figure.value), figure)
    return found


def _links(report: Plan) -> dict[int, int]:
    """Report goal id -> note goal id of its linking match (the latest computed)."""
    links: dict[int, int] = {}
    matches = ObjectiveMatch.objects.filter(report_goal__plan=report).order_by("computed_at", "pk")
    for match in matches:
        if match.is_link:
            links[match.report_goal_id] = match.note_goal_id
    return links


def accept_figure(
    figure: FigureCandidate,
    *,
    user,
    indicator: Indicator | None = None,
    text: str = "",
) -> FigureCandidate:
    """Accept a candidate as the value of an indicator of its note objective.

    The indicator is `indicator` (one of the note goal's), else the note goal's indicator
    of the same kind and unit, else a new one (kind count or percentage, baseline from
    `van X naar Y`). The value and year stay on the candidate: the monitoring app keeps
    indicator values per action update in a reporting round, and an objective's figure
    from a report has no such update.
    """
    check_can_decide(user)
    if figure.note_goal_id is None:
        raise FigureError(
            "deze doelstelling is nog niet afgestemd op een doelstelling van de beleidsnota"
        )
    note_goal = figure.note_goal
    with transaction.atomic():
        if indicator is not None and indicator.goal_id != note_goal.pk:
            raise FigureError(f"die indicator hoort niet bij {note_goal.key}")
        indicator = (
            indicator
            or _same_indicator(note_goal, figure)
            or _new_indicator(note_goal, figure, text)
        )
        figure.indicator = indicator
        figure.status = FigureStatus.ACCEPTED
        figure.decided_by = user
        figure.decided_at = timezone.now()
        figure.save(update_fields=["indicator", "status", "decided_by", "decided_at"])
    return figure


def reject_figure(figure: FigureCandidate, *, user) -> FigureCandidate:
    check_can_decide(user)
    figure.status = FigureStatus.REJECTED
    figure.decided_by = user
    figure.decided_at = timezone.now()
    figure.save(update_fields=["status", "decided_by", "decided_at"])
    return figure


def _indicator_unit(figure: FigureCandidate) -> str:
    return "%" if figure.kind == FigureKind.PERCENTAGE else figure.unit[:50]


def _same_indicator(note_goal: Goal, figure: FigureCandidate) -> Indicator | None:
    """An indicator of the goal a value of this figure belongs to: same kind and unit."""
    for indicator in note_goal.indicators.filter(kind=figure.kind):
        if indicator.unit.lower() == _indicator_unit(figure).lower() and (
            figure.kind != FigureKind.PERCENTAGE or figure.unit.lower() in indicator.text.lower()
        ):
            return indicator
    return None


def _new_indicator(note_goal: Goal, figure: FigureCandidate, text: str) -> Indicator:
    label = "Percentage" if figure.kind == FigureKind.PERCENTAGE else "Aantal"
    return Indicator.objects.create(
        goal=note_goal,
        text=(text or f"{label} {figure.unit}").strip(),
        kind=IndicatorKind.PERCENTAGE
        if figure.kind == FigureKind.PERCENTAGE
        else IndicatorKind.COUNT,
        unit=_indicator_unit(figure),
        baseline=figure.baseline,
        order=note_goal.indicators.count(),
    )
