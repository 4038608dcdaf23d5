"""Budget text to an amount in euro: `€ 1.250.000`, `1,5 miljoen euro`, `250 k€`.

Budget cells are prose ("Binnen de reguliere budgetten", "AMIF: 1.125.000 euro /
Vlaamse cofinanciering: 375.000 euro"), so the amount is read as the total of the sums of
money the text names:

- a number counts as money when a currency word or scale stands beside it (`euro`, `€`,
  `EUR`, `k€`, `miljoen`), or when it is written with thousands separators (`250.000`);
  bare numbers such as years (`2017: 200.000`, `2014 – 2020`) and counts do not;
- amounts in parentheses are left out when the text also names an amount outside them:
  in `2 miljoen euro (500.000 euro VL – 1.500.000 euro AMIF)` they break the total down;
- a range (`200.000 euro-270.000 euro`) counts once, at its upper bound, the most the
  plan commits to;
- the remaining amounts are added up (parts of one engagement, or one per year).

No amount in the text gives None: "no figure", not "zero".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Dutch notation first: `.` or a space groups thousands, `,` starts the decimals.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
SCALE_WORDS = {
    "miljard": 1e9,
    "mld": 1e9,
    "miljoen": 1e6,
    "mio": 1e6,
    "duizend": 1e3,
    "k€": 1e3,
    "keur": 1e3,
}
AMOUNT = re.compile(
    rf"(?P<pre>€|EUR\b|euro\b)?\s*(?P<number>{NUMBER})\s*"
    r"(?P<scale>miljard\b|mld\b|miljoen\b|mio\b|duizend\b|k€|keur\b)?\s*"
    r"(?P<post>€|euro\b|EUR\b)?",
    re.IGNORECASE,
)
RANGE_JOINER = re.compile(r"^\s*(?:[-–—]|tot(?:\s+en\s+met)?)\s*$", re.IGNORECASE)


@dataclass
class Amount:
    value: float
    start: int
    end: int
    in_parentheses: bool


def parse_amount(text: str | None) -> float | None:
    """The total in euro the budget text names, or None when it names no sum of money."""
    if not text:
        return None
    amounts = find_amounts(text)
    if not amounts:
        return None
    outside = [a for a in amounts if not a.in_parentheses]
    if outside:
        amounts = outside
    total = sum(_merge_ranges(text, amounts))
    return round(total, 2)


def find_amounts(text: str) -> list[Amount]:
    depth_at = _parenthesis_depths(text)
    found = []
    for match in AMOUNT.finditer(text):
        value = _money_value(match)
        if value is None:
            continue
        start = match.start("number") if not match.group("pre") else match.start("pre")
        found.append(Amount(value, start, match.end(), depth_at[match.start("number")] > 0))
    return found


def _money_value(match: re.Match[str]) -> float | None:
    number = match.group("number")
    scale = (match.group("scale") or "").lower()
    has_currency = bool(match.group("pre") or match.group("post") or scale)
    grouped = bool(re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", number))
    if not has_currency and not grouped:
        return None
    if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?", number):
        value = float(number.replace(".", "").replace(" ", "").replace(",", "."))
    else:
        # `1,5 miljoen` and `1.5 miljoen`: a separator that does not group thousands
        # is a decimal sign.
        value = float(number.replace(",", "."))
    return value * SCALE_WORDS.get(scale, 1.0)


def _merge_ranges(text: str, amounts: list[Amount]) -> list[float]:
    values: list[float] = []
    previous: Amount | None = None
    for amount in amounts:
        if previous is not None and RANGE_JOINER.match(text[previous.end : amount.start]):
            values[-1] = max(values[-1], amount.value)
        else:
            values.append(amount.value)
        previous = amount
    return values


def _parenthesis_depths(text: str) -> list[int]:
    depths = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        depths.append(depth)
        if char == ")" and depth:
            depth -= 1
    depths.append(depth)
    return depths
