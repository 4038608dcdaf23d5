"""Joining wrapped lines back into the document's sentences and list items."""

from __future__ import annotations

import re

BULLET = re.compile(r"^(?:[•●▪◦·\-–—*o]|\d{1,2}[.)]|[a-z][.)])\s+")
HYPHEN_JOINERS = {"en", "of", "tot", "en/of", "noch", "als"}


def join_text(parts: list[str]) -> str | None:
    """Lines to one text: single spaces, hyphenation at a line end rejoined."""
    text = ""
    for part in parts:
        part = " ".join(part.split())
        if not part:
            continue
        if not text:
            text = part
        elif _rejoins(text, part):
            text = text[:-1] + part
        elif text.endswith("-") and _keeps_hyphen_glued(text, part):
            text = text + part
        else:
            text = f"{text} {part}"
    return text or None


def _rejoins(text: str, following: str) -> bool:
    """`be-` + `leid` is one word; `integratie-` + `en inburgering` is not."""
    if not text.endswith("-") or len(text) < 2 or not text[-2].isalpha() or not text[-2].islower():
        return False
    # Words are never broken after their first letter, so `e-` + `inclusie` is `e-inclusie`.
    if len(text.rsplit(" ", 1)[-1]) == 2:
        return False
    first_word = following.split(" ", 1)[0]
    if _real_hyphen(text.rsplit(" ", 1)[-1][:-1].lstrip("(‘“'\"").lower(), first_word.lower()):
        return False
    return first_word[:1].islower() and first_word.rstrip(",.;:") not in HYPHEN_JOINERS


# Dutch writes a hyphen where two vowels would read as one sound (`diploma-erkenning`),
# after some prefixes (`non-discriminatie`) and between paired adjectives
# (`sociaal-culturele`); a line break there is not a word broken in two.
VOWEL_PAIRS = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "oe", "oi", "oo", "ou", "ui"}
HYPHEN_PREFIXES = {"non", "anti", "ex", "niet", "pro", "oud", "vice"}
PAIRED_ADJECTIVE_ENDINGS = ("aal", "eel", "isch")


def _real_hyphen(before: str, after: str) -> bool:
    if not before or not after:
        return False
    if before[-1] + after[0] in VOWEL_PAIRS:
        return True
    return before in HYPHEN_PREFIXES or (
        len(before) >= 5 and before.endswith(PAIRED_ADJECTIVE_ENDINGS)
    )


def _keeps_hyphen_glued(text: str, following: str) -> bool:
    """`NT2-` + `aanbod`, `NWS-` + `site`: a compound with a capital or digit part."""
    first_word = following.split(" ", 1)[0]
    return (
        len(text) >= 2
        and not text[-2].isspace()
        and first_word[:1].isalnum()
        and first_word.rstrip(",.;:") not in HYPHEN_JOINERS
    )


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def split_items(parts: list[str]) -> list[str]:
    """Bulleted lines to one entry per bullet; unbulleted text to one entry per paragraph.

    `parts` may contain empty strings for blank lines. A line that starts with a bullet
    opens an item; other lines continue the item before them.
    """
    has_bullets = any(is_bullet(p.strip()) for p in parts if p.strip())
    items: list[list[str]] = []
    current: list[str] | None = None
    for raw in parts:
        part = raw.strip()
        if not part:
            if not has_bullets:
                current = None
            continue
        if is_bullet(part):
            current = [strip_bullet(part)]
            items.append(current)
        elif current is None:
            current = [part]
            items.append(current)
        else:
            current.append(part)
    joined = (join_text(item) for item in items)
    return [item for item in joined if item]
