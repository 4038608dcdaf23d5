"""Strategic and operational objectives (SD / OD) of policy notes and progress reports.

Both layouts are built the same way: roman-numbered chapters (introduction, summary,
objectives, abbreviations, regulatory agenda or annex), SD headings that each open a
strategic objective, and OD headings with the objective's text below them. The steps:

1. `drop_artefacts`   page numbers, parliamentary running heads, review comments and link
   annotations that the PDF extraction left in the text;
2. `split_chapters`   the chapters, each with the kind of content it holds;
3. `parse_goal_heading` one SD or OD heading, in any of the ways the documents write it
   (`OD 1.1. ...`, `4.6 OD ...`, `1. Strategische doelstelling ‘Samenleven’: ...`,
   `1.1. SD 1 ‘Samenleven’: ...`), its title joined over the lines it wraps;
4. `read_goals`       the goals of the body chapters: title, label, text up to the next
   heading, parent. Budget sections and budget tables are kept out of the text.

Narrative chapters (introduction, summary, environment analysis) hold no goals by design:
the summary names the objectives in prose, which must not become goals, so they are not
read. Any other text that falls outside a goal is reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beleidsmonitor.ingest.metadata import PARLIAMENT_SESSION
from beleidsmonitor.ingest.records import Goal, Line, ParsedPlan
from beleidsmonitor.ingest.text import join_text

LEVEL_WORDS = {"strategische": "SD", "operationele": "OD"}
QUOTED = r"[‘'\"“][^’'\"”]{1,60}[’'\"”]"
NUMBER = r"\d{1,2}(?:\.\d{1,2})*"
GOAL_HEADING = re.compile(
    rf"^(?:(?P<pre>{NUMBER})\.?\s+)?"
    rf"(?:(?P<level>SD|OD|HD)(?![A-Za-z])(?:\s?(?P<number>{NUMBER}))?\.?"
    rf"|(?P<word>Strategische|Operationele)\s+doelstelling(?:\s+(?P<wnumber>{NUMBER})\.?)?)"
    r"(?:\s+(?:Strategische|Operationele)\s+doelstelling)?"
    rf"\s*(?P<label>{QUOTED})?\s*:?\s*(?P<title>.*)$"
)
TOC_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")
MAX_TITLE_LINES = 4
OPEN_END = re.compile(
    r"(?:[-,(]|\b(?:en|of|van|de|het|een|voor|op|in|met|die|dat|aan|naar|tot|bij|door|om|te|als))$"
)
ABBREVIATION_END = re.compile(
    r"(?:^|\s)(?:enz|etc|bv|bijv|o\.a|e\.d|e\.a|m\.b\.t|i\.h\.k\.v)\.$", re.I
)

CHAPTER = re.compile(r"^(?P<number>[IVXL]{1,6})\.?\s+(?P<title>\S.*)$")
UNNUMBERED_CHAPTER = re.compile(
    r"^(?:(?:lijst\s+(?:met|van)\s+)?afkortingen|regelgevingsagenda|reglementaire\s+agenda)$",
    re.I,
)
# First match wins: an annex `OVERZICHT BELEIDS- EN REGELGEVINGSINITIATIEVEN` is a list of
# initiatives before it is an annex.
CHAPTER_KINDS = (
    (
        "initiatives",
        re.compile(
            r"REGELGEVINGSAGENDA|REGLEMENTAIRE\s+AGENDA|REGELGEVINGSINITIATIEVEN|BELEIDSINITIATIEVEN",
            re.I,
        ),
    ),
    ("abbreviations", re.compile(r"AFKORTINGEN", re.I)),
    ("front", re.compile(r"INLEIDING|SAMENVATTING|OMGEVINGSANALYSE|VOORWOORD|INHOUD", re.I)),
    ("budget", re.compile(r"APPARAATSKREDIETEN|BEGROTING|BUDGET", re.I)),
    ("annex", re.compile(r"BIJLAGE", re.I)),
)

SECTION = re.compile(rf"^(?P<number>{NUMBER})\.?\s+(?P<title>\S.*)$")
BUDGET_SECTION = re.compile(r"budget|begroting|\(duizend euro\)", re.I)
NOTHING = re.compile(r"^(?:n\.?\s?v\.?\s?t\.?|niet van toepassing\.?|geen\.?)$", re.I)

TABLE_MARKER = re.compile(r"^\(duizend euro\)$|^20\d\d\s+(?:AO|1e\s+BA)\b|^VAK\s+VEK\b", re.I)
NUMERIC_TOKEN = re.compile(r"^[-+]?\d[\d.,]*%?$")
GLYPH_BULLET = re.compile(r"^[•●▪◦·\-–—*]\s+")

PAGE_NUMBER_LINE = re.compile(r"^\d{1,3}$")
PARLIAMENT_HOUSE = re.compile(r"^Vlaams Parlement$")
COMMENT_END = "\ufffd"
PERSON_NAME = re.compile(
    r"^(?:[A-Z][a-zà-ÿ’'-]+)(?:\s+(?:[A-Z][a-zà-ÿ’'-]+|van|de|der|den|ten|ter|el|le|la)){1,4}$"
)
URL_LINE = re.compile(r"^https?://(?P<rest>\S+?)/?$")
MAX_COMMENT_GAP = 3
LINK_WINDOW = 40


# ---------------------------------------------------------------- artefacts


def drop_artefacts(lines: list[Line], plan: ParsedPlan) -> list[Line]:
    """The lines without the page furniture `clean_lines` cannot know about.

    - a page number alone between blank lines (pages whose first line is blank are not
      seen as pages by the clean-up step);
    - the running head of a parliamentary document (`141 (2019-2020) – Nr. 1` and
      `Vlaams Parlement`) on a page where it is not repeated often enough to be found as a
      running head;
    - review comments left in the PDF (an author's name, the remark, a replacement
      character at its end): removed with a warning, as they are not the document's text;
    - a link annotation: a bare URL line that repeats a link of the text nearby.
    """
    doomed: set[int] = set()
    for i, line in enumerate(lines):
        if (
            PAGE_NUMBER_LINE.match(line.text)
            and _blank_at(lines, i - 1)
            and _blank_at(lines, i + 1)
        ):
            doomed.add(i)
        elif PARLIAMENT_SESSION.search(line.text) and PARLIAMENT_SESSION.match(
            re.sub(r"^\d+\s+", "", line.text)
        ):
            doomed.add(i)
            for j in range(i + 1, min(i + 4, len(lines))):
                if PARLIAMENT_HOUSE.match(lines[j].text):
                    doomed.add(j)
        elif _is_link_annotation(lines, i):
            doomed.add(i)
    for first, last in _comment_blocks(lines):
        doomed.update(range(first, last + 1))
        plan.warn(
            lines[first].number,
            f"review comment left in the PDF removed (lines {lines[first].number}-{lines[last].number})",
        )
    return [line for i, line in enumerate(lines) if i not in doomed]


def _blank_at(lines: list[Line], index: int) -> bool:
    return index < 0 or index >= len(lines) or not lines[index].text


def _is_link_annotation(lines: list[Line], index: int) -> bool:
    match = URL_LINE.match(lines[index].text)
    if not match:
        return False
    target = match.group("rest").lower()
    nearby = lines[max(0, index - LINK_WINDOW) : index + LINK_WINDOW]
    return any(target in line.text.lower() for line in nearby if line is not lines[index])


def _comment_like(text: str) -> bool:
    return text.endswith(COMMENT_END) or text.startswith("@") or bool(PERSON_NAME.match(text))


def _comment_blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges of review comments: runs of names, `@mentions` and remarks ending in
    U+FFFD, with blank lines between them, holding at least one such remark."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not lines[i].text.endswith(COMMENT_END):
            i += 1
            continue
        first = _extend(lines, i, -1)
        last = _extend(lines, i, +1)
        blocks.append((first, last))
        i = last + 1
    return blocks


def _extend(lines: list[Line], start: int, step: int) -> int:
    edge = start
    gap = 0
    j = start + step
    while 0 <= j < len(lines):
        text = lines[j].text
        if not text:
            gap += 1
            if gap > MAX_COMMENT_GAP:
                break
        elif _comment_like(text):
            edge = j
            gap = 0
        else:
            break
        j += step
    return edge


# ---------------------------------------------------------------- chapters


@dataclass
class Chapter:
    number: str | None
    title: str | None
    kind: str  # body, front, abbreviations, initiatives, budget, annex
    first_line: int
    lines: list[Line] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.number}. {self.title}" if self.number else (self.title or "start")


def split_chapters(lines: list[Line]) -> list[Chapter]:
    """The document cut at its chapter headings; text before the first is a body chapter."""
    chapters = [Chapter(None, None, "body", lines[0].number if lines else 0)]
    i = 0
    while i < len(lines):
        heading = _chapter_heading(lines, i)
        if heading is None:
            chapters[-1].lines.append(lines[i])
            i += 1
            continue
        number, title, end = heading
        chapters.append(Chapter(number, title, chapter_kind(title), lines[i].number))
        i = end
    return [c for c in chapters if c.title is not None or any(line.text for line in c.lines)]


def chapter_kind(title: str) -> str:
    for kind, pattern in CHAPTER_KINDS:
        if pattern.search(title):
            return kind
    return "body"


def _chapter_heading(lines: list[Line], i: int) -> tuple[str | None, str, int] | None:
    text = lines[i].text
    match = CHAPTER.match(text)
    if match and _mostly_upper(match.group("title")):
        number, parts = match.group("number"), [match.group("title")]
    elif UNNUMBERED_CHAPTER.match(text.rstrip(" :")) and (
        _mostly_upper(text) or "afkorting" in text.lower()
    ):
        number, parts = None, [text.rstrip(" :")]
    else:
        return None
    end = i + 1
    # Chapter titles wrap in capitals: `IV. TRANSVERSALE ... STRATEGISCHE` / `DOELSTELLINGEN`.
    while end < len(lines) and lines[end].text and _mostly_upper(lines[end].text):
        if SECTION.match(lines[end].text) or GOAL_HEADING.match(lines[end].text):
            break
        parts.append(lines[end].text)
        end += 1
    return number, join_text(parts) or parts[0], end


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# ---------------------------------------------------------------- goal headings


@dataclass
class GoalHeading:
    level: str
    number: str
    title: str
    label: str | None
    first_line: int
    last_line: int
    end: int  # index of the first line after the heading

    @property
    def id(self) -> str:
        return f"{self.level}{self.number}"


def parse_goal_heading(lines: list[Line], i: int) -> GoalHeading | None:
    """The SD/OD heading that starts at `lines[i]`, with its wrapped title; None if the line
    is no heading (a reference in running text, a table of contents entry, ...)."""
    start = _heading_start(lines[i].text)
    if start is None:
        return None
    level, number, title, match = start
    parts = [title] if title else []
    end = i + 1
    while end < len(lines) and end - i < MAX_TITLE_LINES:
        following = lines[end]
        if _heading_start(following.text):
            break
        if not following.text:
            if parts:
                break
            end += 1
            continue
        # A title wraps onto plain lines of the same page; a new page, a bullet or another
        # heading starts the text below it, and so does a capital after a line that reads
        # as complete (a wrapped title goes on in lower case or after `en`, `van`, `-`).
        if parts and (
            following.page_start
            or GLYPH_BULLET.match(following.text)
            or parts[-1].endswith(".")
            or (not following.text[0].islower() and not OPEN_END.search(parts[-1]))
        ):
            break
        parts.append(following.text)
        end += 1
    title = tidy_title(join_text(parts) or "")
    if not title:
        return None
    label = match.group("label")
    last = lines[end - 1].number if end - 1 > i else lines[i].number
    while end - 1 > i and not lines[end - 1].text:
        end -= 1
        last = lines[end - 1].number
    return GoalHeading(
        level=level,
        number=number,
        title=title,
        label=label[1:-1].strip() if label else None,
        first_line=lines[i].number,
        last_line=last,
        end=end,
    )


def _heading_start(text: str) -> tuple[str, str, str, re.Match[str]] | None:
    """Level, number and title on the heading's first line, if the line opens a heading."""
    match = GOAL_HEADING.match(text)
    if not match or TOC_LEADER.search(text):
        return None
    level = match.group("level") or LEVEL_WORDS[match.group("word").lower()]
    number = match.group("number") or match.group("wnumber") or match.group("pre")
    if not number or not _plausible_number(level, number):
        return None
    title = match.group("title").strip()
    if title and not (title[0].isupper() or title[0] in "‘'\"“"):
        return None
    return level, number, title, match


