"""Lists of initiatives to actions: the regulatory agenda of a policy note and the annex
`Overzicht beleids- en regelgevingsinitiatieven` of a progress report.

A chapter is read as groups of lines between headings. A numbered category heading
(`1. Uitgevoerde beleidsinitiatieven`, `2. Decreetsevaluaties ...`) sets the category and
with it the kind of the initiatives (`CATEGORY_KINDS`); an SD heading sets their goal.
A group is then one of two shapes:

- a bulleted list: one initiative a bullet. Sub-bullets (`o`) under a bullet make
  initiatives of their own; the bullet above them (`Innovatieve initiatieven ...
  ondersteund:`) is their group and goes into their `category`;
- field blocks: an initiative's name, then labelled fields found with one table of labels
  (`FIELD_LABELS`: `Titel`, `(Korte) omschrijving`, `Uitvoering van de vooropgestelde
  planning`, `Betrokken entiteiten`). A label already filled in opens the next initiative,
  whose name is the paragraph just above it. A short paragraph that no field follows is a
  group heading (`Gelijke Kansen`, `Lopende evaluaties: Gelijke Kansen`).

A policy note's regulatory agenda groups its items by policy domain, not by goal: a group
heading that names the label of exactly one SD (`Gelijke Kansen` for SD 3 ‘Gelijke
Kansen’) links its items to that SD, with a warning that the link is inferred.

Ids follow the spec for actions a document does not number: the goal's id, a letter for
the kind and the rank under that goal (`SD3/R2`, `SD1/B4`, `SD2/O1`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from beleidsmonitor.ingest.objectives import (
    GOAL_HEADING,
    NOTHING,
    Chapter,
    parse_goal_heading,
    tidy_title,
)
from beleidsmonitor.ingest.records import Action, Goal, Line, Milestone, ParsedPlan, Timeline
from beleidsmonitor.ingest.text import join_text

CATEGORY = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<title>[A-ZÀ-Ý].*)$")
# First match wins: `Decreetsevaluaties` are about regulation before they are evaluations.
CATEGORY_KINDS = (
    ("regelgevingsinitiatief", re.compile(r"decre|besluit|regelgev|reglement", re.I)),
    ("onderzoeksinitiatief", re.compile(r"onderzoek|evaluatie|monitoring", re.I)),
    ("beleidsinitiatief", re.compile(r"beleidsinitiatie", re.I)),
)
AGENDA = re.compile(r"REGELGEVINGSAGENDA|REGLEMENTAIRE\s+AGENDA", re.I)
KIND_LETTERS = {
    "beleidsinitiatief": "B",
    "regelgevingsinitiatief": "R",
    "onderzoeksinitiatief": "O",
}

TOP_BULLET = re.compile(r"^[-•●–—*]\s+")
SUB_BULLET = re.compile(r"^[o◦▪▫]\s+")
REFERENCE = re.compile(
    r"^(?:cf\.?|zie)\s+(?:supra|infra|hoger|lager)\b|\b(?:zie|cf\.?)\s+(?:supra|infra)\.?$", re.I
)
MILESTONE_DATE = re.compile(
    r"^(?P<text>.+?)\s*:\s*(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\.?$"
)


@dataclass(frozen=True)
class FieldLabel:
    field: str
    pattern: re.Pattern[str]


def _label(words: str) -> re.Pattern[str]:
    return re.compile(rf"^{words}\s*(?::\s*(?P<rest>.*))?$", re.I)


# A label is its words alone on a line, or followed by a colon and the value; the planning
# label may carry a parenthesis that runs on over the next lines.
FIELD_LABELS = (
    FieldLabel("official_title", _label(r"titel")),
    FieldLabel("description", _label(r"(?:korte\s+)?omschrijving")),
    FieldLabel(
        "planning",
        _label(
            r"(?:uitvoering\s+van\s+de\s+(?:vooropgestelde\s+)?planning(?:\s+van\s+het\s+initiatief)?"
            r"|planning|timing)(?:\s*\(.*)?"
        ),
    ),
    FieldLabel(
        "partners",
        _label(
            r"betrokken\s+(?:entiteiten|partners|administraties|actoren)"
            r"(?:\s+van\s+de\s+vlaamse\s+overheid)?"
        ),
    ),
    FieldLabel(
        "responsible",
        _label(r"(?:verantwoordelijke|bevoegde)\s+(?:minister|entiteit)(?:s|en|\(s\))?"),
    ),
)
MAX_LABEL_WORDS = 14
MAX_LABEL_LINES = 3


# ---------------------------------------------------------------- reading a chapter


@dataclass
class _Group:
    category: str | None
    kind: str
    goal: str | None
    lines: list[Line] = field(default_factory=list)


def read_initiatives(
    chapter: Chapter, plan: ParsedPlan, default_kind: str, goals: list[Goal]
) -> list[Action]:
    """The initiatives of a chapter as actions with ids, in the document's order."""
    if AGENDA.search(chapter.title or ""):
        default_kind = "regelgevingsinitiatief"  # a regulatory agenda lists nothing else
    actions: list[Action] = []
    for group in _groups(chapter.lines, plan, default_kind, goals):
        if not any(line.text for line in group.lines):
            continue
        if any(_label_of(line.text) for line in group.lines):
            actions.extend(_field_blocks(group, plan, goals))
        else:
            actions.extend(_bullet_list(group, plan))
    return actions


