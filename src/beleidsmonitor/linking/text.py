"""A Dutch analyser for policy text. Pure Python: nothing here imports Django.

`Analyser.tokens(text)` turns a text into the terms the similarity compares:

1. lowercase and fold accents (`geïntegreerd` -> `geintegreerd`), so spelling variants
   written with and without diacritics meet;
2. split into words (letters and digits), drop stop words and numbers;
3. stem with the Snowball Dutch stemmer (`taalbeleid`, `taalbeleidsplannen` stay apart,
   but `ouders`/`ouder`, `gemeenten`/`gemeente` meet);
4. expand abbreviations both ways: `VDAB` brings in the stems of its long form, and the
   long form written out brings in `vdab`, so a text that names the acronym and one that
   spells it out share terms;
5. split compounds on known parts (`antidiscriminatiemaatregelen` -> `discriminatie`,
   `maatregel`), because Dutch writes as one word what other texts write as two.

Every term keeps the surface word it came from, for the evidence shown to people.

Folding, the word pattern, the function words and the stemmer are the shared ones of
`beleidsmonitor.text.dutch`, which search uses too, so both read a word the same way;
this module adds only what linking needs: more stop words, abbreviations and compounds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from beleidsmonitor.text import dutch

# On top of the shared function words (`dutch.FUNCTION_WORDS`, which search also drops):
# more function words, which search keeps because a person may search for them (`niet`,
# `geen`) but which only make any two texts look alike to the similarity ...
_MORE_FUNCTION_WORDS = """
    alle alles altijd andere ben binnen daar daarom doch doen eens ge geen geweest had heb
    hebben heeft hem hier hij hoe iemand iets ik ja je kon me meer men mij mijn moet na niet
    niets nu omdat onder reeds tegen toch toen u uw veel waren wat wezen wie wil zelf zich zo
    zonder zou welke waarbij waarin waarop hierbij daarbij daarnaast zowel via jullie hen
    hare zoals mee enkel steeds verder ieder iedere elk elke tussen per vanuit rond rondom
    sinds tijdens waar wanneer werden
"""
# ... and words that every policy plan uses on every page; they carry no information about
# what an action is about. Search keeps them: a person may well look for `maatregelen`.
_PLAN_BOILERPLATE = """
    actie acties maatregel maatregelen doelstelling doelstellingen operationele strategische
    vlaamse vlaams vlaanderen overheid minister ministers kabinet regering
    aantal jaarlijks jaar jaren eind einde periode beleid beleids
    hd sd od nr bv bijvoorbeeld zie
