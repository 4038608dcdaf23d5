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
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@_fail_cleanly
def export(plan_id: int, fmt: str, output: Path | None) -> None:
    """Export a stored plan (by its number) as plan JSON."""
    setup_django()
    from beleidsmonitor.exceptions import NotFound
    from beleidsmonitor.plans.models import Plan
    from beleidsmonitor.plans.operations.export_plan import export_plan

    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise NotFound(f"no plan with number {plan_id}")
    text = json.dumps(export_plan(plan), ensure_ascii=False, indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text)


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
    """Serve the web interface."""
    setup_django()
    from django.core.management import call_command

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