def assign_ids(actions: list[Action]) -> None:
    """`SD3/R2`: goal, kind letter, rank among the goal's initiatives of that kind."""
    ranks: dict[tuple[str | None, str], int] = {}
    for action in actions:
        letter = KIND_LETTERS.get(action.kind or "", "I")
        key = (action.goal, letter)
        ranks[key] = ranks.get(key, 0) + 1
        prefix = f"{action.goal}/" if action.goal else ""
        action.id = f"{prefix}{letter}{ranks[key]}"


def category_kind(title: str, default: str) -> str:
    for kind, pattern in CATEGORY_KINDS:
        if pattern.search(title):
            return kind
    return default


def _groups(
    lines: list[Line], plan: ParsedPlan, default_kind: str, goals: list[Goal]
) -> list[_Group]:
    known = {goal.id for goal in goals}
    groups = [_Group(None, default_kind, None)]
    i = 0
    while i < len(lines):
        text = lines[i].text
        heading = parse_goal_heading(lines, i) if GOAL_HEADING.match(text) else None
        category = CATEGORY.match(text) if heading is None else None
        if heading:
            goal = heading.id if heading.id in known else None
            if goal is None:
                plan.warn(
                    heading.first_line,
                    f"initiatives listed under {heading.id}, which is no goal of this plan",
                )
            groups.append(_Group(groups[-1].category, groups[-1].kind, goal))
            i = heading.end
        elif category:
            parts = [category.group("title")]
            i += 1
            while i < len(lines) and lines[i].text and not _is_bullet(lines[i].text):
                parts.append(lines[i].text)
                i += 1
            title = join_text(parts) or parts[0]
            groups.append(_Group(title, category_kind(title, default_kind), None))
        else:
            groups[-1].lines.append(lines[i])
            i += 1
    return groups


def _is_bullet(text: str) -> bool:
    return bool(TOP_BULLET.match(text) or SUB_BULLET.match(text))


# ---------------------------------------------------------------- bulleted lists


@dataclass
class _Entry:
    parts: list[str]
    first: int
    last: int
    children: list[_Entry] = field(default_factory=list)

    @property
    def text(self) -> str:
        return (join_text(self.parts) or "").strip().rstrip(":;").strip()


def _bullet_list(group: _Group, plan: ParsedPlan) -> list[Action]:
    entries: list[_Entry] = []
    stray: list[Line] = []
    for line in group.lines:
        text = line.text
        if not text:
            continue
        if TOP_BULLET.match(text):
            entries.append(_Entry([TOP_BULLET.sub("", text)], line.number, line.number))
        elif SUB_BULLET.match(text) and entries:
            entries[-1].children.append(
                _Entry([SUB_BULLET.sub("", text)], line.number, line.number)
            )
        elif SUB_BULLET.match(text):
            entries.append(_Entry([SUB_BULLET.sub("", text)], line.number, line.number))
        elif entries:
            # A bullet's text wraps, sometimes with an empty line between its parts.
            target = entries[-1].children[-1] if entries[-1].children else entries[-1]
            target.parts.append(text)
            target.last = line.number
            entries[-1].last = line.number
        elif not NOTHING.match(text):
            stray.append(line)
    if stray:
        plan.warn(
            stray[0].number,
            f"text in a list of initiatives not placed (lines {stray[0].number}-{stray[-1].number})",
        )
    actions = []
    for entry in entries:
        if REFERENCE.search(entry.text):
            plan.warn(
                entry.first,
                f"cross-reference {entry.text!r} in a list of initiatives is no initiative",
            )
            continue
        if not entry.children:
            actions.append(_action(group, entry.text, entry.first, entry.last, group.category))
            continue
        # The bullet above sub-bullets names their group: the sub-bullets are the initiatives.
        category = " – ".join(part for part in (group.category, entry.text) if part)
        for child in entry.children:
            actions.append(_action(group, child.text, child.first, child.last, category))
    return [action for action in actions if action.title]


