"""The action-plan layout: numbered goal headings with `Actie N.` blocks under them.

    2.1 HD 1: WE VERSTERKEN ...          a goal heading (level label optional)
    2.1.1 OD 1.1: Er bestaat ...         a sub-goal heading
    Actie 1. Begeleidingstraject ...     an action: title, free text, then labelled
    Verantwoordelijke minister(s) ...    fields (see ACTION_LABELS)

The parse runs in named steps: find the goal headings (`find_headings`), cut the text
into goal and action blocks (`segment`), read each goal (`read_goal`) and action
(`read_action`), link goals to their parents (`link_parents`). Source line numbers travel
with every block, and whatever cannot be placed becomes a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beleidsmonitor.ingest.fields import Field, Label, LabelTable, split_fields
from beleidsmonitor.ingest.indicators import make_indicator
from beleidsmonitor.ingest.metadata import guess_period, guess_policy_field, guess_title
from beleidsmonitor.ingest.records import Action, Goal, Line, ParsedPlan
from beleidsmonitor.ingest.text import is_bullet, join_text, split_items, strip_bullet
from beleidsmonitor.ingest.timeline import normalise_timeline

ACTION_START = re.compile(
    r"^Actie\s+(?P<number>\d+)\s*(?:[.:]\s*|\s+(?=[A-ZÀ-Þ‘“'\"])|$)(?P<title>.*)$"
)
SECTION_HEADING = re.compile(
    r"^(?P<section>\d+(?:\.\d+)+)\.?\s+"
    r"(?:(?P<level>HD|SD|OD)\s*(?P<number>\d+(?:\.\d+)*)\b\s*[:.]?\s*)?(?P<title>.*)$"
)
BARE_GOAL_HEADING = re.compile(
    r"^(?P<level>HD|SD|OD)\s*(?P<number>\d+(?:\.\d+)*)\s*[:.]?\s+(?P<title>\S.*)$"
)
# `3 BIJLAGEN`: a chapter title in capitals, words only (`4 VTE`, `3 VR 2025 DOC.0175`
# are a number with a unit or a stray footnote, not a chapter).
CHAPTER_HEADING = re.compile(r"^(?P<number>\d{1,2})\.?\s+(?P<title>[A-ZÀ-Þ][A-ZÀ-Þ’'\- ]{5,})$")
# Goal levels from the top down; a level's parent is the one before it in its chain.
PARENT_LEVEL = {"OD": ("SD", "HD")}
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
# Sub-headings inside a goal's text that open a table about other plans, not this one.
GOAL_ASIDES = (
    re.compile(r"^Acties\s+gelinkt\s+aan\s+deze\s+doelstelling", re.I),
    re.compile(r"^Acties\s+(?:uit|in)\s+andere\s+(?:horizontale\s+)?plannen", re.I),
)
# A title ending in one of these words (or a comma, hyphen, open bracket) goes on.
CONNECTORS = {
    "aan", "als", "bij", "binnen", "de", "den", "der", "door", "een", "en", "het", "in",
    "met", "na", "naar", "of", "om", "onder", "op", "over", "per", "rond", "rondom", "te",
    "tegen", "ten", "ter", "tot", "tussen", "uit", "van", "via", "voor", "zonder", "zoals",
}  # fmt: skip
MAX_TITLE_GAP = 1
SHORT_LINE_SHARE = 0.6

ACTION_LABELS = LabelTable(
    [
        Label("responsible", (r"verantwoordelijke?", r"minister(?:\(s\)|s)?")),
        Label("cooperating", (r"in", r"samenwerking", r"met"), strict=True),
        Label("timeline", (r"tijdspad",)),
        Label("indicators", (r"indicator(?:\(en\)|en)?",), glued=True),
        Label("objectives", (r"doelstellingen",), strict=True),
        Label("results", (r"beoogde", r"resultaten"), strict=True),
    ]
)
FIELD_NAMES = {
    "responsible": "Verantwoordelijke minister(s)",
    "cooperating": "In samenwerking met",
    "timeline": "Tijdspad",
    "indicators": "Indicator(en)",
    "objectives": "Doelstellingen",
    "results": "Beoogde resultaten",
}
REQUIRED_FIELDS = ("responsible", "timeline", "indicators")


@dataclass
class Heading:
    """A goal heading as found: where it is, what it says, and its level where labelled."""

    index: int
    last_index: int
    section: str | None
    level: str | None
    number: str | None
    title: str
    lines: list[int] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # "goal" or "action"
    lines: list[Line]
    heading: Heading | None = None


def parse_action_plan(lines: list[Line]) -> ParsedPlan:
    period_start, period_end = guess_period(lines)
    plan = ParsedPlan(
        title=guess_title(lines),
        kind="actieplan",
        policy_field=guess_policy_field(lines),
        period_start=period_start,
        period_end=period_end,
    )
    headings = find_headings(lines, plan)
    blocks = segment(lines, headings, plan)
    current_goal: Goal | None = None
    seen_numbers: set[str] = set()
    for block in blocks:
        if block.kind == "goal" and block.heading is not None:
            goal = read_goal(block, plan)
            known = plan.goal_by_id(goal.id)
            if known is not None:
                # A goal id names one goal; a repeated heading adds to the first.
                plan.warn(
                    goal.first_line,
                    f"heading {goal.id} repeats the one on line {known.first_line}; "
                    "what follows is read as part of that goal",
                )
                known.text = join_text([known.text or "", goal.text or ""])
                current_goal = known
                continue
            current_goal = goal
            plan.goals.append(goal)
            continue
        action = read_action(block, plan)
        if action is None:
            continue
        if current_goal is None:
            plan.warn(action.first_line, f"action {action.number} stands before any goal heading")
        else:
            action.goal = current_goal.id
        _check_action_number(action, seen_numbers, plan)
        plan.actions.append(action)
    link_parents(plan, headings)
    return plan


# --- headings -------------------------------------------------------------------------


def find_headings(lines: list[Line], plan: ParsedPlan) -> list[Heading]:
    """Goal headings in document order, unlabelled ones given the level their place implies."""
    labelled = [_labelled_heading(lines, i) for i in range(len(lines))]
    depth_levels: dict[int, str] = {}
    chapters: set[str] = set()
    for heading in labelled:
        if heading and heading.section:
            depth_levels.setdefault(heading.section.count(".") + 1, heading.level or "")
            chapters.add(heading.section.split(".")[0])
    headings: list[Heading] = []
    last_section_at: dict[int, str] = {}
    for index in range(len(lines)):
        heading = labelled[index]
        if heading is None:
            heading = _unlabelled_heading(lines, index, depth_levels, chapters, last_section_at)
        if heading is None:
            continue
        if headings and heading.index <= headings[-1].last_index:
            continue  # a title line of the heading before
        if heading.section:
            depth = heading.section.count(".") + 1
            last_section_at[depth] = heading.section
            for deeper in [d for d in last_section_at if d > depth]:
                del last_section_at[deeper]
        headings.append(heading)
    for heading in headings:
        if heading.number is None:
            _number_unlabelled(heading, headings)
            plan.warn(
                heading.lines[0],
                f"heading '{heading.section} {heading.title[:60]}' has no level label; "
                f"read as {heading.level} {heading.number} from its place",
            )
    return headings


def _labelled_heading(lines: list[Line], index: int) -> Heading | None:
    text = lines[index].text
    found = SECTION_HEADING.match(text)
    if found and found.group("level"):
        section = found.group("section")
    else:
        found = BARE_GOAL_HEADING.match(text)
        section = None
    if not found or not found.group("level"):
        return None
    title_parts, last = _title_lines(lines, index, found.group("title").strip())
    return Heading(
        index=index,
        last_index=last,
        section=section,
        level=found.group("level"),
        number=found.group("number"),
        title=join_text(title_parts) or "",
        lines=[lines[index].number, lines[last].number],
    )


def _unlabelled_heading(
    lines: list[Line],
    index: int,
    depth_levels: dict[int, str],
    chapters: set[str],
    last_section_at: dict[int, str],
) -> Heading | None:
    """`2.4 WE STREVEN NAAR ...`: a numbered heading in the goals chapter, next in sequence."""
    found = SECTION_HEADING.match(lines[index].text)
    if not found or found.group("level"):
        return None
    section, title = found.group("section"), found.group("title").strip()
    depth = section.count(".") + 1
    if depth not in depth_levels or section.split(".")[0] not in chapters:
        return None
    if not title[:1].isupper() or not _next_in_sequence(section, last_section_at):
        return None
    title_parts, last = _title_lines(lines, index, title)
    return Heading(
        index=index,
        last_index=last,
        section=section,
        level=depth_levels[depth],
        number=None,
        title=join_text(title_parts) or "",
        lines=[lines[index].number, lines[last].number],
    )


def _next_in_sequence(section: str, last_section_at: dict[int, str]) -> bool:
    parts = section.split(".")
    depth = len(parts)
    parent = ".".join(parts[:-1])
    previous = last_section_at.get(depth)
    if previous and previous.rsplit(".", 1)[0] == parent:
        return int(parts[-1]) == int(previous.rsplit(".", 1)[1]) + 1
    parent_seen = last_section_at.get(depth - 1)
    return parts[-1] == "1" and (depth == 2 or parent_seen == parent)


def _number_unlabelled(heading: Heading, headings: list[Heading]) -> None:
    """Give an unlabelled heading the number that follows its siblings under its parent."""
    position = headings.index(heading)
    parent_levels = PARENT_LEVEL.get(heading.level or "", ())
    parent = next((h for h in reversed(headings[:position]) if h.level in parent_levels), None)
    siblings = [
        h
        for h in headings[:position]
        if h.level == heading.level and (parent is None or h.index > parent.index)
    ]
    prefix = f"{parent.number}." if parent and parent.number else ""
    last = siblings[-1].number.rsplit(".", 1)[-1] if siblings and siblings[-1].number else "0"
    fallback = heading.section.rsplit(".", 1)[-1] if heading.section else "1"
    heading.number = f"{prefix}{int(last) + 1}" if last.isdigit() else prefix + fallback


def _title_lines(lines: list[Line], index: int, first: str) -> tuple[list[str], int]:
    """The title's lines: the heading line and the lines that continue it."""
    parts = [first] if first else []
    last = index
    j = index + 1
    while j < len(lines):
        k = j
        gap = 0
        while k < len(lines) and not lines[k].text and gap <= MAX_TITLE_GAP:
            k += 1
            gap += 1
        if k >= len(lines) or gap > MAX_TITLE_GAP or not lines[k].text:
            break
        if not parts and gap:
            break  # a heading with no title of its own takes only the line right under it
        candidate = lines[k].text
        if _is_structural(lines, k) or not _continues_title(join_text(parts) or "", candidate):
            break
        parts.append(candidate)
        last = k
        j = k + 1
    return parts, last


