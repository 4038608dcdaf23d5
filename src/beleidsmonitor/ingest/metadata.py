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

# The document naming itself: `Dit Geïntegreerd Actieplan Horizontaal Integratiebeleid is`,
# `In dit Horizontaal Gelijkekansenbeleidsplan staan`.
SELF_NAME = re.compile(
    r"\b(?:[Dd]it|[Dd]eze|[Vv]oorliggende?)\s+"
    r"((?:(?:Geïntegreerde?|Vlaamse?|Horizontaal|Horizontale)\s+)?[A-ZÀ-Ý][\w-]*(?:plan|nota)\b"
    r"(?:\s+(?:[A-ZÀ-Ý][\w’'\-]+|en|voor|van|het|de|ter))*)"
)
TRAILING_SMALL_WORDS = re.compile(r"(?:\s+(?:en|voor|van|het|de|ter))+$")
MAX_PERIOD_YEARS = 6
# A strategic goal with a deadline: `SD 1: Tegen 2019 is de participatie ... verbeterd`.
GOAL_DEADLINE = re.compile(
    r"^(?:\d+(?:\.\d+)*\s+)?(?:SD|HD)\s?\d+\s*[:.]?\s.*?\b[Tt]egen\s+(20\d\d)\b"
)
# A running footer with the document's name: `pagina 9 van 116 Horizontaal ...beleidsplan`.
RUNNING_FOOTER = re.compile(r"^pagina\s+\d+\s+van\s+\d+\s+(?P<title>\S.*\S)$", re.I)


def guess_period(lines: list[Line], window: int = 400) -> tuple[int | None, int | None]:
    """The most cited multi-year span near the start of the document.

    A plan runs at least until the year its strategic goals are set for (`SD 1: Tegen
    2019 is ...`): a span that ends before that deadline is extended to it.
    """
    spans: Counter[tuple[int, int]] = Counter()
    for line in lines[:window]:
        for start, end in PERIOD.findall(line.text):
            first, last = int(start), int(end)
            if 2 <= last - first <= MAX_PERIOD_YEARS:
                spans[(first, last)] += 1
    if not spans:
        return None, None
    (first, last), _ = spans.most_common(1)[0]
    deadline = _goal_deadline(lines)
    if deadline is not None and last < deadline <= first + MAX_PERIOD_YEARS:
        last = deadline
    return first, last


def _goal_deadline(lines: list[Line]) -> int | None:
    """The latest `tegen <year>` in a strategic goal's heading (SD or HD, not OD)."""
    years = [int(m.group(1)) for line in lines if (m := GOAL_DEADLINE.match(line.text))]
    return max(years) if years else None


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
    """The capitalised plan name the document uses for itself.

    A name the document gives itself (`Dit Geïntegreerd Actieplan ...`) comes first: an
    introduction also names the other plans it complements, and those are not its title.
    Without one, the first capitalised plan name; without that, the name in the running
    footer (`pagina 9 van 116 <name>`), which an annex of measure sheets may be all there is.
    """
    for line in lines[:window]:
        for match in SELF_NAME.finditer(line.text):
            name = TRAILING_SMALL_WORDS.sub("", match.group(1)).strip()
            if len(name.split()) >= 2:
                return name
    for line in lines[:window]:
        match = TITLE_RUN.search(line.text)
        if match and len(match.group(1).split()) >= 3:
            return match.group(1).strip()
    footers = Counter(m.group("title") for line in lines if (m := RUNNING_FOOTER.match(line.text)))
    if footers:
        return footers.most_common(1)[0][0]
    return None