def _action(group: _Group, title: str, first: int, last: int, category: str | None) -> Action:
    return Action(
        id="",
        title=title,
        goal=group.goal,
        kind=group.kind,
        category=category,
        first_line=first,
        last_line=last,
    )


# ---------------------------------------------------------------- field blocks


@dataclass
class _Piece:
    kind: str  # "label", "para" or "item"
    parts: list[str]
    first: int
    last: int
    field: str | None = None


@dataclass
class _Block:
    heading: _Piece
    fields: dict[str, list[_Piece]] = field(default_factory=dict)
    current: str | None = None
    domain: str | None = None

    @property
    def last(self) -> int:
        pieces = [p for values in self.fields.values() for p in values]
        return max([self.heading.last] + [p.last for p in pieces])


def _label_of(text: str) -> tuple[str, str] | None:
    """(field, value on the label's line) when the line is a field label."""
    text = TOP_BULLET.sub("", text).strip()
    if len(text.split()) > MAX_LABEL_WORDS and ":" not in text:
        return None
    for label in FIELD_LABELS:
        match = label.pattern.match(text)
        if match:
            return label.field, (match.group("rest") or "").strip()
    return None


def _pieces(lines: list[Line]) -> list[_Piece]:
    """Labels, paragraphs and bullet items, wrapped lines joined to their piece."""
    pieces: list[_Piece] = []
    blank_before = True
    # A label whose parenthesis runs onto the next lines: `... (met inbegrip van` /
    # `consultaties ...` / `burgerparticipatie)`; its text so far, and lines it may still take.
    open_label: list[str] = []
    label_room = 0
    for line in lines:
        text = line.text
        if not text:
            blank_before = True
            continue
        label = None if open_label else _label_of(text)
        if open_label:
            pieces[-1].last = line.number
            open_label.append(text)
            label_room -= 1
            if not _unbalanced(" ".join(open_label)) or label_room == 0:
                open_label = []
        elif label:
            field_name, rest = label
            pieces.append(
                _Piece("label", [rest] if rest else [], line.number, line.number, field_name)
            )
            if _unbalanced(text):
                open_label, label_room = [text], MAX_LABEL_LINES
        elif _is_bullet(text):
            marker = TOP_BULLET if TOP_BULLET.match(text) else SUB_BULLET
            pieces.append(_Piece("item", [marker.sub("", text)], line.number, line.number))
        elif pieces and _continues(pieces[-1], text, blank_before, line.page_start):
            pieces[-1].parts.append(text)
            pieces[-1].last = line.number
        else:
            pieces.append(_Piece("para", [text], line.number, line.number))
        blank_before = False
    return pieces


def _continues(previous: _Piece, text: str, blank_before: bool, page_start: bool) -> bool:
    if text[0].islower() or text[0] in "(),;":
        return True  # a wrapped sentence, even across the empty lines a PDF leaves
    if blank_before or page_start:
        return False
    return previous.kind != "label" or bool(previous.parts)


def _unbalanced(text: str) -> bool:
    return text.count("(") > text.count(")")


def _field_blocks(group: _Group, plan: ParsedPlan, goals: list[Goal]) -> list[Action]:
    blocks: list[_Block] = []
    pending: list[_Piece] = []
    domain: str | None = None
    for piece in _pieces(group.lines):
        if piece.kind != "label":
            pending.append(piece)
            continue
        current = blocks[-1] if blocks else None
        if current is None or piece.field in current.fields:
            if not pending or pending[-1].kind != "para":
                plan.warn(piece.first, "a field of an initiative without the initiative's name")
                continue
            *before, heading = pending
            domain = _settle(before, current, domain, plan)
            current = _Block(heading, domain=domain)
            blocks.append(current)
        else:
            _settle(pending, current, domain, plan)
        pending = []
        current.fields.setdefault(piece.field, []).append(piece)
        current.current = piece.field
    _settle(pending, blocks[-1] if blocks else None, domain, plan)
    actions = [_block_action(block, group, goals) for block in blocks]
    if group.goal is None:
        _report_domain_links(blocks, actions, goals, plan)
    for action in actions:
        if not action.title:
            plan.warn(action.first_line, "initiative without a name left out")
    return [action for action in actions if action.title]