def _continues_title(title: str, following: str) -> bool:
    if not title:
        return True
    if _is_capitals(title) and _is_capitals(following):
        return True
    if following[:1].islower():
        return True
    last_word = title.split()[-1].lower()
    return title[-1] in ",-–(/" or last_word in CONNECTORS


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_structural(lines: list[Line], index: int) -> bool:
    """A line that starts something else: a heading, an action, a field label."""
    text = lines[index].text
    return bool(
        ACTION_START.match(text)
        or SECTION_HEADING.match(text)
        or BARE_GOAL_HEADING.match(text)
        or ACTION_LABELS.match(lines, index)
    )


# --- segmentation ---------------------------------------------------------------------


def segment(lines: list[Line], headings: list[Heading], plan: ParsedPlan) -> list[Block]:
    """Goal and action blocks from the first goal heading or action on.

    The introduction before it is not part of the goals. The next top-level chapter (an
    annex) ends the goals part; it is reported, not read.
    """
    heading_at = {h.index: h for h in headings}
    starts = [h.index for h in headings] + [
        i for i, line in enumerate(lines) if ACTION_START.match(line.text)
    ]
    if not starts:
        return []
    first = min(starts)
    goals_chapter = _chapter_of(headings)
    blocks: list[Block] = []
    index = first
    while index < len(lines):
        line = lines[index]
        if index in heading_at:
            heading = heading_at[index]
            blocks.append(Block("goal", [], heading))
            index = heading.last_index + 1
            continue
        if ACTION_START.match(line.text) and not _inside_heading(index, headings):
            blocks.append(Block("action", [line]))
            index += 1
            continue
        chapter = CHAPTER_HEADING.match(line.text)
        if (
            chapter
            and goals_chapter is not None
            and int(chapter.group("number")) == goals_chapter + 1
        ):
            rest = [ln for ln in lines[index:] if ln.text]
            plan.warn(
                line.number,
                f"chapter '{line.text[:60]}' after the goals is not read "
                f"(lines {line.number}-{rest[-1].number})",
            )
            break
        if blocks:
            blocks[-1].lines.append(line)
        index += 1
    return blocks


