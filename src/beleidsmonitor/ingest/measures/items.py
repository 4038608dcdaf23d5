"""A cell's lines to list items: bullets, group labels (`Fase 1:`) and placeholders.

Name cells and indicator cells are both written as lists, with the same quirks of the
extraction (a bullet glued to its item's first word, a label over a group of items), so
they share these readers.
"""

from __future__ import annotations

import re

from beleidsmonitor.ingest.measures.template import PLACEHOLDERS
from beleidsmonitor.ingest.text import BULLET, is_bullet, join_text, strip_bullet

# In a cell at least `WIDE_CELL` characters wide, a line shorter than this share of the
# widest line ends its paragraph or name (`stops_short`).
PARAGRAPH_SHORT = 0.6
# A group label over a list (`Vertegenwoordigers doelgroep en basisactoren:`) is at most
# this long; a longer text ending in a colon is a sentence that leads into the list.
MAX_GROUP_LABEL = 50
# `Doorstroom- (naar acties)` / `Uitstroomindicatoren`: a suspended compound goes on.
SUSPENDED_HYPHEN = re.compile(r"\w-\s")
WIDE_CELL = 35
# A line ending in one of these goes on, however short it is.
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
# `-Procesmatig verslag`: a bullet the extraction glued to its item's first word.
GLUED_BULLET = re.compile(r"^[-–—•▪](?=[A-ZÀ-Þ])")


def stops_short(line: str, width: int) -> bool:
    """A line well short of a wide column ends its paragraph or name."""
    return (
        width >= WIDE_CELL
        and len(line) < PARAGRAPH_SHORT * width
        and not line.endswith((",", ":", "-", "–"))
        and line.split()[-1].lower() not in JOINING_WORDS
        and not SUSPENDED_HYPHEN.search(line)
    )


def labelled_items(texts: list[str]) -> list[tuple[str | None, str]]:
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
        own_label = is_label(text) and text[:1].isupper()
        if starts_item(text) or not items or complete or own_label:
            items.append((_bullet_kind(text), [_strip_item_bullet(text)]))
        else:
            items[-1][1].append(text)
        complete = is_label(join_text(items[-1][1]) or "")
    return apply_labels([(kind, join_text(lines) or "") for kind, lines in items])


def apply_labels(items: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """(bullet kind, text) items to (group label, text): labels head the items after them."""
    result: list[tuple[str | None, str]] = []
    label: str | None = None
    label_kind: str | None = None
    for k, (kind, text) in enumerate(items):
        following = items[k + 1] if k + 1 < len(items) else None
        if label is not None and label_kind is not None and kind == label_kind:
            label = None  # a sibling of the label closes its group
        if (
            is_label(text)
            and following is not None
            and not is_label(following[1])
            and (kind is None or following[0] != kind)
        ):
            label, label_kind = text, kind
            continue
        if text:
            result.append((label, text))
    return result


def starts_item(text: str) -> bool:
    return is_bullet(text) or bool(GLUED_BULLET.match(text))


def _strip_item_bullet(text: str) -> str:
    if is_bullet(text):
        return strip_bullet(text)
    return GLUED_BULLET.sub("", text, count=1).strip()


def is_label(text: str) -> bool:
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


def strip_placeholder(text: str) -> str:
    text = " ".join(text.split()).strip(" .…")
    if BULLET.match(text + " "):
        text = strip_bullet(text + " ")
    return "" if text.lower() in PLACEHOLDERS else text