def tidy_title(text: str) -> str:
    """A heading without its closing punctuation, unless the period ends an abbreviation
    (`... arbeidsmarkt, wonen, enz.`)."""
    text = text.strip().rstrip(" :;")
    if text.endswith(".") and not ABBREVIATION_END.search(text):
        text = text[:-1].rstrip()
    return text


def _plausible_number(level: str, number: str) -> bool:
    depth = number.count(".") + 1
    return depth == 2 if level == "OD" else depth == 1


# ---------------------------------------------------------------- goals


@dataclass
class _Draft:
    heading: GoalHeading
    body: list[Line] = field(default_factory=list)


def read_goals(chapters: list[Chapter], plan: ParsedPlan) -> list[Goal]:
    """The goals of the body chapters, one per id, in the order of their numbers.

    A goal written up more than once (a progress report reports on OD 1.3 once per budget
    entity, `ISE GELIJKE KANSEN` and `ISE INTEGRATIE EN INBURGERING`) is one goal: every
    passage is its realisation, so their texts are joined in document order and the line
    ranges after the first are kept in `also_lines`. A heading with no text of its own
    while another passage has text is only a mention (a table of contents entry): the goal
    is where the text is, and the mention is not part of it.
    """
    drafts: dict[str, list[tuple[_Draft, str | None, int]]] = {}
    for chapter in chapters:
        if chapter.kind != "body":
            continue
        for draft in _chapter_drafts(chapter, plan):
            text = _body_text(draft.body, draft.heading.id, plan)
            last = max(
                [draft.heading.last_line] + [line.number for line in draft.body if line.text]
            )
            drafts.setdefault(draft.heading.id, []).append((draft, text, last))
    goals = [_merge(passages, plan) for passages in drafts.values()]
    ordered = sorted(goals, key=_goal_order)
    _link_parents(ordered, plan)
    return ordered