def _chapter_of(headings: list[Heading]) -> int | None:
    for heading in headings:
        if heading.section:
            return int(heading.section.split(".")[0])
    return None


def _inside_heading(index: int, headings: list[Heading]) -> bool:
    return any(h.index < index <= h.last_index for h in headings)


# --- goals ----------------------------------------------------------------------------


def read_goal(block: Block, plan: ParsedPlan) -> Goal:
    heading = block.heading
    assert heading is not None
    text_lines = block.lines
    for position, line in enumerate(block.lines):
        if any(aside.match(line.text) for aside in GOAL_ASIDES):
            text_lines = block.lines[:position]
            rest = [ln for ln in block.lines[position:] if ln.text]
            plan.warn(
                line.number,
                f"table '{line.text[:70]}' (lines {rest[0].number}-{rest[-1].number}) "
                "is not read: it points to other plans",
            )
            break
    title = heading.title
    if not title:
        # The label is all the document gives; a goal is never stored without a title.
        title = f"{heading.level} {heading.number}"
        plan.warn(heading.lines[0], f"goal {title} has no title")
    return Goal(
        level=heading.level or "",
        number=heading.number or "",
        title=title,
        first_line=heading.lines[0],
        last_line=heading.lines[-1],
        text=join_text([line.text for line in _without_links(text_lines, plan)]),
    )


