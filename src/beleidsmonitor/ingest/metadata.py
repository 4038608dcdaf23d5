"""Plan-level facts every layout needs: title, policy field and period."""

from __future__ import annotations

import re
from collections import Counter

from beleidsmonitor.ingest.records import Line

PERIOD = re.compile(r"\b(20\d\d)\s*[-–—]\s*(20\d\d)\b")
POLICY_FIELDS = {
    "Integratie en inburgering": re.compile(r"\bintegratie", re.I),
    "Gelijke kansen": re.compile(r"\bgelijke\s?kansen", re.I),
    "Armoedebestrijding": re.compile(r"\barmoede", re.I),
    "Jeugd en kinderrechten": re.compile(r"\bkinderrechten", re.I),
}
TITLE_RUN = re.compile(
    r"\b((?:Geïntegreerd|Vlaams|Horizontaal)?\s*(?:Actieplan|Beleidsnota|Beleidsplan)"
    r"(?:\s+(?:[A-ZÀ-Ý][\w’'\-]+|en|voor|van|het|de|ter))+)"
)


def guess_period(lines: list[Line], window: int = 400) -> tuple[int | None, int | None]:
    """The most cited multi-year span near the start of the document."""
    spans: Counter[tuple[int, int]] = Counter()
    for line in lines[:window]:
        for start, end in PERIOD.findall(line.text):
            first, last = int(start), int(end)
            if 2 <= last - first <= 6:
                spans[(first, last)] += 1
    if not spans:
        return None, None
    (first, last), _ = spans.most_common(1)[0]
    return first, last


def guess_policy_field(lines: list[Line], window: int = 600) -> str | None:
    text = " ".join(line.text for line in lines[:window])
    counts = {name: len(pattern.findall(text)) for name, pattern in POLICY_FIELDS.items()}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return None
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[1] >= 0.6 * ranked[0]:
        second = sorted(counts, key=counts.get, reverse=True)[1]
        return f"{best}, {second}"
    return best


def guess_title(lines: list[Line], window: int = 400) -> str | None:
    """The first capitalised plan name the document uses for itself."""
    for line in lines[:window]:
        match = TITLE_RUN.search(line.text)
        if match and len(match.group(1).split()) >= 3:
            return match.group(1).strip()
    return None