def _merge(passages: list[tuple[_Draft, str | None, int]], plan: ParsedPlan) -> Goal:
    if any(text for _, text, _ in passages):
        passages = [p for p in passages if p[1]]
    first, text, last = passages[0]
    heading = first.heading
    goal = Goal(
        level=heading.level,
        number=heading.number,
        title=heading.title,
        first_line=heading.first_line,
        last_line=last,
        text=text,
        label=heading.label,
    )
    for draft, more, end in passages[1:]:
        if _comparable(goal.title) != _comparable(draft.heading.title):
            plan.warn(
                draft.heading.first_line,
                f"{goal.id} is headed differently here than at line {goal.first_line}; "
                "the first title is kept",
            )
        goal.text = join_text([goal.text or "", more or ""])
        goal.label = goal.label or draft.heading.label
        goal.also_lines.append((draft.heading.first_line, end))
    return goal


def _chapter_drafts(chapter: Chapter, plan: ParsedPlan) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    stray: list[Line] = []
    budget: list[Line] = []
    budget_title: str | None = None
    lines = chapter.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = parse_goal_heading(lines, i) if GOAL_HEADING.match(line.text) else None
        section = None if heading else section_heading(line.text)
        if heading or section:
            _report_budget(budget_title, budget, plan)
            budget, budget_title = [], None
            current = None
        if heading:
            current = _Draft(heading)
            drafts.append(current)
            i = heading.end
            continue
        if section:
            if BUDGET_SECTION.search(section):
                budget_title, budget = section, [line]
        elif budget_title:
            budget.append(line)
        elif current:
            current.body.append(line)
        elif line.text:
            stray.append(line)
        i += 1
    _report_budget(budget_title, budget, plan)
    if any(not NOTHING.match(line.text) for line in stray):
        plan.warn(
            stray[0].number,
            f"chapter '{chapter.name}': text outside any goal not imported "
            f"(lines {stray[0].number}-{stray[-1].number})",
        )
    return drafts


