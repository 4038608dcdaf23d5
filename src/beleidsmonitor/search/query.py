"""From what a person types to ranked, highlighted results.

`parse_query` analyses the text like indexed text and expands abbreviations both ways
from the `Abbreviation` table: `VDAB` also looks for the spelled-out name, and the
spelled-out name also for `VDAB`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from beleidsmonitor.plans.models import Abbreviation
from beleidsmonitor.search.analysis import analyse, word_stem, words
from beleidsmonitor.search.backends import Phrase, Query, matching_ids
from beleidsmonitor.search.documents import DOCUMENT_TYPES
from beleidsmonitor.search.models import SearchDocument

SNIPPET_WORDS = 30


def abbreviation_pairs() -> dict[Phrase, set[Phrase]]:
    """Each short or long form (as stems) with the phrases it may be written as."""
    pairs: dict[Phrase, set[Phrase]] = {}
    rows = (
        Abbreviation.objects.filter(plan__is_current=True).values_list("short", "long").distinct()
    )
    for short, long in rows:
        short_stems, long_stems = tuple(analyse(short)), tuple(analyse(long))
        if short_stems and long_stems and short_stems != long_stems:
            pairs.setdefault(short_stems, {short_stems}).add(long_stems)
            pairs.setdefault(long_stems, {long_stems}).add(short_stems)
    return pairs


def parse_query(text: str) -> Query:
    stems = analyse(text)
    pairs = abbreviation_pairs() if stems else {}
    longest = max((len(key) for key in pairs), default=0)
    groups: list[tuple[Phrase, ...]] = []
    position = 0
    while position < len(stems):
        # Longest form first, so "vlaamse dienst ..." is one group, not four.
        for size in range(min(longest, len(stems) - position), 0, -1):
            key = tuple(stems[position : position + size])
            if key in pairs:
                groups.append(tuple(sorted(pairs[key], key=lambda p: (len(p), p))))
                position += size
                break
        else:
            groups.append(((stems[position],),))
            position += 1
    return Query(tuple(dict.fromkeys(groups)))


def highlight(text: str, stems: set[str], *, snippet: bool = False) -> SafeString:
    """The text, HTML-escaped, with the words whose stem matched in <mark>.

    With `snippet`, only a window of words around the first match (or the start).
    """
    found = list(words(text))
    start, end = 0, len(text)
    if snippet and len(found) > SNIPPET_WORDS:
        first = next((i for i, m in enumerate(found) if word_stem(m.group()) in stems), 0)
        begin = max(0, first - SNIPPET_WORDS // 3)
        finish = min(len(found), begin + SNIPPET_WORDS)
        start = found[begin].start()
        end = found[finish - 1].end()
        found = found[begin:finish]
    parts: list[str] = ["… " if start > 0 else ""]
    cursor = start
    for match in found:
        if word_stem(match.group()) in stems:
            parts.append(escape(text[cursor : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            cursor = match.end()
    parts.append(escape(text[cursor:end]))
    parts.append(" …" if end < len(text) else "")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text was escaped above


@dataclass
class Hit:
    document: SearchDocument
    kind_label: str
    title: SafeString
    snippet: SafeString


@dataclass
class SearchResult:
    query: Query
    ids: list[int]

    def hits(self, ids: list[int]) -> list[Hit]:
        """The hits for a page of ids, in the order given."""
        documents = (
            SearchDocument.objects.select_related("plan")
            .defer("analysed_title", "analysed_body", "plan__source_text", "plan__extra")
            .in_bulk(ids)
        )
        stems = self.query.stems
        hits = []
        for pk in ids:
            document = documents.get(pk)
            if document is None:
                continue
            document_type = DOCUMENT_TYPES.get(document.kind)
            hits.append(
                Hit(
                    document,
                    str(document_type.label) if document_type else document.kind,
                    highlight(document.title, stems),
                    highlight(document.body, stems, snippet=True),
                )
            )
        return hits


def search(
    text: str, *, kinds: list[str] | None = None, plan_id: int | None = None, limit: int = 1000
) -> SearchResult:
    query = parse_query(text)
    return SearchResult(query, matching_ids(query, kinds=kinds or (), plan_id=plan_id, limit=limit))
