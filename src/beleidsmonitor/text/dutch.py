"""Dutch words: the building blocks every analyser of Dutch text in the project uses.

Full-text search (`search/analysis.py`) and the link proposals (`linking/text.py`) each
turn text into stems. They fold, split and stem with the functions here, so a word that
the index and the links see cannot be read two ways:

- `fold`: case and accents away (`Geïntegreerd` -> `geintegreerd`);
- `tokenise` / `word_matches`: one word pattern, for folded text and for positions in the
  original text;
- `FUNCTION_WORDS`: the stop words every analyser drops; a feature adds its own on top;
- `stem`: Snowball's Dutch stemmer, cached and safe to call from several threads.

What a feature needs beyond this (search's index-consistent stop words, linking's domain
stop words, abbreviations and compound parts) lives in that feature's thin layer, or is
a named option here. Pure Python: nothing here imports Django.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Protocol

from snowballstemmer.dutch_stemmer import DutchStemmer

# Letters, digits and `_`, in any script. Changing it changes the stems stored in the
# search index: existing databases then need `beleidsmonitor reindex`.
WORD = re.compile(r"\w+", re.UNICODE)

# Frequent function words only. Search indexes what is not here, so a word added to this
# list can no longer be searched for: content words a policy officer might look for
# (`niet`, `geen` in titles such as "geen wachtlijsten") are kept out on purpose.
# Adding or removing a word changes the index (`beleidsmonitor reindex`).
_FUNCTION_WORDS_TEXT = """
de het een en of van voor in op te aan met door bij om tot uit over naar als dan
die dat dit deze der des den zijn is was wordt worden werd zal zullen kan kunnen
er hun haar zij ze wij we ook nog al wel maar want dus ons onze
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def fold(text: str, *, ascii_only: bool = False) -> str:
    """Lower case without accents: `Geïntegreerd` -> `geintegreerd`.

    By default only accents go, so every word keeps its place and letters such as `ø`
    stay: search relies on that to find indexed words again in the original text when it
    highlights. `ascii_only` also drops whatever is still not ASCII afterwards (`ø`, `’`),
    so `café’s` becomes `cafes`: one word where the default gives `cafe` and `s`.
    """
    lowered = text.casefold()
    if lowered.isascii():
        return lowered  # nothing to decompose; most text takes this path
    # NFKD splits `ï` into `i` and a combining mark, which is then dropped
    decomposed = unicodedata.normalize("NFKD", lowered)
    if ascii_only:
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenise(text: str, *, ascii_only: bool = False) -> list[str]:
    """The folded words of a text, in order, nothing left out (see `fold` for the option)."""
    return WORD.findall(fold(text, ascii_only=ascii_only))


def word_matches(text: str) -> Iterator[re.Match[str]]:
    """The words of the original text with their positions, split like `tokenise` splits."""
    return WORD.finditer(text)


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


_local = threading.local()


def _stemmer() -> _Stemmer:
    # A Snowball stemmer keeps the word it works on in the instance, so two threads
    # sharing one (a threaded server, a link computation next to a search) could swap
    # each other's stems: each thread gets its own.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        # The pure Python stemmer of the pinned snowballstemmer, never PyStemmer, which
        # `snowballstemmer.stemmer()` picks when it is installed: stems are stored in the
        # search index, so they must not depend on what else happens to be installed.
        stemmer = _local.stemmer = DutchStemmer()
    return stemmer


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball Dutch stem of one folded word (`scholen` -> `school`)."""
    if word.isdigit():
        return word  # Snowball leaves numbers as they are; this only skips the work
    return _stemmer().stemWord(word)
