"""How alike two objective titles are, after the differences a report's rewording makes
(case, accents, stop words, inflection) are taken out."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz

_STOP_TEXT = """
    we wij ons onze de het een en of in op van voor met aan door te ten ter tot om bij
    als die dat dit deze zijn is worden wordt er over uit naar zo zoals enz ook meer
    """
_STOP = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[^\W_]+(?:[+][^\W]*)?", re.UNICODE)
_stemmer = snowballstemmer.stemmer("dutch")


def normalise_title(title: str) -> str:
    """Lowercase, accents folded, stop words out, each word stemmed: the form compared."""
    folded = unicodedata.normalize("NFKD", (title or "").lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = [w for w in _WORD.findall(folded) if w not in _STOP]
    return " ".join(_stem(w) for w in words)


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def title_score(a: str, b: str) -> float:
    """Title similarity 0..100: rapidfuzz `token_set_ratio` on the normalised titles.

    A token set ratio is 100 when one title's words are all in the other, which is what
    a shortened title in a report looks like.
    """
    left, right = normalise_title(a), normalise_title(b)
    if not left or not right:
        return 0.0
    return float(fuzz.token_set_ratio(left, right))