def section_heading(text: str) -> str | None:
    """The title of a numbered section heading that is not a goal (`1. ISE GELIJKE KANSEN`,
    `1.4. Budgettair kader voor het begrotingsjaar`); None for anything else, such as a
    numbered list item in running text (`1. Kennis van het Nederlands`)."""
    match = SECTION.match(text)
    if not match or len(text) > 90:
        return None
    title = match.group("title").strip()
    if title.endswith((".", ",", ";", ":")) or sum(c.isalpha() for c in title) < 3:
        return None
    if _mostly_upper(title):
        return title
    if "." in match.group("number") and title[0].isupper() and len(title.split()) <= 10:
        return title
    return None


def _report_budget(title: str | None, lines: list[Line], plan: ParsedPlan) -> None:
    if title is None or not lines:
        return
    numbers = [line.number for line in lines if line.text]
    plan.warn(
        numbers[0],
        f"budget section '{title}' (lines {numbers[0]}-{numbers[-1]}) is not part of any goal; "
        "its tables are not imported",
    )


def _body_text(body: list[Line], goal_id: str, plan: ParsedPlan) -> str | None:
    kept = drop_tables(body, plan, f"text of {goal_id}")
    return join_text([GLYPH_BULLET.sub("", line.text) for line in kept])


def drop_tables(lines: list[Line], plan: ParsedPlan, where: str) -> list[Line]:
    """The lines without budget tables (`(duizend euro)`, `2023 AO TO LO`, rows of figures),
    one warning per table left out."""
    kept: list[Line] = []
    i = 0
    while i < len(lines):
        if not _starts_table(lines[i].text):
            kept.append(lines[i])
            i += 1
            continue
        first = i
        i = _table_end(lines, i + 1)
        last = i - 1
        while last > first and not lines[last].text:
            last -= 1
        plan.warn(
            lines[first].number,
            f"table left out of the {where} (lines {lines[first].number}-{lines[last].number})",
        )
    return kept