# A span named as the government's term: `Vlaams regeerakkoord 2019-2024`.
TERM_SPAN = re.compile(
    r"\b(?:regeerakkoord|regeerperiode|legislatuur|Vlaamse Regering)\s+(20\d\d)\s*[-–—]\s*(20\d\d)\b",
    re.I,
)
# The running head of a Flemish Parliament document: `141 (2019-2020) – Nr. 1`.
PARLIAMENT_SESSION = re.compile(r"\((20\d\d)\s*-\s*(20\d\d)\)\s*[–—-]\s*Nr\.\s*\d")
LEGISLATURE_YEARS = 5
BUDGET_TABLE_YEAR = re.compile(r"^(20\d\d)\s+(?:AO|1e\s+BA)\b")
IN_YEAR = re.compile(r"\b[Ii]n\s+(20\d\d)\b")
FIELD_HEADING = re.compile(r"^(?:[IVXL]+\.?\s+)?BELEIDSVELD\s+(\S.*)$")
FIELD_IN_TEXT = re.compile(r"\bbeleidsveld\s+((?:[A-Z][\w’'-]*(?:,\s+|\s+(?:en\s+)?))+)")
FIELD_COMPOUND = re.compile(r"\b((?:[a-z]+-,\s+)*[a-z]+-\s+en\s+[a-z]+?)s?beleid\b", re.I)
# Policy fields (beleidsvelden) by the stem the documents use in compounds.
FIELD_WORDS = {
    "gelijkekansen": "Gelijke Kansen",
    "integratie": "Integratie",
    "inburgering": "Inburgering",
    "armoedebestrijding": "Armoedebestrijding",
    "armoede": "Armoedebestrijding",
    "jeugd": "Jeugd",
    "kinderrechten": "Kinderrechten",
    "onderwijs": "Onderwijs",
    "werk": "Werk",
    "welzijn": "Welzijn",
}
SMALL_WORDS = {"en", "van", "de", "het", "voor", "der", "op", "in"}


def guess_term(lines: list[Line]) -> tuple[int | None, int | None]:
    """The government term a document belongs to.

    A span the document names as the term (`regeerakkoord 2019-2024`) beats other spans
    (a policy note cites plans of other periods); without one, the most cited span near
    the start; without any, the parliamentary session of the document's running head: a
    policy note is filed in the first session of a five-year Flemish legislature.
    """
    spans: Counter[tuple[int, int]] = Counter()
    # Joined, because the span often wraps: `... uit het Vlaams regeerakkoord` / `2019-2024`.
    for start, end in TERM_SPAN.findall(" ".join(line.text for line in lines)):
        if 2 <= int(end) - int(start) <= 6:
            spans[(int(start), int(end))] += 1
    if spans:
        return spans.most_common(1)[0][0]
    first, last = guess_period(lines)
    if first is not None:
        return first, last
    for line in lines:
        session = PARLIAMENT_SESSION.search(line.text)
        if session:
            start = int(session.group(1))
            return start, start + LEGISLATURE_YEARS
    return None, None


def guess_report_year(lines: list[Line]) -> int | None:
    """The year a progress report covers: the year of its budget tables, else the most
    cited `in 2023`."""
    tables = Counter(int(m.group(1)) for line in lines if (m := BUDGET_TABLE_YEAR.match(line.text)))
    if tables:
        return tables.most_common(1)[0][0]
    mentions = Counter(int(year) for line in lines for year in IN_YEAR.findall(line.text))
    return mentions.most_common(1)[0][0] if mentions else None


def guess_field_name(lines: list[Line]) -> str | None:
    """The policy field as the document names it, in its own order and wording.

    First a `BELEIDSVELD ...` heading or `het beleidsveld Gelijke Kansen, ...` in the text;
    else the longest compound the document uses for its policy (`het gelijkekansen-,
    integratie- en inburgeringsbeleid`) when every part is a known policy field.
    """
    for line in lines:
        heading = FIELD_HEADING.match(line.text)
        if heading:
            return dutch_title_case(heading.group(1))
    for line in lines:
        named = FIELD_IN_TEXT.search(line.text)
        if named:
            name = re.sub(r"[\s,]+(?:en)?$", "", named.group(1).strip())
            if len(name.split()) >= 2:
                return name
    compounds: Counter[tuple[str, ...]] = Counter()
    text = " ".join(line.text for line in lines)
    for match in FIELD_COMPOUND.finditer(text):
        parts = [p.strip(" -") for p in re.split(r",\s+|\s+en\s+", match.group(1))]
        names = tuple(_field_word(part) for part in parts)
        if len(names) >= 2 and all(names):
            compounds[names] += 1
    if not compounds:
        return None
    names = max(compounds, key=lambda key: (len(key), compounds[key]))
    return ", ".join(names[:-1]) + " en " + names[-1]


def dutch_title_case(text: str) -> str:
    """`GELIJKE KANSEN, INTEGRATIE EN INBURGERING` -> `Gelijke Kansen, Integratie en Inburgering`."""
    words = " ".join(text.split()).lower().split(" ")
    return " ".join(
        word if i and word in SMALL_WORDS else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def _field_word(part: str) -> str | None:
    key = part.lower().replace(" ", "")
    return FIELD_WORDS.get(key) or (FIELD_WORDS.get(key[:-1]) if key.endswith("s") else None)
