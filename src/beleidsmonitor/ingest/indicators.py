"""What an indicator measures, and the target it states.

`classify_indicator` sorts an indicator into one of four kinds, checked in this order:

- `percentage`: a share (`%`, `percentage`, `procent`, `aandeel`);
- `count`: a number of things (`Aantal ...`, or a stated number above one: `3 bijeenkomsten
  per jaar`, `Webinar werd 5 keer gegeven`); `een (beperkt) aantal` is no count;
- `deliverable`: one product to deliver (`1 analyserapport`, `Minstens 1 bevraging`, or an
  indicator that names a product: `Analyserapport`, `Rapportering`, `Evaluatierapport ...`);
- `qualitative`: everything else (`Kwalitatieve tevredenheid over ...`).

`indicator_target` returns the number the text sets as a target, as written (`"3"`,
`"35%"`), or None: only a number that opens the indicator (after `minstens`, `jaarlijks`
and the like), a percentage, or `N keer` counts as a target; a number inside a sentence
(`De 10 acties lopen ...`) does not.
"""

from __future__ import annotations

import re

from beleidsmonitor.ingest.records import Indicator

KINDS = ("count", "percentage", "deliverable", "qualitative")

PERCENTAGE = re.compile(r"%|\b(?:percentage|procent|aandeel|pct)\b", re.I)
COUNT = re.compile(r"\baantal\b", re.I)
# `een (beperkt) aantal jongeren` is a quantity word (`some`), not a number to count.
SOME = re.compile(r"\been\s+(?:[^\W\d_]+\s+)?aantal\b", re.I)
WORD_NUMBERS = {"één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "tien": "10"}
QUALIFIER = r"(?:(?:jaarlijks|per\s+jaar|elk\s+jaar|in\s+totaal)\s+)?(?:(?:minstens|ten\s+minste|tenminste|minimaal|minimum|min\.|maximaal|maximum|tot|ca\.|circa|ongeveer)\s+)?"
NUMBER = r"(?P<number>\d+(?:[.,]\d+)*|" + "|".join(WORD_NUMBERS) + r")"
LEADING_NUMBER = re.compile(rf"^{QUALIFIER}{NUMBER}(?P<percent>\s*%)?(?=[\s,.;:]|$)", re.I)
TIMES = re.compile(rf"\b{NUMBER}\s+(?:keer|maal)\b", re.I)
# `Sport: 1 actie per ...`: a group label in front of the indicator proper.
GROUP_PREFIX = re.compile(r"^[^\W\d_][\w\s-]{0,30}:\s+")
PERCENT_VALUE = re.compile(r"(?P<number>\d+(?:[.,]\d+)?)\s*%")
# Products an indicator can name; matched at the end of one of its first words, so that
# compounds count too (`evaluatierapport`, `strategienota`).
DELIVERABLE_NOUNS = (
    "rapport", "rapportering", "rapportage", "nota", "handleiding", "regeling", "kader",
    "methodiek", "databank", "inventaris", "inventarisatie", "overzicht", "evaluatie",
    "analyse", "campagne", "publicatie", "brochure", "webinar", "mapping", "actieplan",
    "beleidsadvies", "advies", "studie", "bevraging", "verslag", "besluit", "decreet",
    "toolkit", "leidraad",
)  # fmt: skip
DELIVERABLE_WINDOW = 3
REPORT_WINDOW = 4


def classify_indicator(text: str) -> str:
    if PERCENTAGE.search(text):
        return "percentage"
    if COUNT.search(SOME.sub(" ", text)):
        return "count"
    number = _stated_number(text)
    if number is not None and number > 1:
        return "count"
    if number == 1 or _names_a_deliverable(text):
        return "deliverable"
    return "qualitative"


def indicator_target(text: str) -> str | None:
    leading = LEADING_NUMBER.match(GROUP_PREFIX.sub("", text.strip(), count=1))
    if leading:
        value = WORD_NUMBERS.get(leading.group("number").lower(), leading.group("number"))
        return value + ("%" if leading.group("percent") else "")
    percent = PERCENT_VALUE.search(text)
    if percent:
        return percent.group("number") + "%"
    times = TIMES.search(text)
    if times:
        return WORD_NUMBERS.get(times.group("number").lower(), times.group("number"))
    return None


def make_indicator(text: str, level: str | None = None) -> Indicator:
    return Indicator(text, indicator_target(text), classify_indicator(text), level)


def _stated_number(text: str) -> float | None:
    target = indicator_target(text)
    if target is None or target.endswith("%"):
        return None
    try:
        return float(target.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def _names_a_deliverable(text: str) -> bool:
    words = [w.strip("‘’“”\"'(),.:;").lower() for w in text.split()]
    if any(w.endswith(DELIVERABLE_NOUNS) for w in words[:DELIVERABLE_WINDOW]):
        return True
    return any("rapport" in w for w in words[:REPORT_WINDOW])
