"""The `beleidsmonitor` command as a user runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from beleidsmonitor.cli import main
from beleidsmonitor.plans.models import Plan

SMALL_PLAN = Path(__file__).parent / "data" / "small-plan.json"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input)

    return invoke


@pytest.mark.django_db
def test_import_then_export_round_trips_a_plan(run, tmp_path):
    stored = run("import", SMALL_PLAN)
    assert stored.exit_code == 0, stored.output
    assert "stored plan" in stored.output and "2 actions" in stored.output
    plan = Plan.objects.get()
    out = tmp_path / "export.json"
    exported = run("export", plan.pk, "--format", "json", "-o", out)
    assert exported.exit_code == 0, exported.output
    data = json.loads(out.read_text(encoding="utf-8"))
    original = json.loads(SMALL_PLAN.read_text(encoding="utf-8"))
    assert data["goals"][1]["parent"] == "HD1"
    assert [a["title"] for a in data["actions"]] == [a["title"] for a in original["actions"]]
    assert data["actions"][0]["cooperating"] == original["actions"][0]["cooperating"]


@pytest.mark.django_db
def test_the_same_file_twice_stores_one_plan(run):
    assert run("import", SMALL_PLAN).exit_code == 0
    again = run("import", SMALL_PLAN)
    assert again.exit_code == 0
    assert "already stored" in again.output
    assert Plan.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kapot.pdf", b"%PDF-1.4\n1 0 obj garbage without end", "not a readable PDF"),
        ("kapot.docx", b"PK\x03\x04 not really a zip", "not a readable DOCX"),
        ("binair.txt", bytes(range(256)) * 20, "not a text, PDF or DOCX"),
        ("leeg.txt", b"   \n\n", "contains no text"),
        ("boodschappen.txt", b"melk\nbrood\nkaas\n", "not a policy plan"),
        ("fout.json", b'{"format": "beleidsmonitor.plan/1", ', "not valid JSON"),
    ],
)
def test_an_unreadable_file_exits_non_zero_with_one_line_and_stores_nothing(
    run, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("import", path)
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Error: ")
    assert Plan.objects.count() == 0


def test_a_missing_file_is_one_line_too(run, tmp_path):
    result = run("parse", tmp_path / "bestaat-niet.txt", "--json")
    assert result.exit_code == 1
    assert "cannot read" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.django_db
def test_export_of_an_unknown_plan_says_so(run):
    result = run("export", 999)
    assert result.exit_code == 1 and "no plan with number 999" in result.output


@pytest.mark.django_db
def test_review_asks_before_storing_and_no_stores_nothing(run):
    refused = run("import", SMALL_PLAN, "--review", input="n\n")
    assert "HD1: Fietsen wordt veiliger" in refused.output
    assert (
        "A2: Meldpunt voor gaten in fietspaden  [missing: description, indicators]"
        in refused.output
    )
    assert refused.exit_code == 1 and Plan.objects.count() == 0
    accepted = run("import", SMALL_PLAN, "--review", "--yes")
    assert accepted.exit_code == 0 and Plan.objects.count() == 1


@pytest.mark.django_db
def test_createuser_creates_a_user_who_can_log_in(run, client):
    result = run("createuser", "ann", "--password", "geheim-wachtwoord-1", "--admin")
    assert result.exit_code == 0, result.output
    assert client.login(username="ann", password="geheim-wachtwoord-1")
    again = run("createuser", "ann", "--password", "x")
    assert again.exit_code == 1 and "exists already" in again.output


@pytest.mark.django_db
def test_demo_imports_a_two_level_plan_of_ten_actions_once(run):
    first = run("demo")
    assert first.exit_code == 0, first.output
    plan = Plan.objects.get()
    assert plan.actions.count() == 10
    assert set(plan.goals.values_list("level", flat=True)) == {"HD", "OD"}
    assert plan.goals.filter(parent__isnull=False).count() == 5
    assert plan.source_text.splitlines()[0] == "1 INLEIDING"
    again = run("demo")
    assert "already stored" in again.output and Plan.objects.count() == 1


def test_parse_json_needs_no_database(run, tmp_path):
    from beleidsmonitor.cli import DEMO_DOCUMENT

    result = run("parse", DEMO_DOCUMENT, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["format"] == "beleidsmonitor.plan/1"
    assert data["actions"][1]["responsible"] == ["Minister van Cultuur"]


@pytest.mark.django_db
def test_an_imported_plan_is_searchable_at_once(run):
    from beleidsmonitor.search.query import search

    assert run("demo").exit_code == 0
    result = search("bibliotheekpassen")
    titles = [hit.title for hit in result.hits(result.ids)]
    assert any("Bibliotheekpas" in title for title in titles)


SERVE_WITHOUT_SERVING = """
import django.core.management as management
from beleidsmonitor.cli import main

real_call_command = management.call_command


def call_command(name, *args, **options):
    if name == "runserver":
        print("runserver", *args)
        return None
    return real_call_command(name, *args, **options)


management.call_command = call_command
main(["serve", "--port", "8123"])
"""


def serve_in_subprocess(data_dir, debug):
    """`beleidsmonitor serve` in a fresh interpreter, with everything but runserver real."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment.update(
        DJANGO_DEBUG=debug,
        DJANGO_SECRET_KEY="a-real-secret-" * 4,
        BELEIDSMONITOR_DATA_DIR=str(data_dir),
    )
    return subprocess.run(
        [sys.executable, "-c", SERVE_WITHOUT_SERVING],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_serve_in_production_collects_the_static_files_quietly_first(tmp_path):
    result = serve_in_subprocess(tmp_path, debug="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Beleidsmonitor on http://127.0.0.1:8123/",
        "runserver 127.0.0.1:8123",
    ]
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    assert "ninja/swagger-ui-bundle.js" in manifest["paths"]
    assert "web/app.css" in manifest["paths"]


def test_serve_in_development_collects_nothing(tmp_path):
    result = serve_in_subprocess(tmp_path, debug="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "runserver 127.0.0.1:8123"
    assert not (tmp_path / "static").exists()


@pytest.mark.django_db
def test_messages_shared_with_the_web_come_out_in_english():
    """The web's Dutch refusals are English on the command line."""
    from django.contrib.auth import get_user_model

    assert CliRunner().invoke(main, ["demo"]).exit_code == 0
    plan = Plan.objects.get()
    get_user_model().objects.create_user("lezer")
    result = CliRunner().invoke(
        main,
        ["open-round", "R", "--plan", str(plan.pk), "--from", "2026-01-01", "--to",
         "2026-12-31", "--deadline", "2027-01-31", "--user", "lezer"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "lezer may not open a reporting round" in result.output, result.output