def _starts_table(text: str) -> bool:
    return bool(TABLE_MARKER.match(text)) or _figures(text) >= 3


def _table_end(lines: list[Line], i: int) -> int:
    """Index after the table that goes on at `i`: rows of figures, blank lines, and short
    labels (`1e BA-`, `JR`, `Uitgaven`) when more figures follow them."""
    while i < len(lines):
        text = lines[i].text
        if not text or _starts_table(text):
            i += 1
            continue
        j = i
        while j < len(lines) and (not lines[j].text or len(lines[j].text.split()) <= 3):
            if _starts_table(lines[j].text):
                break
            j += 1
        if j > i and j < len(lines) and _starts_table(lines[j].text):
            i = j
            continue
        break
    return i


def _figures(text: str) -> int:
    tokens = text.split()
    figures = sum(1 for token in tokens if NUMERIC_TOKEN.match(token))
    return figures if figures * 2 >= len(tokens) else 0


def _comparable(title: str) -> str:
    return re.sub(r"\W+", "", title).lower()


def _goal_order(goal: Goal) -> tuple:
    numbers = tuple(int(part) for part in goal.number.split("."))
    return (numbers[0], 0 if goal.level != "OD" else 1, numbers)


def _link_parents(goals: list[Goal], plan: ParsedPlan) -> None:
    ids = {goal.id for goal in goals}
    for goal in goals:
        if goal.level != "OD":
            continue
        parent = "SD" + goal.number.split(".")[0]
        if parent in ids:
            goal.parent = parent
        else:
            plan.warn(goal.first_line, f"{goal.id} has no {parent} heading; it has no parent")
