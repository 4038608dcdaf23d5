"""The Dutch analyser and the highlighter: pure functions, no database."""

import pytest

from beleidsmonitor.search.analysis import analyse, fold
from beleidsmonitor.search.backends import Query, fts5_expression, tsquery_expression
from beleidsmonitor.search.query import highlight


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("gemeenten", "gemeente"),
        ("lokale besturen", "lokaal bestuur"),
        ("Schoolstraten", "schoolstraat"),
        ("geïntegreerd", "GEINTEGREERD"),
    ],
)
def test_analyse_gives_the_same_stems_to_word_forms(query, text):
    assert analyse(query) == analyse(text)


def test_analyse_drops_stop_words_and_keeps_numbers():
    assert analyse("de doelen van het plan voor 2025") == analyse("doelen plan 2025")
    assert "2025" in analyse("voor 2025")


def test_fold_removes_accents_and_case():
    assert fold("Één Coördinatie") == "een coordinatie"


def test_highlight_marks_matching_words_and_escapes_the_rest():
    html = highlight("<b>Gemeenten</b> & lokale besturen", set(analyse("gemeente bestuur")))
    assert html == "&lt;b&gt;<mark>Gemeenten</mark>&lt;/b&gt; &amp; lokale <mark>besturen</mark>"


def test_highlight_escapes_a_matched_word_too():
    assert "<script" not in highlight("<script>alert(1)</script>", {"script"})


def test_snippet_is_a_window_around_the_first_match():
    text = " ".join(f"woord{n}" for n in range(100)) + " gemeente " + "slot " * 50
    snippet = highlight(text, set(analyse("gemeente")), snippet=True)
    assert snippet.startswith("… ")
    assert "<mark>gemeente</mark>" in snippet
    assert "woord0 " not in snippet
    assert snippet.endswith(" …")


def test_query_expressions_for_both_backends():
    query = Query(((("vdab",), ("vlaam", "dienst")), (("meen",),)))
    assert fts5_expression(query) == '("vdab" OR "vlaam dienst") AND ("meen")'
    assert tsquery_expression(query) == "((vdab) | (vlaam <-> dienst)) & ((meen))"
