"""Time of the plan page and of searches with the five corpus documents imported.

Target (issue "web interface"): the plan page and a search answer in under 100 ms.
The documents go into a temporary SQLite database (never the one in ./data); a document
the parsers cannot read yet is skipped with a note. Times are medians of repeated requests
through Django's test client (no network), debug off.

Run: `.venv/bin/python bench/web_pages.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time

SEARCHES = ["gemeenten", "lokale besturen", "VDAB", "onderwijs", "integratie inburgering"]


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--repeat", type=int, default=20)
    options = arguments.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
        # Before Django starts: a fresh database, and production-like settings.
        os.environ["BELEIDSMONITOR_DATA_DIR"] = folder
        os.environ.pop("DATABASE_URL", None)
        os.environ["DJANGO_DEBUG"] = "0"
        os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(40))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beleidsmonitor.project.settings")
        import django

        django.setup()
        return run(options.repeat)


def run(repeat: int) -> int:
    from django.core.management import call_command
    from django.test import Client

    from beleidsmonitor.conf import corpus_dir
    from beleidsmonitor.plans.operations.import_plan import import_plan
    from beleidsmonitor.plans.operations.load_document import load_plan_file
    from beleidsmonitor.search.indexing import reindex_plan

    call_command("migrate", interactive=False, verbosity=0)
    documents = sorted(corpus_dir().glob("*.txt"))
    if not documents:
        print(f"no corpus documents in {corpus_dir()}", file=sys.stderr)
        return 1
    plans = []
    for path in documents:
        try:
            data, source_text = load_plan_file(path)
            plan = import_plan(data, source_text=source_text).plan
        except Exception as error:  # a parser still being written: skip, say so
            print(f"skipped {path.name}: {type(error).__name__}: {error}")
            continue
        count = reindex_plan(plan)
        plans.append(plan)
        print(
            f"imported {path.name}: {plan.actions.count()} actions, "
            f"{plan.goals.count()} goals, {count} index entries"
        )
    if not plans:
        print("no document could be imported", file=sys.stderr)
        return 1

    client = Client()

    def timed(url: str, params: dict | None = None) -> str:
        response = client.get(url, params)  # warm-up (templates, caches)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url, params)
            times.append((time.perf_counter() - started) * 1000)
        # The median is the figure to judge; the fastest run shows what load on a busy
        # machine added to it.
        return f"{statistics.median(times):7.1f} ms (fastest {min(times):6.1f})"

    print(f"\nmedian of {repeat} requests (target: under 100 ms)")
    for plan in plans:
        label = plan.title[:50]
        print(f"plan page     {timed(f'/plannen/{plan.pk}/')}  {label}")
    largest = max(plans, key=lambda p: p.actions.count())
    for suffix, name in (("matrix/", "matrix"), ("tijdlijn/", "timeline")):
        print(f"{name:13} {timed(f'/plannen/{largest.pk}/{suffix}')}  {largest.title[:50]}")
    print(f"home          {timed('/')}")
    for text in SEARCHES:
        print(f"search        {timed('/zoeken/', {'q': text})}  {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
