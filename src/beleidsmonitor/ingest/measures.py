"""Measure sheets (`maatregelenfiches`): one table per measure under SD/OD headings.

The layout of the 2016-2019 integration plan: standalone headings `SD n: ...` and
`OD n.m: ...`, then per measure a sheet that opens with `Maatregel <statement>` and holds
a table: `Raming budgettair engagement`, the SD and OD it serves (repeated inside the
sheet), effect indicators, responsible and involved cabinets and administrations, output
indicators with their `Streefwaarde`, `Duiding maatregel` and `Mijlpalen` per year.

The PDF extraction read that table column by column, row by row, and glued cells
together: a label can end the previous cell's line (`Analyserapport maatwerk
Streefwaarde`), open the next (`administratie VDAB`), sit in the middle (`administratie
Departement WSE Andere partners Fedasil`) or be split over lines (`Streefwa` / `arde`).
Values of one cell wrap over many short lines. What stays reliable is the order of the
labels, which the template fixes. So a sheet is cut with the labels as anchors: each
label, wherever it is on a line, closes the cell before it and opens its own, and only
labels of cells further down the template are looked for. That keeps a word in a value
(`maatschappelijk engagement`) from being read as a label of a cell already passed.

Steps, each a function below:

1. `drop_page_furniture`  footers (`pagina 9 van 116 <title>`) out;
2. `segment`              lines to standalone heading runs and measure sheets;
3. `split_sheet`          a sheet's lines to its cells, labels as anchors;
4. `goal_mentions`        the SD/OD repeats in a sheet, resolved to the heading goals
                          (`GoalIndex.resolve`);
5. `build_action`         cells to an `Action`: names, indicators, budget, milestones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beleidsmonitor.ingest.budget import parse_amount
from beleidsmonitor.ingest.indicators import classify_indicator
from beleidsmonitor.ingest.metadata import guess_period, guess_policy_field, guess_title
from beleidsmonitor.ingest.records import (
    Action,
    Budget,
    Goal,
    Indicator,
    Line,
    Milestone,
    ParsedPlan,
    Timeline,
)
from beleidsmonitor.ingest.text import BULLET, is_bullet, join_text, strip_bullet

MEASURE_START = re.compile(r"^Maatregel\b\s*(?P<rest>.*)$")
# `SD 1: ...`, `SD4: ...`, `OD 1.1. ...`, `OD 5.2.: ...`, with the sheet's long form
# `STRATEGISCHE DOELSTELLING SD 1: ...` in front or not.
GOAL_LINE = re.compile(
    r"^(?:(?:STRATEGISCHE|OPERATIONELE)\s+DOELSTELLING\s+)?"
    r"(?P<level>SD|OD)\s?(?P<number>\d+(?:\.\d+)*)(?![\d])\.?\s*[:.]?\s*(?P<title>.*)$"
)
GOAL_NUMBER_FORMS = {"SD": re.compile(r"^\d+$"), "OD": re.compile(r"^\d+\.\d+$")}
PAGE_FOOTER = re.compile(r"^pagina\s+\d+\s+van\s+\d+\b", re.I)
SLASHES_ONLY = re.compile(r"^[/\s]+$")
URL_ONLY = re.compile(r"^https?://\S+$", re.I)
PLACEHOLDERS = {
    "/",
    "//",
    "-",
    "–",
    "nvt",
    "n.v.t",
    "n.v.t.",
    "niet van toepassing",
    "geen",
    "e.a",
    "enz",
}
NO_TARGET = PLACEHOLDERS | {"geen streefwaarde", "geen streefwaarde."}

# The cells of a sheet in template order. `title` is the text after `Maatregel`.
SECTIONS = (
    "title",
    "budget",
    "sd",
    "effect",
    "od",
    "responsible",
    "output",
    "target",
    "administrations",
    "cabinets_involved",
    "administrations_involved",
    "partners",
    "description",
    "milestones",
)
SECTION_INDEX = {name: i for i, name in enumerate(SECTIONS)}
# Labels whose words may stand alone on a line with the rest on the next one.
SPLIT_LABELS = {
    "andere": ("partners", " "),
    "streefwa": ("arde", ""),
    "operationele": ("doelstelling", " "),
}
MAX_LABEL_GAP = 3
# A goal's title wraps over this many lines at most.
MAX_TITLE_LINES = 4
# A label found in the middle of a line may close at most this many cells at once.
MAX_UNANCHORED_REACH = 3
BUDGET_LABEL_PIECE = re.compile(r"^(?:Raming\s*)?(?:Budgett?air\s*)?(?:engagement)?$", re.I)
CABINET_WORD = re.compile(r"^kabinet\b\s*", re.I)


@dataclass(frozen=True)
class SheetLabel:
    """One way a cell's label is written.

    `anchored` labels count only at the start of a line (or right after another label on
    it); the others are found anywhere in a line, because the extraction glues them to
    the end of the previous cell. Those are written as the template writes them (case
    kept where prose could use the same words: `andere partners`) and looked for only a
    few cells ahead (`MAX_UNANCHORED_REACH`). `keep` labels are part of the cell's value:
    `SD4: ...` opens the SD cell and is also its first line.
    """

    section: str
    pattern: str
    anchored: bool = True
    keep: bool = False
    ignore_case: bool = True

    def compile(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.I if self.ignore_case else 0)


LABELS = (
    # `Raming` ends the statement's last line or stands alone; `Budgettair` and
    # `engagement` follow on their own lines and are skipped in the budget cell.
    SheetLabel(
        "budget", r"\bRaming\b(?:\s+Budgett?air\b)?(?:\s+engagement\b)?\s*$", anchored=False
    ),
    SheetLabel("budget", r"Budgett?air\b(?:\s+engagement\b)?\s*$"),
    SheetLabel("sd", r"STRATEGISCHE\s+DOELSTELLING\b"),
    SheetLabel("sd", r"(?=SD\s?\d)", keep=True, ignore_case=False),
    SheetLabel("effect", r"effect\s?indicator(?:en)?\b"),
    SheetLabel("od", r"OPERATIONELE\s+DOELSTELLING\b", anchored=False),
    SheetLabel("od", r"(?=OD\s?\d)", keep=True, ignore_case=False),
    SheetLabel("responsible", r"verantwoordelijken?\b(?:\s+kabinet\b)?"),
    SheetLabel("output", r"\boutput\s?indicator(?:en)?\b", anchored=False),
    SheetLabel("target", r"\bStreefwaarden?\b", anchored=False, ignore_case=False),
    SheetLabel("administrations", r"administraties?\b"),
    SheetLabel("cabinets_involved", r"betrokkenen?\b(?:\s+kabinet\b)?"),
    SheetLabel("administrations_involved", r"administraties?\b"),
    SheetLabel("partners", r"\bAndere\s+partners\b", anchored=False, ignore_case=False),
    SheetLabel("description", r"Duiding(?:\s+(?:van\s+de\s+)?maatregel)?\b"),
    SheetLabel(
        "milestones", r"[/\s]*Mijlpalen\b(?:\s+Geschatte\s+personeelsinzet(?:\s*\(VTE\))?)?"
    ),
)
COMPILED_LABELS = [(SECTION_INDEX[label.section], label, label.compile()) for label in LABELS]
# Cells that must be there for a sheet to be complete; a missing one is reported.
EXPECTED_CELLS = (
    "budget",
    "sd",
    "od",
    "responsible",
    "output",
    "target",
    "administrations",
    "cabinets_involved",
    "partners",
    "description",
    "milestones",
)


@dataclass
class Piece:
    """A part of a source line that belongs to one cell."""

    number: int
    text: str
    page_start: bool = False


@dataclass
class Sheet:
    start: int  # index of the `Maatregel` line in the document's lines
    lines: list[Line]
    cells: dict[str, list[Piece]] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)
    dropped_links: list[Piece] = field(default_factory=list)

    def cell(self, name: str) -> list[Piece]:
        return self.cells.get(name, [])

    def texts(self, name: str) -> list[str]:
        return [piece.text for piece in self.cell(name) if piece.text]

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        numbered = [line.number for line in self.lines if line.text]
        return numbered[-1] if numbered else self.first_line


@dataclass
class HeadingRun:
    """Standalone goal headings between sheets (`SD 2: ...` / `OD 2.1: ...`)."""

    lines: list[Line]


@dataclass
class GoalMention:
    level: str
    number: str
    title: str | None
    first_line: int
    last_line: int

    @property
    def key(self) -> str:
        return f"{self.level}{self.number}"


def parse_measure_sheets(lines: list[Line]) -> ParsedPlan:
    plan = ParsedPlan(kind="actieplan")
    plan.title = guess_title(lines)
    plan.policy_field = guess_policy_field(lines)
    plan.period_start, plan.period_end = guess_period(lines)
    if plan.title is None:
        plan.title = _title_from_field_and_period(plan)
    content = drop_page_furniture(lines)
    blocks = segment(content, plan)
    index = GoalIndex(plan)
    for block in blocks:
        if isinstance(block, HeadingRun):
            index.add_headings(block)
    context: dict[str, str | None] = {"SD": None, "OD": None}
    for block in blocks:
        if isinstance(block, HeadingRun):
            for mention in heading_mentions(block):
                if index.has(mention.key):
                    context[mention.level] = mention.key
                    if mention.level == "SD":
                        context["OD"] = None
            continue
        split_sheet(block)
        plan.actions.append(build_action(block, plan, index, context))
    split_joined_names(plan.actions)
    index.finish()
    if not plan.actions:
        plan.warn(None, "no measure sheets found")
    return plan


# -- step 1: page furniture ------------------------------------------------------------


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """Footers that the clean-up step does not know (`pagina 9 van 116 <plan title>`)."""
    return [line for line in lines if not PAGE_FOOTER.match(line.text)]


# -- step 2: segmentation --------------------------------------------------------------


def segment(lines: list[Line], plan: ParsedPlan) -> list[Sheet | HeadingRun]:
    """Cut the document into measure sheets and runs of standalone goal headings.

    A heading line inside a sheet (the sheet repeats its SD and OD, sometimes in the
    short form `SD 4: ...`) is followed by more cells of the sheet; a standalone heading
    is followed by a new `Maatregel` (after its title and any further headings). That is
    the only difference, so it is what decides.
    """
    standalone = _standalone_heading_lines(lines)
    blocks: list[Sheet | HeadingRun] = []
    current: Sheet | HeadingRun | None = None
    preamble: list[Line] = []
    for i, line in enumerate(lines):
        if MEASURE_START.match(line.text):
            current = Sheet(i, [line])
            blocks.append(current)
        elif i in standalone:
            if not isinstance(current, HeadingRun):
                current = HeadingRun([])
                blocks.append(current)
            current.lines.append(line)
        elif current is None:
            preamble.append(line)
        else:
            current.lines.append(line)
    unplaced = [line for line in preamble if line.text]
    if unplaced:
        plan.warn(
            unplaced[0].number, f"{len(unplaced)} line(s) before the first goal or measure left out"
        )
    return blocks


def _standalone_heading_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of standalone heading runs (heading lines and their titles)."""
    # For each line, the next line that opens a sheet or a cell (computed once, backwards).
    next_stop = [len(lines)] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        next_stop[k] = k if _starts_sheet_or_cell(lines[k].text) else next_stop[k + 1]
    result: set[int] = set()
    i = 0
    while i < len(lines):
        match = GOAL_LINE.match(lines[i].text)
        if not match or lines[i].text.startswith(("STRATEGISCHE", "OPERATIONELE")):
            i += 1
            continue
        j = next_stop[i + 1]
        if j == len(lines) or MEASURE_START.match(lines[j].text):
            result.update(range(i, j))
            i = j
        else:
            i += 1
    return result


