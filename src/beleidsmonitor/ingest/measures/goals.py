"""Step 4: the plan's goals, from the standalone headings and the SD/OD repeats in sheets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from beleidsmonitor.ingest.indicators import classify_indicator
from beleidsmonitor.ingest.measures.blocks import HeadingRun, Piece, short
from beleidsmonitor.ingest.measures.template import GOAL_LINE, GOAL_NUMBER_FORMS
from beleidsmonitor.ingest.records import Goal, Indicator, ParsedPlan
from beleidsmonitor.ingest.text import join_text

# A goal's title wraps over this many lines at most.
MAX_TITLE_LINES = 4
# Title similarity (`_similarity`, 0..1) from which a sheet's goal title is read as a
# heading's, and under which it is reported as differing from its heading.
SAME_TITLE = 0.75
DIFFERENT_TITLE = 0.2
STOPWORDS = {
    "de", "het", "een", "en", "van", "voor", "op", "in", "om", "te", "aan", "bij", "met",
    "we", "zijn", "is", "hun", "tot", "door", "dat", "die", "of", "ze", "zodat",
}  # fmt: skip


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


def heading_mentions(run: HeadingRun, unplaced: list[Piece] | None = None) -> list[GoalMention]:
    return goal_mentions([Piece(line.number, line.text) for line in run.lines], unplaced)


def goal_mentions(pieces: list[Piece], unplaced: list[Piece] | None = None) -> list[GoalMention]:
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
                f"'{short(unplaced[0].text)}'",
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
                    f"measure sheet names {mention.key} as '{short(mention.title)}', "
                    f"the heading reads '{short(goal.title)}'",
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