def link_parents(plan: ParsedPlan, headings: list[Heading]) -> None:
    """A goal's parent is named by its number (`OD 3.1` belongs to HD 3) where that goal
    exists; otherwise it is the goal above it in the document. A number that disagrees
    with the place is reported."""
    sections = {(h.level, h.number): h.section for h in headings}
    for position, goal in enumerate(plan.goals):
        parent_levels = PARENT_LEVEL.get(goal.level, ())
        if not parent_levels:
            continue
        by_place = next(
            (g for g in reversed(plan.goals[:position]) if g.level in parent_levels), None
        )
        by_number = None
        if "." in goal.number:
            wanted = goal.number.rsplit(".", 1)[0]
            by_number = next(
                (g for g in plan.goals if g.level in parent_levels and g.number == wanted), None
            )
        parent = by_number or by_place
        goal.parent = parent.id if parent else None
        if by_number and by_place and by_number is not by_place:
            section = sections.get((goal.level, goal.number))
            plan.warn(
                goal.first_line,
                f"{goal.id} stands under {by_place.id}"
                + (f" (section {section})" if section else "")
                + f" but its number points to {by_number.id}; linked to {by_number.id}",
            )
        elif by_number is None and "." in goal.number and by_place:
            plan.warn(
                goal.first_line,
                f"{goal.id}: no goal numbered {goal.number.rsplit('.', 1)[0]} in the document; "
                f"linked to {by_place.id}, the goal above it",
            )
        elif parent is None:
            plan.warn(goal.first_line, f"{goal.id} has no parent goal")


# --- actions --------------------------------------------------------------------------


