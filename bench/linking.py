"""Linking on the five corpus documents: quality against the gold set, time, scaling.

Prints
- precision and recall of the proposals at the threshold users see (`THRESHOLD` in
  `linking/similarity.py`) on the hand-made gold set (`tests/linking/gold_pairs.py`):
  overall, for the pairs found by reading and for the blind sample of proposals, per
  relation and per half; then again with the weak candidates counted; with the misses
  and the false alarms by name;
- the time of `compute_links` for the five documents (import not counted), first run and
  refresh;
- how the time grows with 10x and 100x as many actions: synthetic plans made from the real
  ones (each action copied with a share of its words swapped for other words of its
  plan), end to end with the database at 1x and 10x, the scoring engine alone up to 100x.

Targets (issue "Link plans"): precision >= 0.8 at recall >= 0.7; five documents < 2 s.
Run: `.venv/bin/python bench/linking.py [--sweep] [--no-scale]`. Uses a throw-away
SQLite database in a temporary folder; needs the corpus (`BELEIDSMONITOR_CORPUS_DIR`).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.linking.gold


def setup(data_dir: str) -> None:
    os.environ["BELEIDSMONITOR_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beleidsmonitor.project.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def import_corpus() -> list[dict]:
    from beleidsmonitor.conf import corpus_dir
    from beleidsmonitor.ingest import parse
    from beleidsmonitor.plans.operations.import_plan import import_plan

    documents = sorted(corpus_dir().glob("*.txt"))
    if not documents:
        raise SystemExit(f"no corpus documents in {corpus_dir()}")
    plans = []
    for document in documents:
        data = parse(document)
        import_plan(data)
        plans.append(data)
        print(
            f"imported {document.name}: {len(data['goals'])} goals, {len(data['actions'])} actions"
        )
    return plans


def halves() -> dict:
    """Gold pair -> its half (`tests/linking/gold.half`): 0 tunes, 1 checks."""
    from tests.linking.gold import half
    from tests.linking.gold_pairs import LINKED, NOT_LINKED

    return {pair: half(pair) for pair in (*LINKED, *NOT_LINKED)}


def _counts(result, keep) -> tuple[int, int, int]:
    found = sum(1 for p in result.true_positives if keep(p))
    missed = sum(1 for p in result.false_negatives if keep(p))
    alarms = sum(1 for p, _ in result.false_positives if keep(p))
    return found, missed, alarms


def _line(label: str, found: int, missed: int, alarms: int) -> str:
    precision = found / (found + alarms) if found + alarms else 0
    recall = found / (found + missed) if found + missed else 0
    return (
        f"  {label}: precision {precision:.2f}, recall {recall:.2f} "
        f"({found} found, {missed} missed, {alarms} false alarms)"
    )


def quality(threshold: float) -> tuple[float, float]:
    """Precision and recall on the gold set, first of the proposals (score >= threshold),
    then with the weak candidates (the mutual-best rule's pairs below it) counted too.
    Returns the proposals' precision and recall on the whole set."""
    from tests.linking.gold import evaluate, relation
    from tests.linking.gold_pairs import LINKED, NOT_LINKED, READING, SAMPLE

    from beleidsmonitor.linking.operations.compute_links import compute_links

    compute_links(threshold=threshold)
    print(
        f"\ngold set: {len(LINKED)} linked pairs, {len(NOT_LINKED)} not linked "
        f"({sum(p.origin == READING for p in (*LINKED, *NOT_LINKED))} from reading the "
        f"documents, {sum(p.origin == SAMPLE for p in (*LINKED, *NOT_LINKED))} from a blind "
        "sample of proposals)"
    )
    half = halves()
    headline = (0.0, 0.0)
    for tier, include_weak in (
        ("proposals (score >= threshold)", False),
        ("proposals and weak candidates", True),
    ):
        result = evaluate(include_weak=include_weak)
        if not include_weak:
            headline = (result.precision, result.recall)
        print(
            f"{tier}, threshold {threshold:.2f}: precision {result.precision:.2f}, "
            f"recall {result.recall:.2f} ({len(result.true_positives)} found, "
            f"{len(result.false_negatives)} missed, {len(result.false_positives)} false alarms)"
        )
        parts = [
            ("pairs from reading", lambda p: p.origin == READING),
            ("blind sample of proposals", lambda p: p.origin == SAMPLE),
            ("lineage across periods", lambda p: relation(p) == "lineage"),
            ("overlap 2025 <-> 2025", lambda p: relation(p) == "overlap"),
            ("half 0 (tuning)", lambda p: half[p] == 0),
            ("half 1 (check)", lambda p: half[p] == 1),
        ]
        for label, keep in parts:
            print(_line(label, *_counts(result, keep)))
        for pair in result.false_negatives:
            print(
                f"  missed       {pair.source_doc} {pair.source[:45]!r} -> "
                f"{pair.target_doc} {pair.target}"
            )
        for pair, score in result.false_positives:
            print(
                f"  false alarm  {pair.source_doc} {pair.source[:45]!r} -> {pair.target_doc} "
                f"{pair.target} ({score:.2f})"
            )
        for missing in result.missing:
            print(f"  not found    {missing}")
    return headline


def sweep() -> None:
    from tests.linking.gold import evaluate

    from beleidsmonitor.linking.operations.compute_links import compute_links

    half = halves()
    print("\nthreshold  precision  recall   half 0 P/R   half 1 P/R")
    for threshold in (0.15, 0.18, 0.20, 0.22, 0.25, 0.28, 0.30, 0.35, 0.40):
        compute_links(threshold=threshold)
        result = evaluate(include_weak=False)
        parts = []
        for wanted in (0, 1):
            found, missed, alarms = _counts(result, lambda p, w=wanted: half[p] == w)
            precision = found / (found + alarms) if found + alarms else 0
            parts.append(f"{precision:.2f}/{found / (found + missed):.2f}")
        print(
            f"  {threshold:.2f}      {result.precision:.2f}       {result.recall:.2f}     "
            f"{parts[0]}    {parts[1]}"
        )


def time_corpus() -> float:
    from beleidsmonitor.linking.models import LinkProposal
    from beleidsmonitor.linking.operations.compute_links import compute_links

    LinkProposal.objects.all().delete()
    first = compute_links()
    again = compute_links()
    print(
        f"\nfive documents: compute_links {first.seconds:.2f} s wall, {first.cpu_seconds:.2f} s CPU "
        f"(first run); {again.seconds:.2f} s wall, {again.cpu_seconds:.2f} s CPU (refresh); "
        f"{first.proposals} proposals; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    return first.cpu_seconds


def synthetic(plans: list[dict], factor: int, seed: int = 7) -> list[dict]:
    """Each plan with `factor` times as many actions: every action copied, a third of the
    words of each copy swapped for other words of the same plan, so copies are alike but
    not identical, as actions of one big plan are."""
    rng = random.Random(seed)
    result = []
    for plan in plans:
        vocabulary = [
            w for a in plan["actions"] for w in f"{a['title']} {a.get('description') or ''}".split()
        ] or ["woord"]

        copy = {
            **plan,
            "actions": [],
            "source": {**plan["source"], "sha256": f"x{factor}-{plan['source']['sha256']}"},
        }
        copy["plan"] = {**plan["plan"], "title": f"{plan['plan']['title']} x{factor}"}
        copy["source"]["file"] = f"x{factor}-{plan['source']['file']}"
        for round_ in range(factor):
            for action in plan["actions"]:
                copy["actions"].append(
                    {
                        **action,
                        "id": f"{action['id']}~{round_}",
                        "number": None,
                        "title": _vary(action["title"], vocabulary, rng)
                        if round_
                        else action["title"],
                        "description": _vary(action.get("description"), vocabulary, rng)
                        if round_
                        else action.get("description"),
                    }
                )
        result.append(copy)
    return result


def _vary(text: str | None, vocabulary: list[str], rng: random.Random) -> str | None:
    if not text:
        return text
    return " ".join(rng.choice(vocabulary) if rng.random() < 0.33 else w for w in text.split())


def engine_time(plans: list[dict]) -> tuple[float, int, int]:
    """Scoring alone (no database): the actions of the plan JSON, each plan against the
    later ones (one-to-one and mutual-best rules) and the others of its period (threshold
    alone). Simpler than `link`, which also pairs goals and skips a progress report
    against its own period's plans, so the counts differ from its proposals."""
    from beleidsmonitor.linking.operations.compute_links import merge_mutual
    from beleidsmonitor.linking.similarity import Item, Scorer

    groups = []
    for index, plan in enumerate(plans):
        items = [
            Item(
                ref=f"p{index}#{a['id']}",
                group=f"p{index}",
                key=a["id"],
                title=a["title"],
                text=" ".join(
                    [a.get("description") or "", *a.get("objectives", []), *a.get("results", [])]
                ),
                indicators=[i["text"] for i in a.get("indicators") or []],
                actors={
                    name: name
                    for field_name in ("responsible", "cooperating", "administrations")
                    for name in a.get(field_name) or []
                },
            )
            for a in plan["actions"]
        ]
        groups.append((plan["plan"].get("period") or {}, items))
    started = time.process_time()
    scorer = Scorer([item for _, items in groups for item in items])
    matches = 0
    for a_index, (a_period, a_items) in enumerate(groups):
        for b_index, (b_period, b_items) in enumerate(groups):
            if a_index == b_index or not a_items or not b_items:
                continue
            older = (a_period.get("start") or 0) < (b_period.get("start") or 0)
            same = a_period.get("start") == b_period.get("start") and a_index < b_index
            if older:
                found = scorer.best_matches(a_items, b_items, one_to_one=True)
                matches += len(merge_mutual(found, scorer.mutual_best(a_items, b_items)))
            elif same:
                matches += len(scorer.best_matches(a_items, b_items))
    return time.process_time() - started, sum(len(i) for _, i in groups), matches


def scaling(plans: list[dict], *, end_to_end_100: bool = False) -> None:
    from beleidsmonitor.linking.models import LinkProposal
    from beleidsmonitor.linking.operations.compute_links import compute_links
    from beleidsmonitor.plans.models import Plan
    from beleidsmonitor.plans.operations.import_plan import import_plan

    print("\nscaling, scoring engine alone (synthetic actions, no database; CPU seconds):")
    for factor in (1, 10, 100):
        seconds, items, matches = engine_time(synthetic(plans, factor) if factor > 1 else plans)
        print(f"  {factor:>3}x: {items:6d} actions  {seconds:8.2f} s  ({matches} proposals)")
    print("scaling, end to end with the database (compute_links, import not counted):")
    for factor in (1, 10, 100) if end_to_end_100 else (1, 10):
        Plan.objects.all().delete()
        LinkProposal.objects.all().delete()
        for data in synthetic(plans, factor) if factor > 1 else plans:
            import_plan(data)
        result = compute_links()
        actions = sum(len(p["actions"]) for p in plans) * factor
        print(
            f"  {factor:>3}x: {actions:6d} actions  {result.seconds:8.2f} s wall  "
            f"{result.cpu_seconds:8.2f} s CPU  ({result.proposals} proposals)"
        )


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument(
        "--sweep", action="store_true", help="Also precision/recall by threshold."
    )
    arguments.add_argument(
        "--no-scale", action="store_true", help="Skip the synthetic scaling runs."
    )
    arguments.add_argument(
        "--end-to-end-100",
        action="store_true",
        help="Also link 100x the actions end to end (imports 26,000 actions: minutes).",
    )
    options = arguments.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-linking-") as folder:
        setup(folder)
        from beleidsmonitor.linking.similarity import THRESHOLD

        plans = import_corpus()
        seconds = time_corpus()
        print("\nas `beleidsmonitor link` runs:", end="")
        precision, recall = quality(THRESHOLD)
        if options.sweep:
            sweep()
        if not options.no_scale:
            scaling(plans, end_to_end_100=options.end_to_end_100)
    verdict = precision >= 0.8 and recall >= 0.7 and seconds < 2.0
    print(f"\ntargets (P >= 0.8 at R >= 0.7, < 2 s CPU): {'met' if verdict else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