def _starts_sheet_or_cell(text: str) -> bool:
    if MEASURE_START.match(text):
        return True
    return any(
        (regex.search(text) if not label.anchored else regex.match(text))
        for _, label, regex in COMPILED_LABELS
        if not label.keep
    )


def heading_mentions(run: HeadingRun, unplaced: list[Piece] | None = None) -> list[GoalMention]:
    return _mentions([Piece(line.number, line.text) for line in run.lines], unplaced)


# -- step 3: a sheet's cells -------------------------------------------------------------


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


# -- step 4: goals -----------------------------------------------------------------------


def _mentions(pieces: list[Piece], unplaced: list[Piece] | None = None) -> list[GoalMention]:
    """SD/OD lines with their wrapped titles, in order.

    A title wraps over a few lines at most; further text (an introduction under a
    heading) goes to `unplaced` when given, so that the caller can report it.
    """
    mentions: list[GoalMention] = []
    titles: list[list[str]] = []
    for piece in pieces:
        if not piece.text:
            continue
        match = GOAL_LINE.match(piece.text)
        if match:
            mentions.append(
                GoalMention(match["level"], match["number"], None, piece.number, piece.number)
            )
            titles.append([match["title"]])
        elif mentions and (unplaced is None or len(titles[-1]) < MAX_TITLE_LINES):
            titles[-1].append(piece.text)
            mentions[-1].last_line = piece.number
        elif unplaced is not None:
            unplaced.append(piece)
    for mention, parts in zip(mentions, titles, strict=True):
        mention.title = _clean_goal_title(join_text(parts))
    return mentions


