"""The shared Dutch building blocks (`beleidsmonitor.text.dutch`) and search's layer on them.

Pure functions, no database. The point of sharing is that search and linking cannot
drift apart, so several tests here compare the two features directly.
"""

import threading

import pytest

from beleidsmonitor.linking import text as linking
from beleidsmonitor.search import analysis
from beleidsmonitor.text import dutch

SAMPLES = [
    "Geïntegreerd Actieplan",
    "Coördinatie van de gemeenten, naïef en ÉÉN keer",
    "café’s en foto's",
    "København Straße œuvre",
    "a_b 2025 ½",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_ascii_only_fold_is_the_accent_fold_minus_what_is_not_ascii(text):
    # The one difference between the two folds is the named option, nothing else.
    folded = dutch.fold(text)
    assert dutch.fold(text, ascii_only=True) == "".join(ch for ch in folded if ch.isascii())


def test_fold_keeps_words_apart_unless_ascii_only():
    assert dutch.fold("Café’s") == "cafe’s"
    assert dutch.fold("Café’s", ascii_only=True) == "cafes"


def test_search_folds_accents_and_linking_folds_to_ascii():
    text = "Geïntegreerd Café’s, ÉÉN keer"
    assert analysis.fold(text) == "geintegreerd cafe’s, een keer"
    assert linking.fold(text) == "geintegreerd cafes, een keer"


def test_tokenise_and_word_matches_split_alike():
    text = "Het OKAN-aanbod (NT2) in 2025: café’s, KMO’s en a_b."
    expected = ["het", "okan", "aanbod", "nt2", "in", "2025", "cafe", "s", "kmo", "s", "en", "a_b"]
    assert dutch.tokenise(text) == expected
    assert [m.group() for m in dutch.word_matches(dutch.fold(text))] == expected


@pytest.mark.parametrize(
    "text", [*SAMPLES[:-1], "a_b 2025", "De ouders’ scholen: geen wachtlijsten meer"]
)
def test_highlighting_finds_exactly_the_indexed_stems_in_the_original_text(text):
    # `highlight` stems the words of the original text one by one; it can only mark what
    # was indexed if that gives the stems `analyse` stored, in the same order. (Known
    # exception, as before the shared module: a compatibility sign such as `½` folds
    # into several words, `1⁄2`.)
    highlighted = [analysis.word_stem(m.group()) for m in analysis.words(text)]
    assert [s for s in highlighted if s] == analysis.analyse(text)


def test_search_drops_only_the_shared_function_words():
    assert analysis.STOP_WORDS == dutch.FUNCTION_WORDS
    # words a person may search for stay in the index
    assert analysis.analyse("geen niet maatregelen") == [
        dutch.stem("geen"),
        dutch.stem("niet"),
        dutch.stem("maatregelen"),
    ]


def test_a_stop_word_never_gets_a_stem_in_search():
    assert analysis.stem("worden") == ""
    assert analysis.word_stem("Worden") == ""
    assert analysis.stem("scholen") == dutch.stem("scholen") == "school"


def test_stored_stems_are_unchanged():
    # What `beleidsmonitor reindex` stores. If this has to change, existing databases
    # need a reindex: say so in the change.
    text = (
        "De gemeenten en het Geïntegreerd Actieplan: geen wachtlijsten voor café’s in 2025 "
        "(zie result_details)."
    )
    assert analysis.analysed_text(text) == (
        "meen integreer actieplan geen wachtlijst cafe s 2025 zie result_detail"
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [("ouders", "ouder"), ("gemeenten", "meen"), ("taalbeleidsplannen", "taalbeleidsplan"),
     ("2025", "2025"), ("vdab", "vdab")],
)  # fmt: skip
def test_search_and_linking_stem_alike(word, expected):
    assert analysis.stem(word) == linking.Analyser().stem(word) == expected


def test_numbers_are_not_stemmed():
    assert dutch.stem("2025") == "2025"


def test_each_thread_stems_with_its_own_stemmer():
    # A Snowball stemmer holds the word it works on; a shared one would mix up the stems
    # of two threads stemming at the same time.
    seen = []
    thread = threading.Thread(target=lambda: seen.append(dutch._stemmer()))
    thread.start()
    thread.join()
    assert seen[0] is not dutch._stemmer()
    assert seen[0].stemWord("scholen") == "school"
