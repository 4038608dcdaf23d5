"""The Dutch analyser: the same steps for indexed text and for queries.

Text becomes a list of stems: lower case, accents folded (`geïntegreerd` = `geintegreerd`),
stop words dropped, each word stemmed with Snowball's Dutch stemmer. Both backends index
and query these stems, so `gemeenten` and `gemeente` meet whatever the database offers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)

# Frequent function words only: content words a policy officer might search for
# (`niet`, `geen` in titles such as "geen wachtlijsten") are kept on purpose.
_STOP_WORDS_TEXT = """
de het een en of van voor in op te aan met door bij om tot uit over naar als dan
die dat dit deze der des den zijn is was wordt worden werd zal zullen kan kunnen
er hun haar zij ze wij we ook nog al wel maar want dus ons onze
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower case without accents: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of one folded word ("" for a stop word)."""
    if word in STOP_WORDS:
        return ""
    if word.isdigit():
        return word
    return _stemmer.stemWord(word)


@lru_cache(maxsize=100_000)
def word_stem(word: str) -> str:
    """The stem of a word as written (highlighting asks this for every word it shows)."""
    return stem(fold(word))


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text with their positions (for highlighting the original)."""
    return WORD.finditer(text)


def analyse(text: str) -> list[str]:
    """The stems of a text, in order, stop words left out."""
    stems = (stem(word) for word in WORD.findall(fold(text)))
    return [s for s in stems if s]


def analysed_text(text: str) -> str:
    return " ".join(analyse(text))
