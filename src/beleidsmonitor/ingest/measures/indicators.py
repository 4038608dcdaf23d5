"""Effect and output indicator cells: one indicator per item, output ones with a target."""

from __future__ import annotations

import re

from beleidsmonitor.ingest.indicators import classify_indicator
from beleidsmonitor.ingest.measures.blocks import Piece, Sheet
from beleidsmonitor.ingest.measures.items import (
    labelled_items,
    starts_item,
    stops_short,
    strip_placeholder,
)
from beleidsmonitor.ingest.measures.template import NO_TARGET
from beleidsmonitor.ingest.records import Indicator, ParsedPlan
from beleidsmonitor.ingest.text import join_text

SENTENCE_END = re.compile(r"[.!?;]$")


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
    if any(starts_item(text) for text in texts):
        items = _items_by_bullet(texts)
    else:
        items = [join_text(group) or "" for group in _paragraphs(texts)]
    return [item for item in (strip_placeholder(i) and " ".join(i.split()) for i in items) if item]


def _paragraphs(texts: list[str]) -> list[list[str]]:
    width = max(len(text) for text in texts)
    groups: list[list[str]] = [[texts[0]]]
    for previous, text in zip(texts, texts[1:], strict=False):
        opens = text[:1].isupper() or text[:1].isdigit()
        if opens and (SENTENCE_END.search(previous) or stops_short(previous, width)):
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


def _items_by_bullet(texts: list[str]) -> list[str]:
    """Bulleted items, each with the group label it stands under in front."""
    return [f"{label} {text}" if label else text for label, text in labelled_items(texts)]