def _report_domain_links(
    blocks: list[_Block], actions: list[Action], goals: list[Goal], plan: ParsedPlan
) -> None:
    """One warning per group heading whose initiatives were linked to a goal by its label."""
    labels = {goal.id: goal.label for goal in goals}
    seen: set[str] = set()
    for block, action in zip(blocks, actions, strict=True):
        if not block.domain or block.domain in seen:
            continue
        seen.add(block.domain)
        if action.goal:
            message = (
                f"initiatives are grouped by policy domain '{block.domain}', not by goal; "
                f"linked to {action.goal} (‘{labels[action.goal]}’) by its label"
            )
        else:
            message = f"initiatives under '{block.domain}' name no goal; they are not linked to one"
        plan.warn(action.first_line, message)


def _settle(
    pieces: list[_Piece], block: _Block | None, domain: str | None, plan: ParsedPlan
) -> str | None:
    """Place the pieces between two fields: a group heading, or more of the open field.
    Returns the group heading in force afterwards."""
    for piece in pieces:
        text = join_text(piece.parts) or ""
        if block is not None and block.current is not None and not _filled(block):
            block.fields[block.current].append(piece)  # the value of a label on its own line
        elif piece.kind == "para" and _heading_like(text):
            domain = text
        elif block is not None and block.current is not None:
            block.fields[block.current].append(piece)
        else:
            plan.warn(piece.first, f"text in a list of initiatives not placed: {text[:60]!r}")
    return domain


def _filled(block: _Block) -> bool:
    return any(piece.parts for piece in block.fields[block.current or ""])


def _heading_like(text: str) -> bool:
    return len(text.split()) <= 8 and not text.endswith((".", ",", ";", ":")) and text[:1].isupper()


def _block_action(block: _Block, group: _Group, goals: list[Goal]) -> Action:
    fields = block.fields
    goal = group.goal
    if goal is None and block.domain:
        goal = _domain_goal(block.domain, goals)
    category = " – ".join(part for part in (group.category, block.domain) if part)
    action = Action(
        id="",
        title=_title(block.heading.parts) or _title(_parts(fields.get("official_title", []))),
        goal=goal,
        kind=group.kind,
        category=category or None,
        first_line=block.heading.first,
        last_line=block.last,
    )
    action.official_title = _title(_parts(fields.get("official_title", []))) or None
    action.description = _prose(fields.get("description", []))
    action.partners = _list(fields.get("partners", []))
    action.responsible = _list(fields.get("responsible", []))
    planning = fields.get("planning", [])
    action.milestones = [_milestone(join_text(p.parts) or "") for p in planning if p.kind == "item"]
    plain = [p for p in planning if p.kind != "item"]
    if plain:
        action.timeline = Timeline(text=_prose(plain))
    return action


def _domain_goal(domain: str, goals: list[Goal]) -> str | None:
    """The one SD whose label the group heading names: `Integratie & Inburgering` names
    ‘Inburgering’; `Lopende evaluaties: Gelijke Kansen` names ‘Gelijke Kansen’."""
    name = _norm(domain.split(":")[-1])
    parts = {p for p in re.split(r"\s*(?:,|&|/|\ben\b)\s*", name) if p}
    found = [
        goal.id
        for goal in goals
        if goal.label
        and goal.level != "OD"
        and (_norm(goal.label) == name or _norm(goal.label) in parts)
    ]
    return found[0] if len(found) == 1 else None


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("&", " & ").split())


def _parts(pieces: list[_Piece]) -> list[str]:
    return [part for piece in pieces for part in piece.parts]


def _title(parts: list[str]) -> str:
    return tidy_title(join_text(parts) or "")


def _prose(pieces: list[_Piece]) -> str | None:
    """Paragraphs joined; a run of bullet items joined with `; ` so the items stay apart
    (and closed with a period when a paragraph follows)."""
    chunks: list[str] = []
    items: list[str] = []
    for piece in pieces:
        text = join_text(piece.parts)
        if not text:
            continue
        if piece.kind == "item":
            items.append(text.rstrip(" ;"))
            continue
        if items:
            run = "; ".join(items)
            chunks.append(run if run.endswith((".", "!", "?")) else run + ".")
            items = []
        chunks.append(text)
    if items:
        chunks.append("; ".join(items))
    return join_text(chunks)


def _list(pieces: list[_Piece]) -> list[str]:
    return [text for piece in pieces if (text := (join_text(piece.parts) or "").strip(" ;"))]


def _milestone(text: str) -> Milestone:
    match = MILESTONE_DATE.match(text)
    if not match:
        return Milestone(text.rstrip(" ;"), None)
    try:
        day = date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return Milestone(text, None)
    return Milestone(match.group("text"), day.isoformat())
