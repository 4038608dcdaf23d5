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


def _drifted():
    """A 2016 measure and its 2025 successor in other words, besides look-alikes."""
    old = [
        item(
            "o-databank",
            "Expertendatabank voor journalisten",
            "Journalisten vinden experts van buitenlandse herkomst voor een genuanceerd beeld.",
            group="old",
            context="Genuanceerde beeldvorming over diversiteit",
        ),
        item(
            "o-sport",
            "Beleidsnetwerk sport",
            "Sportfederaties overleggen over drempels.",
            group="old",
            context="Vrije tijd voor iedereen",
        ),
        item(
            "o-caravan",
            "Woonwagenterreinen",
            "Subsidies voor standplaatsen.",
            group="old",
            context="Genuanceerde beeldvorming over diversiteit",
        ),
    ]
    new = [
        item(
            "n-narratives",
            "Lerend netwerk genuanceerde narratieven",
            "Een lerend netwerk wisselt expertise uit over genuanceerde beeldvorming.",
            group="new",
            context="Sociale cohesie via genuanceerde beeldvorming",
        ),
        item(
            "n-sport",
            "Integriteit in de sport",
            "Sportclubs pakken discriminatie aan.",
            group="new",
            context="Sport voor iedereen",
        ),
        item(
            "n-housing",
            "Wachttijd sociale huurwoningen",
            "Grote gezinnen wachten lang.",
            group="new",
            context="Betaalbaar wonen",
        ),
    ]
    return old, new  # fmt: skip


def test_mutual_best_finds_a_successor_below_the_threshold():
    old, new = _drifted()
    scorer = Scorer([*old, *new])
    below = scorer.score(old[0], new[0])
    assert below.score < 0.23  # the threshold alone misses it
    pairs = {(m.source.ref, m.target.ref): m for m in scorer.mutual_best(old, new)}
    assert ("o-databank", "n-narratives") in pairs
    mutual = pairs[("o-databank", "n-narratives")].evidence["mutual"]
    assert mutual["target_rank"] == 1 and mutual["source_rank"] <= 2
    assert mutual["similarity"] >= 0.12
    assert "beeldvorming" in mutual["terms"]
    assert all(m.source.group != m.target.group for m in pairs.values())


def test_mutual_best_needs_a_shared_word_beyond_the_goals():
    old, new = _drifted()
    scorer = Scorer([*old, *new])
    # the caravan measure hangs under the same goal as the databank, but shares no word
    # of its own with the learning network
    assert ("o-caravan", "n-narratives") not in {
        (m.source.ref, m.target.ref) for m in scorer.mutual_best(old, new)
    }


def test_mutual_best_needs_the_source_among_the_best_for_its_target():
    old, new = _drifted()
    old = old[:2]  # without the caravan measure, which shares the databank's goal
    copies = [
        item(f"o-copy{n}", "Lerend netwerk genuanceerde narratieven",
             "Een lerend netwerk wisselt expertise uit over genuanceerde beeldvorming.",
             group="old")
        for n in range(2)
    ]  # fmt: skip
    scorer = Scorer([*old, *copies, *new])
    pairs = {(m.source.ref, m.target.ref) for m in scorer.mutual_best([*old, *copies], new)}
    # two older items are closer to the learning network: the databank ranks third
    assert ("o-databank", "n-narratives") not in pairs
    assert ("o-copy0", "n-narratives") in pairs
    assert scorer.mutual_best([*old, *copies], new, rank=3)  # a wider rank lets it in
    assert ("o-databank", "n-narratives") in {
        (m.source.ref, m.target.ref) for m in scorer.mutual_best([*old, *copies], new, rank=3)
    }


def test_mutual_best_respects_its_minimum_similarity():
    old, new = _drifted()
    scorer = Scorer([*old, *new])
    assert scorer.mutual_best(old, new, min_similarity=0.99) == []


