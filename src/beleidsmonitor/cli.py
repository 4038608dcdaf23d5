"""The `beleidsmonitor` command. `parse` needs no database; the rest set up Django."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.ingest import IngestError

DEMO_DOCUMENT = Path(__file__).parent / "demo" / "actieplan-voorbeeldstad.txt"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beleidsmonitor.project.settings")
    import django

    django.setup()
    from django.utils import translation

    # The web speaks Dutch by default; the command line speaks English (its help and
    # errors are English), so messages shared with the web come out in English here too.
    translation.activate("en")


class UserError(click.ClickException):
    """A one-line error for the user, exit code 1."""


def _fail_cleanly(function):
    """Known errors become one line on stderr and a non-zero exit, never a traceback."""
    import functools

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (BeleidsmonitorError, IngestError) as error:
            raise UserError(str(error)) from error

    return wrapper


@click.group()
@click.version_option(package_name="beleidsmonitor")
def main() -> None:
    """Beleidsmonitor: import, store, monitor and report on policy plans."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the plan JSON.")
@_fail_cleanly
def parse(file: Path, as_json: bool) -> None:
    """Parse a document (text, PDF, DOCX) into plan JSON, without storing it."""
    from beleidsmonitor.ingest import parse as parse_document
    from beleidsmonitor.ingest.review import review_text

    plan = parse_document(file)
    if as_json:
        click.echo(json.dumps(plan, ensure_ascii=False, indent=2))
    else:
        click.echo(review_text(plan))


@main.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--review", is_flag=True, help="Show what was found and ask before storing.")
@click.option("--yes", is_flag=True, help="With --review: store without asking.")
@click.option("--user", "username", help="Record this user as the importer.")
@_fail_cleanly
def import_(file: Path, review: bool, yes: bool, username: str | None) -> None:
    """Store a plan from a plan JSON file or any document the parser reads."""
    setup_django()
    from beleidsmonitor.ingest.review import review_text
    from beleidsmonitor.plans.operations.import_plan import import_plan
    from beleidsmonitor.plans.operations.load_document import load_plan_file

    data, source_text = load_plan_file(file)
    if review:
        click.echo(review_text(data))
        if not yes and not click.confirm("Store this plan?", default=False):
            raise UserError("not stored")
    result = import_plan(data, source_text=source_text, user=_user(username))
    click.echo(result.summary())


@main.command()
@click.argument("plan_id", metavar="PLAN", type=int)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv", "xlsx"]), default="json", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published-only", is_flag=True, help="Leave out updates not yet published.")
@_fail_cleanly
def export(plan_id: int, fmt: str, output: Path | None, published_only: bool) -> None:
    """Export a stored plan (by its number) with its monitoring data: plan JSON with a
    `monitoring` section, CSV (one row per action) or XLSX."""
    setup_django()
    from beleidsmonitor.exceptions import NotFound
    from beleidsmonitor.plans.models import Plan
    from beleidsmonitor.reports.exports import export as export_plan_file

    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise NotFound(f"no plan with number {plan_id}")
    content = export_plan_file(plan, fmt, published_only=published_only)
    if output:
        output.write_bytes(content)
        click.echo(f"wrote {output}")
    elif fmt == "xlsx":
        raise UserError("an XLSX file needs -o FILE")
    else:
        click.echo(content.decode("utf-8-sig"), nl=False)


@main.command()
@_fail_cleanly
def demo() -> None:
    """Import the demo plan (idempotent)."""
    setup_django()
    from beleidsmonitor.plans.operations.import_plan import import_plan
    from beleidsmonitor.plans.operations.load_document import load_plan_file

    data, source_text = load_plan_file(DEMO_DOCUMENT)
    click.echo(import_plan(data, source_text=source_text).summary())


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Serve the web interface. With DJANGO_DEBUG=0 the static files are collected first."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if not settings.DEBUG:
        # WhiteNoise serves STATIC_ROOT in production: fill it before the first request.
        call_command("collectstatic", interactive=False, verbosity=0)
    click.echo(f"Beleidsmonitor on http://{host}:{port}/")
    call_command("runserver", f"{host}:{port}", use_reloader=False)


