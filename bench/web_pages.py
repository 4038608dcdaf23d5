"""Time of the plan page and of searches with the five corpus documents imported.

Target (issue "web interface"): the plan page and a search answer in under 100 ms.
The documents go into a temporary SQLite database (never the one in ./data); a document
the parsers cannot read yet is skipped with a note. Times are medians of repeated requests
through Django's test client (no network), debug off.

With `--rounds N` (default 2) N reporting rounds are opened over every plan and each
action gets a published status and progress in each, so the status columns, filters and
the dashboard have data to work on; `--rounds 0` measures the pages without monitoring.
Pages are requested anonymously (published updates only) and, with `--member`, by a
logged-in user (every update).

Run: `.venv/bin/python bench/web_pages.py [--repeat N] [--rounds N] [--member]`.
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
    arguments.add_argument("--rounds", type=int, default=2)
    arguments.add_argument("--member", action="store_true")
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
        return run(options.repeat, options.rounds, options.member)


def add_rounds(plans: list, count: int) -> None:
    """Open `count` yearly rounds over the plans; every action reported and published."""
    import datetime as dt

    from django.contrib.auth import get_user_model

    from beleidsmonitor.monitoring.models import ActionUpdate, UpdateStatus, WorkflowState
    from beleidsmonitor.monitoring.operations.open_round import open_round

    admin = get_user_model().objects.create_superuser("bench-admin", password=None)
    statuses = list(UpdateStatus.values)
    for index in range(count):
        year = 2025 + index
        round_ = open_round(
            admin,
            name=f"Bench {year}",
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            deadline=dt.date(year + 1, 3, 31),
            plans=plans,
        )
        updates = list(round_.updates.all())
        for number, update in enumerate(updates):
            update.status = statuses[(number + index) % len(statuses)]
            update.progress = (number * 7 + index * 20) % 101
            update.narrative = f"Stand van zaken {year} voor actie {update.action_id}."
            # leave every fifth one unpublished, so visibility filtering has work to do
            update.state = WorkflowState.SUBMITTED if number % 5 == 0 else WorkflowState.PUBLISHED
        ActionUpdate.objects.bulk_update(updates, ["status", "progress", "narrative", "state"])
    print(f"{count} rounds with {ActionUpdate.objects.count()} updates")


def run(repeat: int, rounds: int = 2, member: bool = False) -> int:
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

    if rounds:
        add_rounds(plans, rounds)
        for plan in plans:  # the published narratives enter the index
            reindex_plan(plan)
    client = Client()
    if member:
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.create_user("bench-reader"))

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
    for suffix, name in (
        ("matrix/", "matrix"),
        ("tijdlijn/", "timeline"),
        ("dashboard/", "dashboard"),
        ("?status=vertraagd", "status filter"),
    ):
        print(f"{name:13} {timed(f'/plannen/{largest.pk}/{suffix}')}  {largest.title[:50]}")
    from beleidsmonitor.plans.models import Actor

    busiest = max(Actor.objects.all(), key=lambda a: a.action_links.count())
    print(f"actor         {timed(f'/actoren/{busiest.slug}/')}  {busiest.name[:50]}")
    print(f"home          {timed('/')}")
    for text in SEARCHES:
        print(f"search        {timed('/zoeken/', {'q': text})}  {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