def test_mutual_best_is_the_same_in_small_chunks_and_prefers_the_first_of_equal_targets(
    monkeypatch,
):
    old, new = _drifted()
    twin = item("n-twin", new[0].title, new[0].text, group=new[0].group, context=new[0].context)
    # a second plan of the newer period, so one chunk holds targets of two plans
    other = [
        item(f"m-{n}", t.title, t.text, group="newer-too", context=t.context)
        for n, t in enumerate(new)
    ]
    targets = [*new, twin, *other]
    scorer = Scorer([*old, *targets])

    def pairs():
        return [
            (m.source.ref, m.target.ref, m.evidence["mutual"]["source_rank"])
            for m in scorer.mutual_best(old, targets)
        ]

    def candidates():
        found = scorer.best_matches(old, targets, threshold=0.0, one_to_one=True)
        return [(m.source.ref, m.target.ref, m.score, m.weak) for m in found]

    whole, whole_candidates = pairs(), candidates()
    monkeypatch.setattr("beleidsmonitor.linking.similarity.CHUNK_CELLS", 1)  # 1 row a slice
    assert pairs() == whole
    assert candidates() == whole_candidates and len(whole_candidates) > len(old)
    found = {(source, target) for source, target, _rank in whole}
    # the narratives network and its word-for-word twin tie: the first one written wins
    assert ("o-databank", "n-narratives") in found
    assert ("o-databank", "n-twin") not in found
    assert ("o-databank", "m-0") in found  # one best target per target plan


def test_mutual_best_skips_pairs_within_one_plan():
    old, new = _drifted()
    scorer = Scorer([*old, *new])
    both = [*old, *new]
    for minimum in (0.12, 0.0, -1.0):
        found = scorer.mutual_best(both, both, min_similarity=minimum)
        assert found and all(m.source.group != m.target.group for m in found)
    assert scorer.mutual_best([], new) == [] and scorer.mutual_best(old, []) == []


def test_mutual_best_ranks_a_source_only_among_the_items_of_its_own_plan():
    old, new = _drifted()
    # a plan of the same older period holding two closer copies of the learning network:
    # they outrank the databank for that target, but not within the databank's own plan
    rival_plan = [
        item(f"r-copy{n}", "Lerend netwerk genuanceerde narratieven",
             "Een lerend netwerk wisselt expertise uit over genuanceerde beeldvorming.",
             group="old-too")
        for n in range(2)
    ]  # fmt: skip
    scorer = Scorer([*old, *rival_plan, *new])
    found = {(m.source.ref, m.target.ref): m for m in scorer.mutual_best([*old, *rival_plan], new)}
    alone = {(m.source.ref, m.target.ref): m for m in scorer.mutual_best(old, new)}
    pair = ("o-databank", "n-narratives")
    rank = alone[pair].evidence["mutual"]["source_rank"]
    assert found[pair].evidence["mutual"]["source_rank"] == rank <= 2
    assert ("r-copy0", "n-narratives") in found


def test_whole_text_reads_past_the_lead_of_a_long_description():
    filler = " ".join(f"woord{n}" for n in range(300))
    a = item("a", "Titel", f"{filler} journalisten", group="x")
    b = item("b", "Andere titel", "journalisten", group="y")
    scorer = Scorer([a, b])
    journalist = scorer.analyser.stem("journalisten")
    assert journalist not in scorer.vectors["a"].text  # the lead stops before it
    assert journalist in scorer.vectors["a"].whole


def test_one_to_one_keeps_only_pairs_that_pick_each_other():
    old = [
        item("old-caw", "Sociaal tolken in het CAW",
             "Het CAW zet sociaal tolken in voor anderstalige cliënten.", group="old"),
        item("old-lokaal", "Tolken bij lokale besturen",
             "Lokale besturen doen een beroep op sociaal tolken.", group="old"),
    ]  # fmt: skip
    new = [
        item("new-caw", "Structurele verankering sociaal tolken in het CAW",
             "Het CAW zet sociaal tolken in voor anderstalige cliënten.", group="new"),
    ]  # fmt: skip
    scorer = Scorer([*old, *new])
    matches = {m.source.ref: m for m in scorer.best_matches(old, new, threshold=0.05,
                                                            one_to_one=True)}  # fmt: skip
    assert set(matches) == {"old-caw", "old-lokaal"}
    assert matches["old-caw"].score > matches["old-lokaal"].score
    # the CAW measure and the CAW action pick each other: a proposal
    assert not matches["old-caw"].weak
    assert matches["old-caw"].evidence["best_match"] == {"of_source": True, "of_target": True}
    # the local measure's best is the same action, but the action has a better match
    assert matches["old-lokaal"].weak
    assert matches["old-lokaal"].evidence["best_match"] == {"of_source": True, "of_target": False}
    # without the rule nothing is weak
    assert not any(m.weak for m in scorer.best_matches(old, new, threshold=0.05))
