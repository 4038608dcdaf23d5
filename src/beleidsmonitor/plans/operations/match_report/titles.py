"""How alike two objective titles are, after the differences a report's rewording makes
(case, accents, stop words, inflection) are taken out."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from beleidsmonitor.text.dutch import fold, stem

# Words a report adds or drops when it rewords an objective's title; more than the shared
# function words, since only the titles' substance should count.
_STOP_TEXT = """
    we wij ons onze de het een en of in op van voor met aan door te ten ter tot om bij
    als die dat dit deze zijn is worden wordt er over uit naar zo zoals enz ook meer
    """
_STOP = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[^\W_]+(?:[+][^\W]*)?", re.UNICODE)  # keeps `lgbti+` one word


def normalise_title(title: str) -> str:
    """Lowercase, accents folded, stop words out, each word stemmed: the form compared."""
    words = [w for w in _WORD.findall(fold(title or "")) if w not in _STOP]
    return " ".join(stem(w) for w in words)


def title_score(a: str, b: str) -> float:
    """Title similarity 0..100: rapidfuzz `token_set_ratio` on the normalised titles.

    A token set ratio is 100 when one title's words are all in the other, which is what
    a shortened title in a report looks like.
    """
    left, right = normalise_title(a), normalise_title(b)
    if not left or not right:
        return 0.0
    return float(fuzz.token_set_ratio(left, right))