@main.command()
def migrate() -> None:
    """Create or update the database tables."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    click.echo("database is up to date")


@main.command()
@click.argument("username")
@click.option("--email", default="")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--admin", is_flag=True, help="Give the user every right (administrator).")
@_fail_cleanly
def createuser(username: str, email: str, password: str, admin: bool) -> None:
    """Create a user who can log in to the web interface."""
    setup_django()
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise UserError(f"user {username!r} exists already")
    if not password:
        raise UserError("the password cannot be empty")
    user_model.objects.create_user(username, email, password, is_staff=admin, is_superuser=admin)
    click.echo(f"created user {username}{' (administrator)' if admin else ''}")


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (for administrators)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["beleidsmonitor manage", *args])


def _user(username: str | None):
    if not username:
        return None
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise UserError(f"no user {username!r}")
    return user


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


@main.command()
@click.option("--plan", "plan_id", type=int, help="Only this plan (by its number).")
@_fail_cleanly
def reindex(plan_id: int | None) -> None:
    """Rebuild the search index (all current plans, or one plan)."""
    setup_django()
    from beleidsmonitor.exceptions import NotFound
    from beleidsmonitor.plans.models import Plan
    from beleidsmonitor.search.indexing import reindex_all, reindex_plan

    if plan_id is None:
        plans, documents = reindex_all()
        click.echo(f"indexed {documents} documents of {plans} plans")
        return
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise NotFound(f"no plan with number {plan_id}")
    click.echo(f"indexed {reindex_plan(plan)} documents of plan {plan.pk}")


@main.command()
@click.option(
    "--threshold", type=float, default=None, help="Lowest score proposed (default: as shown)."
)
@_fail_cleanly
def link(threshold: float | None) -> None:
    """Compute or refresh link proposals (lineage, overlap) for all current plans.

    Decisions already made (confirmed, rejected) are kept, also across re-imports.
    """
    setup_django()
    from beleidsmonitor.linking.operations.compute_links import compute_links
    from beleidsmonitor.linking.similarity import THRESHOLD

    result = compute_links(threshold=THRESHOLD if threshold is None else threshold)
    click.echo(result.summary())


@main.command()
@click.argument("plan_id", metavar="PLAN", type=int, required=False)
@click.option("--round", "round_name", required=True, help="The reporting round (name or number).")
@click.option("--actor", help="Report on one actor (name, slug or number) instead of a plan.")
@click.option(
    "--format", "fmt", type=click.Choice(["pdf", "docx", "html"]), default="pdf", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--published-only", is_flag=True, help="Leave out updates not yet published.")
@_fail_cleanly
def report(
    plan_id: int | None,
    round_name: str,
    actor: str | None,
    fmt: str,
    output: Path,
    published_only: bool,
) -> None:
    """Write the annual report of a plan (or of an actor) in one reporting round."""
    setup_django()
    from beleidsmonitor.reports.service import find_actor, find_plan, find_round, make_report

    round_ = find_round(round_name)
    if actor:
        subject = find_actor(actor)
    elif plan_id is not None:
        subject = find_plan(plan_id)
    else:
        raise UserError("name a PLAN or an --actor")
    content = make_report(subject, round_, fmt, published_only=published_only)
    output.write_bytes(content)
    click.echo(f"wrote {output}")


@main.command()
@click.argument("username")
@click.option("--name", default="", help="What the token is for, to tell tokens apart.")
@_fail_cleanly
def token(username: str, name: str) -> None:
    """Make an API token for a user. The key is shown once: store it now."""
    setup_django()
    from beleidsmonitor.api.tokens import create_token

    _token, key = create_token(username, name=name)
    click.echo(key)
    click.echo(
        f"API token for {username}; send it as 'Authorization: Bearer <key>'. "
        "It is not shown again.",
        err=True,
    )


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_fail_cleanly
def restore(file: Path) -> None:
    """Store an exported plan JSON with its monitoring section (rounds, updates)."""
    setup_django()
    from beleidsmonitor.exceptions import PlanJsonError
    from beleidsmonitor.reports.restore import restore_plan

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PlanJsonError(f"{file} is not a JSON file: {error}") from None
    click.echo(restore_plan(data).summary())


@main.command(name="open-round")
@click.argument("name")
@click.option(
    "--plan",
    "plan_ids",
    type=int,
    multiple=True,
    required=True,
    help="A plan number (repeat for more).",
)
@click.option(
    "--from",
    "period_start",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="First day of the period covered.",
)
@click.option(
    "--to",
    "period_end",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="Last day of the period covered.",
)
@click.option(
    "--deadline",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="Reports are due on this day.",
)
@click.option(
    "--user", "username", required=True, help="The administrator or plan coordinator opening it."
)
@_fail_cleanly
def open_round_command(name, plan_ids, period_start, period_end, deadline, username) -> None:
    """Open a reporting round: an empty update for every action of the plans."""
    setup_django()
    from beleidsmonitor.exceptions import NotFound
    from beleidsmonitor.monitoring.operations.open_round import open_round
    from beleidsmonitor.plans.models import Plan

    plans = list(Plan.objects.filter(pk__in=plan_ids))
    missing = sorted(set(plan_ids) - {plan.pk for plan in plans})
    if missing:
        raise NotFound(f"no plan with number {missing[0]}")
    round_ = open_round(
        _user(username),
        name=name,
        period_start=period_start.date(),
        period_end=period_end.date(),
        deadline=deadline.date(),
        plans=plans,
    )
    click.echo(f"opened round {round_.pk} '{round_.name}' with {round_.updates.count()} updates")


@main.command()
@click.argument("round_ref", metavar="ROUND")
@click.option("--user", "username", help="Send as this coordinator; without it the system sends.")
@_fail_cleanly
def remind(round_ref: str, username: str | None) -> None:
    """E-mail each reporter the list of their open updates in ROUND (name or number)."""
    setup_django()
    from beleidsmonitor.monitoring.lookup import find_round
    from beleidsmonitor.monitoring.reminders import send_reminders

    click.echo(send_reminders(find_round(round_ref), user=_user(username)).summary())


@main.command()
@click.argument("report_id", metavar="REPORT_PLAN", type=int)
@click.option("--note", "note_id", type=int, help="The policy note (plan number) it reports on.")
@_fail_cleanly
def match(report_id: int, note_id: int | None) -> None:
    """Match a progress report's objectives to its policy note's; list what is matched
    and what is unmatched on both sides. Decisions already made are kept."""
    setup_django()
    from beleidsmonitor.exceptions import NotFound
    from beleidsmonitor.plans.models import Plan, PlanKind
    from beleidsmonitor.plans.operations.figures import store_figures
    from beleidsmonitor.plans.operations.match_report import (
        find_policy_note,
        match_report,
        policy_note_candidates,
    )

    report = Plan.objects.filter(pk=report_id).first()
    if report is None:
        raise NotFound(f"no plan with number {report_id}")
    if report.kind != PlanKind.PROGRESS_REPORT:
        raise UserError(f"plan {report_id} is a {report.kind}, not a voortgangsrapport")
    if note_id is not None:
        note = Plan.objects.filter(pk=note_id).first()
        if note is None:
            raise NotFound(f"no plan with number {note_id}")
    else:
        note = find_policy_note(report)
        if note is None:
            found = policy_note_candidates(report)
            which = ", ".join(f"{p.pk} '{p.title}'" for p in found) or "none stored"
            raise UserError(f"name the policy note with --note (candidates: {which})")
    result = match_report(report, note)
    figures = store_figures(report)
    click.echo(result.summary())
    click.echo("matched:")
    for m in result.matched:
        click.echo(
            f"  {m.report_goal.key:8} -> {m.note_goal.key:8} {m.score:5.2f} {m.method:7} "
            f"{m.status:9} {m.report_goal.title[:70]}"
        )
    click.echo("unmatched in the report:")
    for goal in result.unmatched_report:
        click.echo(f"  {goal.key:8} {goal.title[:90]}")
    click.echo("unmatched in the note:")
    for goal in result.unmatched_note:
        click.echo(f"  {goal.key:8} {goal.title[:90]}")
    click.echo(f"figure candidates: {figures['new']} new, {figures['kept']} decided before")