def _clean_goal_title(title: str | None) -> str | None:
    if title is None:
        return None
    return title.strip().rstrip(".").strip() or None


class GoalIndex:
    """The plan's goals: the standalone headings, plus ODs that only a sheet names.

    A sheet's SD/OD lines are repeats of the headings and are resolved to them: by number
    when the number is a heading's, else by a title that repeats a heading's title
    (`OD 3.3` in a sheet, written under the heading `OD 3.2` with the same words; `OD
    1:` for `OD 1.1`). An OD with a well-formed number that no heading has (`OD 1.3`)
    becomes a goal of its own, reported, so that the sheet keeps all its goals.
    """

    def __init__(self, plan: ParsedPlan) -> None:
        self.plan = plan
        self.goals: dict[str, Goal] = {}
        self.created: set[str] = set()

    def has(self, key: str) -> bool:
        return key in self.goals

    def add_headings(self, run: HeadingRun) -> None:
        unplaced: list[Piece] = []
        mentions = heading_mentions(run, unplaced)
        if unplaced:
            self.plan.warn(
                unplaced[0].number,
                f"{len(unplaced)} line(s) of text under a goal heading left out: "
                f"'{_short(unplaced[0].text)}'",
            )
        for mention in mentions:
            if mention.key in self.goals:
                self.plan.warn(
                    mention.first_line, f"heading {mention.key} occurs twice; the first is kept"
                )
                continue
            title = mention.title or mention.key
            if mention.title is None:
                self.plan.warn(mention.first_line, f"heading {mention.key} has no title")
            self.goals[mention.key] = Goal(
                mention.level, mention.number, title, None, mention.first_line, mention.last_line
            )

    def resolve(self, mention: GoalMention) -> str | None:
        plan = self.plan
        goal = self.goals.get(mention.key)
        if goal is not None and mention.key not in self.created:
            if mention.title and _similarity(mention.title, goal.title) < DIFFERENT_TITLE:
                other = self._by_title(mention)
                if other and other != mention.key:
                    plan.warn(
                        mention.first_line,
                        f"measure sheet names {mention.key} with the title of {other}; read as {other}",
                    )
                    return other
                plan.warn(
                    mention.first_line,
                    f"measure sheet names {mention.key} as '{_short(mention.title)}', "
                    f"the heading reads '{_short(goal.title)}'",
                )
            return mention.key
        if goal is not None:
            return mention.key
        other = self._by_title(mention)
        if other:
            plan.warn(
                mention.first_line,
                f"measure sheet names {mention.level} {mention.number}, read as {other} "
                "(the heading with the same title)",
            )
            return other
        if GOAL_NUMBER_FORMS[mention.level].match(mention.number) and mention.title:
            self.goals[mention.key] = Goal(
                mention.level,
                mention.number,
                mention.title,
                None,
                mention.first_line,
                mention.last_line,
            )
            self.created.add(mention.key)
            plan.warn(
                mention.first_line,
                f"goal {mention.key} has no heading of its own; taken from the measure sheet",
            )
            return mention.key
        plan.warn(
            mention.first_line, f"measure sheet names {mention.key}, which is no goal of the plan"
        )
        return None

    def _by_title(self, mention: GoalMention) -> str | None:
        if not mention.title:
            return None
        scored = [
            (_similarity(mention.title, goal.title), key)
            for key, goal in self.goals.items()
            if goal.level == mention.level and key not in self.created
        ]
        scored = [item for item in scored if item[0] >= SAME_TITLE]
        return max(scored)[1] if scored else None

    def parent_of(self, key: str) -> str | None:
        goal = self.goals.get(key)
        if goal is None or goal.level != "OD":
            return None
        parent = f"SD{goal.number.split('.')[0]}"
        return parent if parent in self.goals else None

    def add_effect_indicators(self, key: str, texts: list[str]) -> None:
        goal = self.goals[key]
        known = {indicator.text for indicator in goal.indicators}
        for text in texts:
            if text not in known:
                goal.indicators.append(Indicator(text, None, classify_indicator(text), "effect"))
                known.add(text)

    def finish(self) -> None:
        for key, goal in self.goals.items():
            if goal.level == "OD":
                goal.parent = self.parent_of(key)
                if goal.parent is None:
                    self.plan.warn(goal.first_line, f"goal {key} has no SD heading above it")
        self.plan.goals = sorted(self.goals.values(), key=_goal_order)


