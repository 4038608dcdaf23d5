"""The Dutch analyser: folding, stop words, stems, abbreviations both ways, compounds."""

import pytest

from beleidsmonitor.linking.text import STOP_WORDS, Analyser, fold, words
from beleidsmonitor.search.analysis import analyse
from beleidsmonitor.text import dutch


def test_fold_lowercases_and_removes_accents():
    assert fold("Geïntegreerd Actieplan") == "geintegreerd actieplan"
    assert fold("café’s") == "cafes"


def test_words_drop_stop_words_numbers_and_plan_boilerplate():
    assert words("We zetten in 2025 de Vlaamse actie voort voor ouders") == [
        "zetten",
        "voort",
        "ouders",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [("ouders", "ouder"), ("talen", "taal"), ("scholen", "school"), ("tolken", "tolk")],
)
def test_inflected_forms_share_a_stem(first, second):
    analyser = Analyser()
    assert analyser.tokens(first) == analyser.tokens(second)


def test_acronym_brings_in_its_spelled_out_form():
    analyser = Analyser({"VDAB": "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"})
    terms = analyser.analyse("De VDAB begeleidt werkzoekenden").terms
    assert {analyser.stem("arbeidsbemiddeling"), analyser.stem("beroepsopleiding")} <= set(terms)


def test_spelled_out_form_brings_in_the_acronym():
    analyser = Analyser({"AgII": "Agentschap Integratie en Inburgering"})
    assert "agii" in analyser.analyse("het Agentschap Integratie en Inburgering organiseert").terms
    assert "agii" not in analyser.analyse("integratie en inburgering").terms


def test_plans_glossary_overrides_the_default_list():
    analyser = Analyser({"CAW": "Centra voor Algemeen Welzijnswerk en zorg"})
    assert analyser.stem("zorg") in analyser.analyse("CAW").terms


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("antidiscriminatiemaatregelen", ["discriminatie", "maatregelen"]),
        ("gelijkekansenbeleid", ["gelijke", "kansen", "beleid"]),
        ("omstaanderstrainingen", ["omstaanders", "trainingen"]),
        ("buitenlandse", []),  # `buiten` + `landse`: not wholly known words
        ("inburgering", []),
    ],
)
def test_compounds_split_only_into_known_words(compound, parts):
    analyser = Analyser()
    known = "discriminatie maatregelen gelijke kansen beleid omstaanders trainingen buiten burger"
    analyser.learn_compound_parts([known, known])
    assert analyser.split_compound(compound) == parts


def test_compound_parts_count_half_and_keep_their_surface_word():
    analyser = Analyser()
    analyser.learn_compound_parts(["discriminatie racisme beleid"] * 2)
    analysis = analyser.analyse("antidiscriminatiebeleid")
    stem = analyser.stem("discriminatie")
    assert analysis.terms[stem] == 0.5
    assert analysis.surface[stem] == "discriminatie"


def test_stop_words_build_on_the_shared_function_words():
    assert dutch.FUNCTION_WORDS < STOP_WORDS
    # linking also drops what search keeps for people to look up
    assert {"niet", "geen", "maatregelen"} <= STOP_WORDS - dutch.FUNCTION_WORDS
    assert words("den des niet geen maatregelen") == []


def test_words_fold_to_ascii_so_apostrophe_plurals_stay_one_word():
    assert words("KMO’s en foto’s van de gemeenten") == ["kmos", "fotos", "gemeenten"]


def test_terms_are_the_search_stems_where_linking_adds_nothing():
    # No linking stop word, abbreviation or compound here: both features must then agree.
    text = "De ouders van gemeenten zoeken scholen en tolken"
    assert Analyser().tokens(text) == sorted(set(analyse(text)))
