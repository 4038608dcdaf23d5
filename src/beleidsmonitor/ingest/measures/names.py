"""Cabinets, administrations and partners: the names in a sheet's name cells.

The columns are narrow: names wrap over lines, and commas separate names but also the
words of one name (`Welzijn, Volksgezondheid en Gezin`).
"""

from __future__ import annotations

import re

from beleidsmonitor.ingest.measures.blocks import Piece
from beleidsmonitor.ingest.measures.items import (
    apply_labels,
    is_label,
    labelled_items,
    starts_item,
    stops_short,
    strip_placeholder,
)
from beleidsmonitor.ingest.records import Action
from beleidsmonitor.ingest.text import join_text

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

# `Vertegenwoordigers kernactoren: OCMW`: a label in front of the first name of a list.
INLINE_LABEL = re.compile(r"^(?P<label>[^:]+:)\s+(?P<name>\S.*)$")


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
    if any(starts_item(text) for text in texts):
        items = labelled_items(texts)
    else:
        groups = [join_text(group) or "" for group in _name_groups(texts)]
        items = apply_labels([(None, group) for group in groups])
    names: list[str] = []
    for label, item in items:
        parts = split_names(item)
        if _reads_as_prose(parts):
            whole = strip_placeholder(item)
            parts = [whole] if whole else []
        inline = INLINE_LABEL.match(parts[0]) if label is None and len(parts) > 1 else None
        if inline and is_label(inline["label"]):
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
            and (previous.endswith((")", ":")) or stops_short(previous, width) or is_label(text))
        ):
            groups.append([])
        groups[-1].append(text)
    return groups


def split_names(text: str) -> list[str]:
    """`A, B; C` to names, keeping parenthesised parts and enumeration tails whole."""
    parts = [strip_placeholder(part) for part in _split_top_level(text)]
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