SAME_TITLE = 0.75
DIFFERENT_TITLE = 0.2
STOPWORDS = {
    "de", "het", "een", "en", "van", "voor", "op", "in", "om", "te", "aan", "bij", "met",
    "we", "zijn", "is", "hun", "tot", "door", "dat", "die", "of", "ze", "zodat",
}  # fmt: skip


def _similarity(a: str, b: str) -> float:
    """Dice overlap of the content words (first six letters, to forgive inflection)."""
    words_a, words_b = _content_words(a), _content_words(b)
    if not words_a or not words_b:
        return 0.0
    return 2 * len(words_a & words_b) / (len(words_a) + len(words_b))


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {word[:6] for word in words if word not in STOPWORDS}


def _goal_order(goal: Goal) -> tuple:
    parts = tuple(int(p) for p in goal.number.split(".") if p.isdigit())
    return (parts[:1], 0 if goal.level == "SD" else 1, parts)


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# -- step 5: actions ---------------------------------------------------------------------


def build_action(
    sheet: Sheet, plan: ParsedPlan, index: GoalIndex, context: dict[str, str | None]
) -> Action:
    sds = _resolved(index, _mentions(sheet.cell("sd")))
    ods = _resolved(index, _mentions(sheet.cell("od")))
    _warn_unread_goal_text(sheet, plan)
    goal = ods[0] if ods else context["OD"] or (sds[0] if sds else context["SD"])
    if not ods:
        plan.warn(
            sheet.first_line,
            "measure sheet names no operational goal; placed under the heading above it",
        )
    elif context["OD"] and context["OD"] not in ods:
        plan.warn(
            sheet.first_line,
            f"measure sheet names {goal} but stands under the heading {context['OD']}",
        )
    covered = {goal} | {index.parent_of(key) for key in ods}
    also = [key for key in ods[1:] if key != goal]
    also += [key for key in sds if key not in covered and key not in also]
    rank = 1 + sum(1 for action in plan.actions if action.goal == goal)
    action_id = f"{goal}/M{rank}" if goal else f"M{len(plan.actions) + 1}"
    if goal is None:
        plan.warn(sheet.first_line, "measure sheet without a goal")

    title = join_text(sheet.texts("title"))
    if title is None:
        plan.warn(sheet.first_line, "measure sheet without a statement after 'Maatregel'")
        title = "Maatregel"
    budget_text = join_text(sheet.texts("budget"))
    milestones, leftovers = read_milestones(sheet.cell("milestones"))
    for piece in leftovers:
        plan.warn(
            piece.number,
            f"text in 'Mijlpalen' before the first year left out: '{_short(piece.text)}'",
        )
    for run in _runs(sheet.dropped_links):
        links = ", ".join(piece.text for piece in run)
        plan.warn(run[0].number, f"footnote link(s) left out: {links}")
    missing = [name for name in EXPECTED_CELLS if name not in sheet.labels]
    if missing:
        plan.warn(sheet.first_line, f"measure sheet without the cell(s): {', '.join(missing)}")
    if not milestones:
        plan.warn(sheet.first_line, "measure sheet without milestones: no timeline")

    effect_goal = sds[0] if sds else index.parent_of(goal) if goal else None
    effects = indicator_items(sheet.cell("effect"))
    if effects and effect_goal:
        index.add_effect_indicators(effect_goal, effects)
    elif effects:
        plan.warn(
            sheet.first_line, "effect indicators of a sheet without a strategic goal left out"
        )

    return Action(
        id=action_id,
        title=title,
        number=None,
        goal=goal,
        also_goals=also,
        kind="maatregel",
        description=join_text(sheet.texts("description")),
        responsible=cabinet_names(sheet.cell("responsible")),
        cooperating=cabinet_names(sheet.cell("cabinets_involved")),
        administrations=organisation_names(sheet.cell("administrations")),
        partners=organisation_names(sheet.cell("administrations_involved"))
        + organisation_names(sheet.cell("partners")),
        timeline=milestone_timeline(milestones),
        indicators=output_indicators(sheet, plan),
        budget=Budget(budget_text, parse_amount(budget_text)),
        first_line=sheet.first_line,
        last_line=sheet.last_line,
        milestones=milestones,
    )