def read_action(block: Block, plan: ParsedPlan) -> Action | None:
    first = block.lines[0]
    start = ACTION_START.match(first.text)
    if start is None:
        return None
    number = start.group("number")
    title = start.group("title").strip()
    lines = [Line(first.number, title, first.page_start)] + block.lines[1:]
    title_parts, last_title = _title_lines(lines, 0, title)
    body = _without_links(lines[last_title + 1 :], plan)
    action = Action(
        id=f"A{number}",
        number=number,
        title=join_text(title_parts) or "",
        kind="actie",
        first_line=first.number,
        last_line=max([ln.number for ln in block.lines if ln.text] or [first.number]),
    )
    if not action.title:
        # The heading is all the document gives; an action is never stored without a title.
        action.title = f"Actie {number}"
        plan.warn(first.number, f"action {number} has no title")
    fields = split_fields(body, ACTION_LABELS)
    description = fields[0].texts()
    seen: dict[str, Field] = {}
    for item in fields[1:]:
        name = item.name or ""
        if name in seen:
            plan.warn(
                item.first_line,
                f"action {number}: a second '{FIELD_NAMES[name]}' label; its value is added",
            )
        seen[name] = item
        if item.is_empty():
            plan.warn(item.first_line, f"action {number}: '{FIELD_NAMES[name]}' has no value")
            continue
        description += _fill_field(action, item, plan)
    action.description = join_text(description)
    for name in REQUIRED_FIELDS:
        if name not in seen:
            plan.warn(first.number, f"action {number} without {_field_phrase(name)}")
    return action


def _fill_field(action: Action, item: Field, plan: ParsedPlan) -> list[str]:
    """Put a field's value on the action; returns free text that belongs to the description."""
    texts = item.texts()
    if item.name in ("objectives", "results"):
        entries, trailing = list_entries(texts)
        target = action.objectives if item.name == "objectives" else action.results
        target.extend(entries)
        return [""] + trailing if trailing else []
    if item.name in ("responsible", "cooperating"):
        target = action.responsible if item.name == "responsible" else action.cooperating
        target.extend(split_actors(texts))
        return []
    if item.name == "timeline":
        text = timeline_text(texts)
        repeated = collapse_repeat(text)
        if repeated != text:
            plan.warn(item.first_line, f"action {action.number}: timeline text repeated; read once")
            text = repeated
        if action.timeline.text:
            text = f"{action.timeline.text}; {text}"
        action.timeline = normalise_timeline(text, plan.period_start, plan.period_end)
        no_dates = action.timeline.start is None and action.timeline.end is None
        if no_dates and text and re.search(r"\b(?:19|20)\d\d\b", text):
            plan.warn(
                item.first_line, f"action {action.number}: no dates read from timeline '{text}'"
            )
        return []
    if item.name == "indicators":
        entries, trailing = list_entries(texts)
        action.indicators.extend(make_indicator(entry) for entry in entries + trailing)
        return []
    return []


def _field_phrase(name: str) -> str:
    return {
        "responsible": "a responsible minister",
        "timeline": "a timeline",
        "indicators": "indicators",
    }.get(name, FIELD_NAMES.get(name, name))


def _check_action_number(action: Action, seen: set[str], plan: ParsedPlan) -> None:
    number = action.number or ""
    if number in seen:
        plan.warn(action.first_line, f"action number {number} used twice")
        suffix = 2
        while f"A{number}-{suffix}" in {a.id for a in plan.actions}:
            suffix += 1
        action.id = f"A{number}-{suffix}"
    elif plan.actions and number.isdigit():
        previous = plan.actions[-1].number or ""
        if previous.isdigit() and int(number) != int(previous) + 1:
            plan.warn(action.first_line, f"action {number} follows action {previous}")
    seen.add(number)


def _without_links(lines: list[Line], plan: ParsedPlan) -> list[Line]:
    """Bare web addresses on a line of their own are footnote links that lost their number."""
    kept = []
    for line in lines:
        if URL_LINE.match(line.text):
            plan.warn(
                line.number, f"link on a line of its own left out (a footnote?): {line.text[:80]}"
            )
            continue
        kept.append(line)
    return kept


# --- values ---------------------------------------------------------------------------