"""
STOP_WORDS = dutch.FUNCTION_WORDS | frozenset((_MORE_FUNCTION_WORDS + _PLAN_BOILERPLATE).split())

# A few abbreviations Flemish policy texts use without always spelling them out; the
# plans' own glossaries (plan JSON `abbreviations`) extend and override this list.
DEFAULT_ABBREVIATIONS: dict[str, str] = {
    "nt2": "Nederlands als tweede taal",
    "vdab": "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding",
    "caw": "Centrum voor Algemeen Welzijnswerk",
    "clb": "centrum voor leerlingenbegeleiding",
    "okan": "onthaalonderwijs voor anderstalige nieuwkomers",
    "cvo": "centrum voor volwassenenonderwijs",
    "cbe": "centrum voor basiseducatie",
    "evc": "erkennen van verworven competenties",
    "vvsg": "Vereniging van Vlaamse Steden en Gemeenten",
    "naric": "National Academic Recognition Information Center",
    "lgbti": "lesbisch homo bi trans intersekse",
    "ivrph": "Internationaal Verdrag inzake de Rechten van Personen met een Handicap",
}

WORD = dutch.WORD
MIN_COMPOUND = 9  # shorter words are rarely compounds worth splitting
MIN_PART = 4  # `taal`, `werk` and `zorg` are parts worth finding
LINKING_LETTERS = ("", "s", "e", "en", "-")  # Dutch joins compound parts with -s-, -e-, -en-
PREFIXES = ("anti", "niet", "mede", "inter", "her")  # bound to a compound, never words alone


def fold(text: str) -> str:
    """Lowercase with accents removed: `Geïntegreerd` -> `geintegreerd`.

    ASCII only (`café’s` -> `cafes`, where search keeps `cafe` and `s`), as linking always
    folded: its terms and the exact-text comparisons in `compute_links` and `actors` were
    tuned with it, and linking never has to find its words again in the original text
    (the reason search folds accents only).
    """
    return dutch.fold(text, ascii_only=True)


def _folded_words(text: str) -> list[str]:
    return dutch.tokenise(text, ascii_only=True)


def words(text: str) -> list[str]:
    """The folded words of a text, stop words, bare numbers and single letters kept out."""
    return [
        w for w in _folded_words(text) if w not in STOP_WORDS and not w.isdigit() and len(w) > 1
    ]


@dataclass
class Analysis:
    """The terms of one text, with the surface word each stem was last seen as."""

    terms: Counter = field(default_factory=Counter)
    surface: dict[str, str] = field(default_factory=dict)


class Analyser:
    """Stems Dutch text; knows the abbreviations and compound parts of one collection."""

    def __init__(self, abbreviations: dict[str, str] | None = None) -> None:
        merged = {**DEFAULT_ABBREVIATIONS}
        for short, long in (abbreviations or {}).items():
            key = fold(short).strip()
            if key and long and WORD.fullmatch(key):
                merged[key] = long
        # short -> stems of the long form; long-form stem tuple -> short
        self.expansions: dict[str, tuple[str, ...]] = {}
        self.contractions: dict[tuple[str, ...], str] = {}
        for short, long in merged.items():
            stems = tuple(self.stem(w) for w in words(long))
            if len(stems) >= 2 and short not in STOP_WORDS:
                self.expansions[short] = stems
                self.contractions.setdefault(stems, short)
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for long_stems, short in self.contractions.items():
            self._by_first.setdefault(long_stems[0], []).append((long_stems, short))
        self.parts: frozenset[str] = frozenset()
        self._splits: dict[str, list[str]] = {}

    def stem(self, word: str) -> str:
        """The stem of a folded word: the same stemmer (and cache) search uses."""
        return dutch.stem(word)

    def learn_compound_parts(self, texts: Iterable[str], min_count: int = 2) -> None:
        """Remember words seen on their own often enough to be trusted as compound parts."""
        seen: Counter = Counter()
        for text in texts:
            seen.update(set(_folded_words(text)))
        self.parts = frozenset(w for w, n in seen.items() if n >= min_count and len(w) >= MIN_PART)
        self._splits = {}

    def split_compound(self, word: str) -> list[str]:
        """The known words a compound is made of (`gelijkekansenbeleid` -> `gelijke`,
        `kansen`, `beleid`; `antidiscriminatiemaatregelen` -> `discriminatie`,
        `maatregelen`); [] where the word is not wholly made of known words.

        Only a split that covers the whole word counts (with the linking letters -s-, -e-,
        -en- and a prefix such as `anti` allowed), so `buitenlandse` is not read as
        `buiten` and `inburgering` not as `burger`.
        """
        if len(word) < MIN_COMPOUND or not self.parts:
            return []
        cached = self._splits.get(word)
        if cached is None:
            start = 0
            for prefix in PREFIXES:
                if word.startswith(prefix) and len(word) - len(prefix) >= MIN_COMPOUND - 2:
                    start = len(prefix)
                    break
            cached = self._segment(word, start) or []
            if start and not cached:
                cached = self._segment(word, 0) or []
            if len(cached) < 2 and not (start and cached):
                cached = []
            self._splits[word] = cached
        return cached

    def _segment(self, word: str, start: int) -> list[str] | None:
        """Fewest known parts covering word[start:], or None. Dynamic programming."""
        size = len(word)
        best: list[list[str] | None] = [None] * (size + 1)
        best[size] = []
        for i in range(size - MIN_PART, start - 1, -1):
            for j in range(size, i + MIN_PART - 1, -1):
                part = word[i:j]
                if part not in self.parts or (i == start and j == size and start == 0):
                    continue
                for link in LINKING_LETTERS:
                    k = j + len(link)
                    if k <= size and word[j:k] == link and best[k] is not None:
                        candidate = [part, *best[k]]
                        if best[i] is None or len(candidate) < len(best[i]):
                            best[i] = candidate
        return best[start]

    def analyse(self, text: str) -> Analysis:
        """Terms of a text: stems, abbreviation expansions both ways, compound parts."""
        result = Analysis()
        stems: list[str] = []
        for word in words(text):
            stem = self.stem(word)
            stems.append(stem)
            result.terms[stem] += 1
            result.surface.setdefault(stem, word)
            expansion = self.expansions.get(word)
            if expansion:
                for part in expansion:
                    result.terms[part] += 1
            for part in self.split_compound(word):
                part_stem = self.stem(part)
                if part_stem != stem and part not in STOP_WORDS:
                    # half weight: the part says less than the whole word
                    result.terms[part_stem] += 0.5
                    result.surface.setdefault(part_stem, part)
        found: set[str] = set()
        for start, stem in enumerate(stems):
            for long_stems, short in self._by_first.get(stem, ()):
                if (
                    short not in found
                    and tuple(stems[start : start + len(long_stems)]) == long_stems
                ):
                    found.add(short)
                    result.terms[short] += 1
                    result.surface.setdefault(short, short.upper())
        return result

    def tokens(self, text: str) -> list[str]:
        """The terms of a text as a flat list (for tests and quick looks)."""
        return sorted(self.analyse(text).terms)
