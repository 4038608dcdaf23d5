"""Labelled fields in a block of lines: `Tijdspad 2025 - 2027`, `Verantwoordelijke` /
`minister(s)` over two lines, a label alone on its line with the value further down.

A layout describes its labels once, as a table of `Label`s (the words of the label, each
a tolerant pattern); `split_fields` cuts a block into the text before the first label and
one `Field` per label, each keeping the source lines of its value. What the values mean
is left to the layout's parser: this module only finds where each field starts and ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beleidsmonitor.ingest.records import Line

# A PDF table cell puts the label and the first line of its value on one line, but a
# sentence in running text can start with the same words (`In samenwerking met de
# Vlaamse ...`). For such labels the value must start like a name, a number or a list item.
VALUE_START = re.compile(r"^(?:[-–—•▪*‘“\"'(]|[A-ZÀ-Þ]|\d)")
# Labels split over lines may have blank lines between their parts.
MAX_LABEL_GAP = 3


@dataclass(frozen=True)
class Label:
    """One way of writing the label of a field.

    `words` are regular expressions, one per word of the label, matched without regard
    to case; the words may be spread over consecutive lines. `strict` is for labels that
    can also open a sentence of running text: a value on the label's own line must then
    start like a value (capital, digit, bullet). `glued` allows the label to follow other
    text without a space (an extraction glitch: `2029Indicator(en)`); use it only for
    labels that cannot occur inside a word of running text.
    """

    field: str
    words: tuple[str, ...]
    strict: bool = False
    glued: bool = False

    def pattern(self, count: int | None = None) -> str:
        words = self.words if count is None else self.words[:count]
        return r"\s+".join(f"(?:{word})" for word in words)


@dataclass
class LabelMatch:
    field: str
    first: int  # index into the lines of the line where the label starts
    last: int  # index of the line that holds the label's last word
    rest: str  # the text after the label on its last line
    before: str = ""  # text glued in front of the label on its first line


@dataclass
class Field:
    """A labelled field (or, with `name` None, the text before the first label)."""

    name: str | None
    label_lines: list[int] = field(default_factory=list)
    values: list[Line] = field(default_factory=list)

    def texts(self) -> list[str]:
        """The value's lines as text, blank lines kept (they separate paragraphs)."""
        return [line.text for line in self.values]

    def is_empty(self) -> bool:
        return not any(line.text for line in self.values)

    @property
    def first_line(self) -> int | None:
        if self.label_lines:
            return self.label_lines[0]
        numbers = [line.number for line in self.values if line.text]
        return numbers[0] if numbers else None

    @property
    def last_line(self) -> int | None:
        numbers = [line.number for line in self.values if line.text] + self.label_lines
        return max(numbers) if numbers else None


class LabelTable:
    """The labels of a layout, tried in order; the first that matches wins."""

    def __init__(self, labels: list[Label] | tuple[Label, ...]) -> None:
        self.labels = tuple(labels)
        self._whole = [
            (label, re.compile(rf"^{label.pattern()}(?:\s*:)?(?=\s|$)\s*(?P<rest>.*)$", re.I))
            for label in self.labels
        ]
        self._prefixes = [
            (label, k, re.compile(rf"^{label.pattern(k)}$", re.I))
            for label in self.labels
            for k in range(1, len(label.words))
        ]
        self._glued = [
            (
                label,
                re.compile(
                    rf"(?P<before>\S){label.pattern()}(?:\s*:)?(?=\s|$)\s*(?P<rest>.*)$", re.I
                ),
            )
            for label in self.labels
            if label.glued
        ]

    def match(self, lines: list[Line], index: int) -> LabelMatch | None:
        """The label that starts at `lines[index]`, if any."""
        text = lines[index].text
        if not text:
            return None
        for label, regex in self._whole:
            found = regex.match(text)
            if found and _plausible_value(label, found.group("rest")):
                return LabelMatch(label.field, index, index, found.group("rest"))
        split = self._match_split(lines, index)
        if split:
            return split
        for label, regex in self._glued:
            found = regex.search(text)
            if found and _plausible_value(label, found.group("rest")):
                before = text[: found.start("before") + 1]
                return LabelMatch(label.field, index, index, found.group("rest"), before)
        return None

    def _match_split(self, lines: list[Line], index: int) -> LabelMatch | None:
        text = lines[index].text
        for label, count, regex in self._prefixes:
            if not regex.match(text):
                continue
            following = _next_nonblank(lines, index, MAX_LABEL_GAP)
            if following is None:
                continue
            tail = Label(label.field, label.words[count:]).pattern()
            found = re.match(
                rf"^{tail}(?:\s*:)?(?=\s|$)\s*(?P<rest>.*)$", lines[following].text, re.I
            )
            if found and _plausible_value(label, found.group("rest")):
                return LabelMatch(label.field, index, following, found.group("rest"))
        return None


def split_fields(lines: list[Line], table: LabelTable) -> list[Field]:
    """The block as fields in document order; the first has `name` None (text before any label).

    Every line ends up in exactly one field, so nothing is lost: a caller that cannot use
    a field's value can still report it.
    """
    fields = [Field(None)]
    index = 0
    while index < len(lines):
        match = table.match(lines, index)
        if match is None:
            fields[-1].values.append(lines[index])
            index += 1
            continue
        if match.before:
            fields[-1].values.append(Line(lines[index].number, match.before, False))
        label_lines = sorted({lines[match.first].number, lines[match.last].number})
        current = Field(match.field, label_lines)
        if match.rest:
            current.values.append(Line(lines[match.last].number, match.rest, False))
        fields.append(current)
        index = match.last + 1
    return fields


def _plausible_value(label: Label, rest: str) -> bool:
    return not label.strict or not rest or bool(VALUE_START.match(rest))


def _next_nonblank(lines: list[Line], index: int, max_gap: int) -> int | None:
    j = index + 1
    gap = 0
    while j < len(lines) and not lines[j].text:
        gap += 1
        if gap > max_gap:
            return None
        j += 1
    return j if j < len(lines) else None
