"""Time and peak memory of parsing the five corpus documents.

Target (issue "Import action plans"): all five in under 1 s on the project machine.
Run: `make bench` or `.venv/bin/python bench/parse_corpus.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc

from beleidsmonitor.conf import corpus_dir
from beleidsmonitor.ingest import IngestError, parse


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--repeat", type=int, default=5)
    options = arguments.parse_args()
    documents = sorted(corpus_dir().glob("*.txt"))
    if not documents:
        print(f"no corpus documents in {corpus_dir()}", file=sys.stderr)
        return 1
    for document in documents:  # warm-up: imports, regex compilation
        _parse_or_report(document)
    runs = []
    for _ in range(options.repeat):
        started = time.perf_counter()
        for document in documents:
            _parse_or_report(document)
        runs.append(time.perf_counter() - started)
    tracemalloc.start()
    per_document = []
    for document in documents:
        started = time.perf_counter()
        plan = _parse_or_report(document)
        elapsed = time.perf_counter() - started
        counts = (len(plan["goals"]), len(plan["actions"]), len(plan["warnings"])) if plan else None
        per_document.append((document.name, elapsed, counts))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    for name, elapsed, counts in per_document:
        detail = (
            f"{counts[0]} goals, {counts[1]} actions, {counts[2]} warnings" if counts else "FAILED"
        )
        print(f"{name:32} {elapsed * 1000:8.1f} ms  {detail}")
    print(
        f"all {len(documents)} documents: median {statistics.median(runs) * 1000:.0f} ms, "
        f"best {min(runs) * 1000:.0f} ms over {options.repeat} runs (target < 1000 ms); "
        f"peak traced memory {peak / 1024 / 1024:.1f} MiB"
    )
    return 0


def _parse_or_report(document):
    try:
        return parse(document)
    except IngestError as error:
        print(f"{document.name}: {error}", file=sys.stderr)
        return None


if __name__ == "__main__":
    sys.exit(main())