def _runs(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces on consecutive lines grouped together."""
    runs: list[list[Piece]] = []
    for piece in pieces:
        if runs and piece.number == runs[-1][-1].number + 1:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _resolved(index: GoalIndex, mentions: list[GoalMention]) -> list[str]:
    keys: list[str] = []
    for mention in mentions:
        key = index.resolve(mention)
        if key and key not in keys:
            keys.append(key)
    return keys


def _warn_unread_goal_text(sheet: Sheet, plan: ParsedPlan) -> None:
    for name in ("sd", "od"):
        pieces = [piece for piece in sheet.cell(name) if piece.text]
        if pieces and not GOAL_LINE.match(pieces[0].text):
            plan.warn(
                pieces[0].number,
                f"text before the sheet's first {name.upper()} left out: '{_short(pieces[0].text)}'",
            )


# -- names -------------------------------------------------------------------------------

# `Welzijn, Volksgezondheid en Gezin`, `Departement Cultuur, Jeugd en Media`: one name
# whose last words are an enumeration, not a list of names.
ENUMERATION_TAIL = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+ en [A-ZÀ-Ý][a-zà-ÿ]+\b")
ENUMERATION_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+$")
# Agencies whose name has the same shape as an enumeration tail.
STANDALONE_NAMES = {"Kind en Gezin", "Zorg en Gezondheid"}
MAX_NAME_WORDS = 8
PROSE_WORDS = {
    "we", "wij", "er", "zij", "ze", "die", "dat", "wordt", "worden", "is", "zijn", "zal",
    "zullen", "kan", "kunnen", "heeft", "hebben", "waar", "ook",
}  # fmt: skip


def cabinet_names(pieces: list[Piece]) -> list[str]:
    """Cabinets: one a line in the narrow column (`Werk` / `Onderwijs`), commas split."""
    names: list[str] = []
    for piece in pieces:
        for name in split_names(piece.text):
            if name not in names:
                names.append(name)
    return names


def organisation_names(pieces: list[Piece]) -> list[str]:
    """Administrations and partners: names wrap over lines, commas separate them.

    A cell written as sentences (`Er wordt samengewerkt met ...`) is kept as its
    sentences or list items: splitting prose on commas would make up names.
    """
    texts = [piece.text for piece in pieces if piece.text]
    if not texts:
        return []
    if any(_starts_item(text) for text in texts):
        items = _labelled_items(texts)
    else:
        groups = [join_text(group) or "" for group in _name_groups(texts)]
        items = _apply_labels([(None, group) for group in groups])
    names: list[str] = []
    for label, item in items:
        parts = split_names(item)
        if _reads_as_prose(parts):
            whole = _strip_placeholder(item)
            parts = [whole] if whole else []
        inline = INLINE_LABEL.match(parts[0]) if label is None and len(parts) > 1 else None
        if inline and _is_label(inline["label"]):
            # `Vertegenwoordigers kernactoren: OCMW, CAW`: the label heads every name.
            label, parts[0] = inline["label"], inline["name"]
        for name in parts:
            # `Diensten voor sociaal tolken:` over `Atlas, In-Gent`: each name keeps its label.
            name = f"{label} {name}" if label else name
            if name not in names:
                names.append(name)
    return names


def _reads_as_prose(parts: list[str]) -> bool:
    """Long parts, or words that names do not have (`we`, `die`, `wordt`), make a sentence."""
    return any(_word_count(part) > MAX_NAME_WORDS or PROSE_WORDS & _words(part) for part in parts)


def _words(part: str) -> set[str]:
    """The words as written, the first in lower case (`Verenigingen Waar Armen` is a name)."""
    words = part.split()
    return {words[0].lower(), *words[1:]} if words else set()


def _word_count(name: str) -> int:
    """Words outside parentheses: `Vlaamse Maatschappij voor Sociaal Wonen (VMSW)` is a name."""
    return len(re.sub(r"\([^)]*\)?", " ", name).split())


def _name_groups(texts: list[str]) -> list[list[str]]:
    """Lines to names: a line that closes a parenthesis (`VMSW (... Wonen)`), that ends in a
    colon (the lead-in of a list) or that stops well short of the column's width (`Lokale
    besturen`) ends a name; a label of its own (`Vertegenwoordigers doelgroep:`) starts one."""
    width = max(len(text) for text in texts)
    groups: list[list[str]] = [[]]
    for text in texts:
        previous = groups[-1][-1] if groups[-1] else None
        if (
            previous is not None
            and text[:1].isupper()
            and (previous.endswith((")", ":")) or _stops_short(previous, width) or _is_label(text))
        ):
            groups.append([])
        groups[-1].append(text)
    return groups


def _stops_short(line: str, width: int) -> bool:
    """A line well short of a wide column ends its paragraph or name."""
    return (
        width >= WIDE_CELL
        and len(line) < PARAGRAPH_SHORT * width
        and not line.endswith((",", ":", "-", "–"))
        and line.split()[-1].lower() not in JOINING_WORDS
        and not SUSPENDED_HYPHEN.search(line)
    )


def _items_by_bullet(texts: list[str]) -> list[str]:
    return [f"{label} {text}" if label else text for label, text in _labelled_items(texts)]


def _labelled_items(texts: list[str]) -> list[tuple[str | None, str]]:
    """One item a bullet, each with the group label it stands under (or None).

    A group label is a short item ending in `:` (`1. Sensibilisering:` over `- een plan`,
    `Fase 1:` over `-Procesmatig verslag`). A short line of its own ending in `:` starts
    an item even without a bullet, and a short item ending in `:` is complete. A group
    ends at the next label, or at the next item with the label's own kind of bullet.
    """
    items: list[tuple[str | None, list[str]]] = []
    complete = False
    for text in texts:
        # `leerplichtonderwijs:` ends the label of the line before; `Fase 2:` is one.
        own_label = _is_label(text) and text[:1].isupper()
        if _starts_item(text) or not items or complete or own_label:
            items.append((_bullet_kind(text), [_strip_item_bullet(text)]))
        else:
            items[-1][1].append(text)
        complete = _is_label(join_text(items[-1][1]) or "")
    return _apply_labels([(kind, join_text(lines) or "") for kind, lines in items])


def _apply_labels(items: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """(bullet kind, text) items to (group label, text): labels head the items after them."""
    result: list[tuple[str | None, str]] = []
    label: str | None = None
    label_kind: str | None = None
    for k, (kind, text) in enumerate(items):
        following = items[k + 1] if k + 1 < len(items) else None
        if label is not None and label_kind is not None and kind == label_kind:
            label = None  # a sibling of the label closes its group
        if (
            _is_label(text)
            and following is not None
            and not _is_label(following[1])
            and (kind is None or following[0] != kind)
        ):
            label, label_kind = text, kind
            continue
        if text:
            result.append((label, text))
    return result


# `Vertegenwoordigers kernactoren: OCMW`: a label in front of the first name of a list.
INLINE_LABEL = re.compile(r"^(?P<label>[^:]+:)\s+(?P<name>\S.*)$")
# `-Procesmatig verslag`: a bullet the extraction glued to its item's first word.
GLUED_BULLET = re.compile(r"^[-–—•▪](?=[A-ZÀ-Þ])")


def _starts_item(text: str) -> bool:
    return is_bullet(text) or bool(GLUED_BULLET.match(text))


def _strip_item_bullet(text: str) -> str:
    if is_bullet(text):
        return strip_bullet(text)
    return GLUED_BULLET.sub("", text, count=1).strip()


def _is_label(text: str) -> bool:
    """`Fase 1:`, `Vorming en nascholing:`: a short text ending in a colon."""
    return text.endswith(":") and len(text) <= MAX_GROUP_LABEL


def _bullet_kind(text: str) -> str | None:
    """`-`, `•`, `1.`, `a)`: what sort of bullet opens the text (None: no bullet)."""
    found = BULLET.match(text) or GLUED_BULLET.match(text)
    if not found:
        return None
    marker = found.group().strip()
    if marker[:1].isdigit():
        return "number"
    if len(marker) > 1 and marker[:1].isalpha():
        return "letter"
    return {"–": "-", "—": "-"}.get(marker, marker)


def split_names(text: str) -> list[str]:
    """`A, B; C` to names, keeping parenthesised parts and enumeration tails whole."""
    parts = [_strip_placeholder(part) for part in _split_top_level(text)]
    parts = [part for part in parts if part]
    merged: list[str] = []
    run: list[str] = []  # single words after the last name, waiting for an enumeration tail
    for part in parts:
        if (
            ENUMERATION_TAIL.match(part)
            and part not in STANDALONE_NAMES
            and merged
            and _ends_in_word(merged[-1])
        ):
            merged[-1] = ", ".join([merged[-1], *run, part])
            run = []
            continue
        if ENUMERATION_WORD.match(part) and merged and _ends_in_word(merged[-1]):
            run.append(part)
            continue
        merged.extend(run)
        run = []
        merged.append(part)
    merged.extend(run)
    return merged


# What may follow ` en ` as the start of a second name: an organisation's head word, or
# an acronym (`AGODI`, `VMSW (Vlaamse ...)`).
SECOND_NAME_START = re.compile(r"^(?:Departement|Agentschap|Afdeling)\b|^[A-Z][A-Za-z]*[A-Z]\b")
ACRONYM_IN_PARENTHESES = re.compile(r"\([A-Z]{2,}\)$")


def split_joined_names(actions: list[Action]) -> None:
    """`Integratie en Inburgering en Onderwijs`: two names the narrow column joined with
    `en`. A name is cut at an ` en ` where the part before it is a name the document uses
    on its own elsewhere and the part after it is one too, or plainly starts a new name
    (`Departement ...`, an acronym). `Kind en Gezin` stays whole: `Kind` is no name."""
    groups = (("responsible", "cooperating"), ("administrations", "partners"))
    for fields in groups:
        known = {name for action in actions for f in fields for name in getattr(action, f)}
        for action in actions:
            for f in fields:
                names: list[str] = []
                for name in getattr(action, f):
                    for part in _split_at_en(name, known):
                        if part not in names:
                            names.append(part)
                setattr(action, f, names)


def _split_at_en(name: str, known: set[str]) -> list[str]:
    for found in re.finditer(r"\s+en\s+", name):
        left, right = name[: found.start()], name[found.end() :]
        if left in known and (
            right in known or SECOND_NAME_START.match(right) or ACRONYM_IN_PARENTHESES.search(right)
        ):
            return [left, *_split_at_en(right, known)]
    return [name]


def _ends_in_word(name: str) -> bool:
    """The name ends in a capitalised word that an enumeration can continue (not `VDAB`)."""
    last = name.split()[-1]
    return bool(re.match(r"^[A-ZÀ-Ý][a-zà-ÿ]+$", last))


def _split_top_level(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _strip_placeholder(text: str) -> str:
    text = " ".join(text.split()).strip(" .…")
    if BULLET.match(text + " "):
        text = strip_bullet(text + " ")
    return "" if text.lower() in PLACEHOLDERS else text


# -- indicators --------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?;]$")
PARAGRAPH_SHORT = 0.6
# A group label over a list (`Vertegenwoordigers doelgroep en basisactoren:`) is at most
# this long; a longer text ending in a colon is a sentence that leads into the list.
MAX_GROUP_LABEL = 50
# `Doorstroom- (naar acties)` / `Uitstroomindicatoren`: a suspended compound goes on.
SUSPENDED_HYPHEN = re.compile(r"\w-\s")
WIDE_CELL = 35
JOINING_WORDS = {
    "en",
    "of",
    "van",
    "de",
    "het",
    "een",
    "voor",
    "met",
    "in",
    "op",
    "aan",
    "naar",
    "tot",
}


def indicator_items(pieces: list[Piece]) -> list[str]:
    """One entry per bullet or paragraph of an indicator cell.

    Blank lines do not separate paragraphs in this extraction (every wrapped line may be
    followed by one), so a paragraph ends where a line ends a sentence and the next one
    starts with a capital, or, in a wide cell, where a line stops well short of the
    cell's width.
    """
    texts = [piece.text for piece in pieces if piece.text]
    if not texts:
        return []
    if any(_starts_item(text) for text in texts):
        items = _items_by_bullet(texts)
    else:
        items = [join_text(group) or "" for group in _paragraphs(texts)]
    return [item for item in (_strip_placeholder(i) and " ".join(i.split()) for i in items) if item]


def _paragraphs(texts: list[str]) -> list[list[str]]:
    width = max(len(text) for text in texts)
    groups: list[list[str]] = [[texts[0]]]
    for previous, text in zip(texts, texts[1:], strict=False):
        opens = text[:1].isupper() or text[:1].isdigit()
        if opens and (SENTENCE_END.search(previous) or _stops_short(previous, width)):
            groups.append([text])
        else:
            groups[-1].append(text)
    return groups


def output_indicators(sheet: Sheet, plan: ParsedPlan) -> list[Indicator]:
    """Output indicators, each with the sheet's `Streefwaarde` as its target.

    The target column is one cell for all indicators of the sheet: with as many target
    paragraphs as indicators they are paired, otherwise every indicator gets the whole
    target text.
    """
    texts = indicator_items(sheet.cell("output"))
    target_pieces = sheet.cell("target")
    target_text = join_text([piece.text for piece in target_pieces])
    if target_text and target_text.strip().lower() in NO_TARGET:
        target_text = None
    if not texts:
        if target_text:
            plan.warn(
                target_pieces[0].number,
                "Streefwaarde without an output indicator; kept as the indicator",
            )
            return [Indicator(target_text, target_text, classify_indicator(target_text), "output")]
        return []
    targets: list[str | None] = [target_text] * len(texts)
    if target_text and len(texts) > 1:
        paragraphs = indicator_items(target_pieces)
        if len(paragraphs) == len(texts):
            targets = list(paragraphs)
    return [
        Indicator(text, target, classify_indicator(text), "output")
        for text, target in zip(texts, targets, strict=True)
    ]


# -- milestones --------------------------------------------------------------------------

YEAR_ROW = re.compile(
    r"^(?P<year>20\d\d)(?:\s*[-–]\s*(?P<until>20\d\d))?(?=[\s(:]|$)\s*:?\s*(?P<rest>.*)$"
)
# The `Geschatte personeelsinzet (VTE)` column, glued into the milestone text.
STAFFING_PHRASE = re.compile(
    r"\s*wisselende\s+VTE[- ]inzet\s+bij\s+verschillende\s+partners\b\.?", re.I
)
STAFFING_WORD = re.compile(r"\b(?:VTE|FTE|mensdagen)\b|\d(?:VTE|FTE)\b", re.I)
STAFFING_AMOUNT = re.compile(r"(?:\+/-\s*)?\d+(?:[.,]\d+)?\s*%?\s*(?:VTE|FTE|mensdagen)\b", re.I)


@dataclass
class _Row:
    year: int
    until: int | None
    number: int
    text: list[str] = field(default_factory=list)
    staffing: list[str] = field(default_factory=list)


def read_milestones(pieces: list[Piece]) -> tuple[list[Milestone], list[Piece]]:
    """`Mijlpalen` rows to milestones with a `year` (and `until` for a span of years).

    A row starts with its year at the start of a line; years go up, so a year that does
    not (`... per 1 september` / `2019`) continues the row before. The staffing column
    (`Geschatte personeelsinzet (VTE)`) was glued into the rows: a statement of VTE, FTE
    or person-days is taken out of the text into `staffing`. Empty rows are left out.
    Returns the milestones and the pieces before the first year.
    """
    rows: list[_Row] = []
    leftovers: list[Piece] = []
    staffing_open = False
    for piece in pieces:
        text = piece.text
        if not text:
            continue
        match = YEAR_ROW.match(text)
        last = rows[-1] if rows else None
        if match and (last is None or int(match["year"]) > (last.until or last.year)):
            row = _Row(
                int(match["year"]), int(match["until"]) if match["until"] else None, piece.number
            )
            rows.append(row)
            staffing_open = _take_staffing(row, match["rest"], first=True, open_before=False)
            continue
        if last is None:
            leftovers.append(piece)
            continue
        staffing_open = _take_staffing(last, text, first=False, open_before=staffing_open)
    milestones = []
    for row in rows:
        text = join_text(row.text)
        staffing = join_text(row.staffing)
        if text is None and staffing is None:
            continue
        milestones.append(Milestone(text, None, row.year, row.until, staffing))
    return milestones, leftovers


def _take_staffing(row: _Row, text: str, *, first: bool, open_before: bool) -> bool:
    """Split one line of a row into milestone text and staffing; True if staffing runs on."""
    if not text:
        return False
    if open_before and (text[:1].islower() or text[:1].isdigit() or text.startswith(")")):
        row.staffing.append(text)
        return _runs_on(" ".join(row.staffing))
    phrase = STAFFING_PHRASE.search(text)
    if phrase:
        row.staffing.append(phrase.group().strip())
        text = (text[: phrase.start()] + text[phrase.end() :]).strip()
        if text:
            row.text.append(text)
        return False
    if not STAFFING_WORD.search(text):
        row.text.append(text)
        return False
    amount = STAFFING_AMOUNT.search(text)
    start = amount.start() if (first and amount) else 0
    if first and amount is None:
        row.text.append(text)
        return False
    before, staffing = text[:start].strip(), text[start:].strip()
    if before:
        row.text.append(before)
    row.staffing.append(staffing)
    return _runs_on(staffing)


def _runs_on(text: str) -> bool:
    return text.count("(") > text.count(")") or not re.search(r"[.)]$", text)


def milestone_timeline(milestones: list[Milestone]) -> Timeline:
    years = [m.year for m in milestones if m.year is not None]
    if not years:
        return Timeline()
    first = min(years)
    last = max(m.until or m.year for m in milestones if m.year is not None)
    text = str(first) if first == last else f"{first} - {last}"
    return Timeline(text, f"{first}-01-01", f"{last}-12-31")


# -- plan --------------------------------------------------------------------------------


def _title_from_field_and_period(plan: ParsedPlan) -> str | None:
    """A document without a title of its own: `Actieplan integratie en inburgering 2016-2019`."""
    if plan.policy_field is None:
        return None
    title = f"Actieplan {plan.policy_field.lower()}"
    if plan.period_start and plan.period_end:
        title += f" {plan.period_start}-{plan.period_end}"
    return title
