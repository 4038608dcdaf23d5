"""Scoring pairs of items: text, actors, goal context, evidence, candidate search."""

import pytest

from beleidsmonitor.linking.similarity import Item, Scorer


def item(ref, title, text="", *, group="a", actors=None, context="", indicators=()):
    return Item(
        ref=ref,
        group=group,
        key=ref,
        title=title,
        text=text,
        actors=actors or {},
        context=context,
        indicators=list(indicators),
    )


@pytest.fixture
def items():
    return [
        item("old-tolk", "Sociaal tolken in de dienstverlening van lokale besturen",
             "Gecertificeerde sociaal tolken helpen anderstaligen bij het OCMW.",
             group="old", actors={"1": "Minister van Integratie"}),
        item("old-caravan", "Standplaatsen op woonwagenterreinen",
             "Lokale besturen krijgen subsidies voor standplaatsen.", group="old",
             actors={"2": "Minister van Wonen"}),
        item("new-tolk", "Structurele verankering sociaal tolken in het CAW",
             "Het CAW zet sociaal tolken in voor anderstalige cliënten.", group="new",
             actors={"1": "Minister van Integratie"}, indicators=["Aantal tolkprestaties"]),
        item("new-housing", "Wachttijd voor sociale huurwoningen",
             "We monitoren de wachttijd van grote gezinnen.", group="new",
             actors={"2": "Minister van Wonen"}),
        item("new-sport", "Sport voor iedereen", "Sportclubs verlagen drempels.", group="new"),
    ]  # fmt: skip


def test_continued_action_scores_above_an_unrelated_one(items):
    scorer = Scorer(items)
    by_ref = {i.ref: i for i in items}
    related = scorer.score(by_ref["old-tolk"], by_ref["new-tolk"])
    unrelated = scorer.score(by_ref["old-tolk"], by_ref["new-housing"])
    assert related.score > 0.3 > unrelated.score


def test_evidence_names_shared_terms_as_written_and_shared_actors(items):
    scorer = Scorer(items)
    by_ref = {i.ref: i for i in items}
    evidence = scorer.score(by_ref["old-tolk"], by_ref["new-tolk"]).evidence
    assert "tolken" in [t["term"] for t in evidence["terms"]]
    assert evidence["actors"] == ["Minister van Integratie"]
    assert set(evidence["parts"]) >= {"text", "actors", "context"}


def test_shared_actor_alone_does_not_make_a_link(items):
    scorer = Scorer(items)
    by_ref = {i.ref: i for i in items}
    match = scorer.score(by_ref["old-caravan"], by_ref["new-housing"])
    assert match.evidence["actors"] == ["Minister van Wonen"]
    assert match.score < 0.25


def test_words_a_plan_uses_everywhere_weigh_less():
    common = [item(f"o{n}", f"Integratie project {n}", "integratie", group="old") for n in range(5)]
    target_common = item("t1", "Integratie via sport", group="new")
    target_rare = item("t2", "Project rond sport", group="new")
    source = item("s", "Integratie en sport", group="old")
    scorer = Scorer([*common, source, target_common, target_rare])
    weights = scorer.vectors["s"].text
    assert weights[scorer.analyser.stem("sport")] > weights[scorer.analyser.stem("integratie")]


def test_best_matches_keeps_top_k_above_threshold_and_never_within_one_plan(items):
    scorer = Scorer(items)
    sources = [i for i in items if i.group == "old"]
    matches = scorer.best_matches(sources, items, threshold=0.2, top_k=1)
    pairs = {(m.source.ref, m.target.ref) for m in matches}
    assert pairs == {("old-tolk", "new-tolk")}
    assert all(m.source.group != m.target.group for m in matches)
    assert scorer.best_matches(sources, items, threshold=0.99) == []


def test_goal_context_adds_to_the_score():
    a = item("a", "Oefenkansen Nederlands", context="Nederlands leren buiten de klas", group="x")
    b = item("b", "Oefenkansen Nederlands", context="Nederlands leren buiten de klas", group="y")
    c = item("c", "Oefenkansen Nederlands", context="Discriminatie op de huurmarkt", group="y")
    scorer = Scorer([a, b, c])
    assert scorer.score(a, b).score > scorer.score(a, c).score
    assert scorer.score(a, b).evidence["context_terms"]
