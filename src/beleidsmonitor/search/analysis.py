"""The Dutch analyser of search: the same steps for indexed text and for queries.

Text becomes a list of stems: lower case, accents folded (`geïntegreerd` = `geintegreerd`),
stop words dropped, each word stemmed with Snowball's Dutch stemmer. Both backends index
and query these stems, so `gemeenten` and `gemeente` meet whatever the database offers.

The steps themselves are the shared ones of `beleidsmonitor.text.dutch` (linking uses
them too); this module only fixes how search combines them. The stems end up stored in
the index, so any change here or there needs `beleidsmonitor reindex` on existing data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from beleidsmonitor.text import dutch

WORD = dutch.WORD  # stems are made of these characters only (the backends rely on it)

# Only the shared function words: every other word stays searchable (see FUNCTION_WORDS).
STOP_WORDS = dutch.FUNCTION_WORDS

# Accents only, never ASCII-only: `highlight` finds indexed words again in the original
# text, which only works if folding neither joins nor splits words.
fold = dutch.fold


def stem(word: str) -> str:
    """The stem of one folded word ("" for a stop word).

    Highlighting stems every shown word this way, so a stop word (never in the index,
    never in a query) cannot light up because its stem equals a searched one.
    """
    if word in STOP_WORDS:
        return ""
    return dutch.stem(word)


@lru_cache(maxsize=100_000)
def word_stem(word: str) -> str:
    """The stem of a word as written (highlighting asks this for every word it shows)."""
    return stem(fold(word))


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text with their positions (for highlighting the original)."""
    return dutch.word_matches(text)


def analyse(text: str) -> list[str]:
    """The stems of a text, in order, stop words left out."""
    stems = (stem(word) for word in dutch.tokenise(text))
    return [s for s in stems if s]


def analysed_text(text: str) -> str:
    return " ".join(analyse(text))
