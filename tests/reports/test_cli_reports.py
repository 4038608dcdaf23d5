"""`beleidsmonitor report`, `export --format csv|xlsx|json` and `restore` as a user runs them."""

from __future__ import annotations

import io
import json

import pdfplumber
import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from beleidsmonitor.cli import main
from beleidsmonitor.monitoring.models import ActionUpdate, ReportingRound
from beleidsmonitor.plans.models import Plan
from tests.reports.scenario import DRAFT_NARRATIVE, build_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    return build_scenario()


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_report_command_writes_each_format(scenario, tmp_path, fmt):
    out = tmp_path / f"rapport.{fmt}"
    result = run(
        "report", scenario.plan.pk, "--round", scenario.round.name, "--format", fmt, "-o", out
    )
    assert result.exit_code == 0, result.output
    content = out.read_bytes()
    if fmt == "pdf":
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            assert "Samenvatting" in pdf.pages[1].extract_text()
    elif fmt == "docx":
        assert any(p.style.name == "Heading 1" for p in Document(io.BytesIO(content)).paragraphs)
    else:
        assert DRAFT_NARRATIVE in content.decode()  # the CLI reports everything by default


def test_report_command_for_an_actor_and_published_only(scenario, tmp_path):
    actor = scenario.draft.action.actor_links.first().actor
    out = tmp_path / "actor.html"
    result = run(
        "report",
        "--round",
        scenario.round.pk,
        "--actor",
        actor.slug,
        "--format",
        "html",
        "--published-only",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert actor.name in html and DRAFT_NARRATIVE not in html


def test_report_command_names_what_is_missing(scenario, tmp_path):
    out = tmp_path / "x.pdf"
    assert (
        "no reporting round" in run("report", scenario.plan.pk, "--round", "Geen", "-o", out).output
    )
    assert "no plan" in run("report", 9999, "--round", scenario.round.name, "-o", out).output
    assert "PLAN or an --actor" in run("report", "--round", scenario.round.name, "-o", out).output
    assert not out.exists()


def test_export_command_formats(scenario, tmp_path):
    csv_result = run("export", scenario.plan.pk, "--format", "csv")
    assert csv_result.exit_code == 0 and csv_result.output.startswith("plan;actie;")
    xlsx = tmp_path / "plan.xlsx"
    assert run("export", scenario.plan.pk, "--format", "xlsx", "-o", xlsx).exit_code == 0
    assert "Rapporteringen" in load_workbook(xlsx).sheetnames
    assert "needs -o" in run("export", scenario.plan.pk, "--format", "xlsx").output
    exported = json.loads(run("export", scenario.plan.pk).output)
    assert exported["monitoring"]["updates"]


def test_export_then_restore_on_an_empty_database(scenario, tmp_path):
    out = tmp_path / "plan.json"
    assert run("export", scenario.plan.pk, "--format", "json", "-o", out).exit_code == 0
    updates = ActionUpdate.objects.count()
    ReportingRound.objects.all().delete()
    Plan.objects.all().delete()
    restored = run("restore", out)
    assert restored.exit_code == 0, restored.output
    assert f"{updates} updates restored" in restored.output
    assert ActionUpdate.objects.filter(narrative=DRAFT_NARRATIVE).exists()
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    assert run("restore", bad).exit_code == 1