def list_entries(parts: list[str]) -> tuple[list[str], list[str]]:
    """A field's lines as list entries, plus a trailing paragraph of free text (if any).

    Bulleted lists: one entry a bullet, wrapped and blank-separated lines joined; a short
    line ending in `:` is a group label put before the entries under it (`Cultuur: ...`);
    a capitalised paragraph after a blank line, once an entry has ended its sentence, is
    free text that follows the list. Unbulleted lists: one entry a line unless the line
    continues the one before (see `_continues_entry`).
    """
    if any(is_bullet(p.strip()) for p in parts if p.strip()):
        return _bulleted_entries(parts)
    return _unbulleted_entries(parts), []


def _bulleted_entries(parts: list[str]) -> tuple[list[str], list[str]]:
    entries: list[list[str]] = []
    group: str | None = None
    current: list[str] | None = None
    trailing: list[str] = []
    after_blank = False
    for raw in parts:
        part = raw.strip()
        if trailing:
            trailing.append(part)
            continue
        if not part:
            after_blank = True
            continue
        if is_bullet(part):
            current = [group, strip_bullet(part)] if group else [strip_bullet(part)]
            entries.append(current)
        elif part.endswith(":") and len(part) <= 40:
            group, current = part, None
        elif current is None:
            current = [part]
            entries.append(current)
        elif after_blank and part[:1].isupper() and _ends_sentence(current[-1]):
            trailing.append(part)
        else:
            current.append(part)
        after_blank = False
    joined = [join_text(entry) for entry in entries]
    return [entry for entry in joined if entry], trailing


def _unbulleted_entries(parts: list[str]) -> list[str]:
    texts = [p.strip() for p in parts if p.strip()]
    widest = max((len(t) for t in texts), default=0)
    entries: list[list[str]] = []
    blank_before = False
    for raw in parts:
        part = raw.strip()
        if not part:
            blank_before = True
            continue
        if entries and _continues_entry(entries[-1], part, widest, blank_before):
            entries[-1].append(part)
        else:
            entries.append([part])
        blank_before = False
    joined = [join_text(entry) for entry in entries]
    return [entry for entry in joined if entry]


def _continues_entry(entry: list[str], part: str, widest: int, blank_before: bool) -> bool:
    previous = entry[-1]
    if part[:1].islower():
        return True
    words = previous.split()
    if previous[-1] in ",-–(/" or (words and words[-1].lower() in CONNECTORS):
        return True
    so_far = " ".join(entry)
    if so_far.count("(") > so_far.count(")"):
        return True
    if blank_before or _ends_sentence(previous):
        return False
    # A line that filled the column wrapped; a short one ended its entry.
    return len(previous) >= SHORT_LINE_SHARE * widest and len(previous) >= 40


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?"


def split_actors(parts: list[str]) -> list[str]:
    """Minister lists: one entry a bullet or a line; `A, B en C` on one line are three."""
    if any(is_bullet(p.strip()) for p in parts if p.strip()):
        entries = split_items(parts)
    else:
        entries = []
        for raw in parts:
            part = raw.strip()
            if not part:
                continue
            if entries and (part[:1].islower() or _ends_with_connector(entries[-1])):
                entries[-1] = join_text([entries[-1], part]) or entries[-1]
            else:
                entries.append(part)
    actors = []
    for entry in entries:
        for name in re.split(r",\s*(?=minister\b)|\s+en\s+(?=minister\b)", entry, flags=re.I):
            name = name.strip().rstrip(".,;").strip()
            if name:
                actors.append(name)
    return actors


def _ends_with_connector(text: str) -> bool:
    words = text.split()
    return bool(words) and (text[-1] in ",-–(/" or words[-1].lower() in CONNECTORS)


def timeline_text(parts: list[str]) -> str | None:
    """A timeline's lines as one text; a bulleted timeline keeps its items apart with `;`."""
    if any(is_bullet(p.strip()) for p in parts if p.strip()):
        return "; ".join(split_items(parts)) or None
    return join_text(parts)


def collapse_repeat(text: str | None) -> str | None:
    """`2025-2029 2025-2029` → `2025-2029`: the same value extracted twice."""
    if not text:
        return text
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text
