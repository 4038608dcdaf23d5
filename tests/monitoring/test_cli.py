"""`beleidsmonitor open-round`: the same permission check as the web."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from beleidsmonitor.cli import main
from beleidsmonitor.monitoring.models import ReportingRound

pytestmark = pytest.mark.django_db


def _open(*extra):
    return CliRunner().invoke(
        main,
        [
            "open-round",
            "Rapportering 2026",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--deadline",
            "2026-03-31",
            *(str(x) for x in extra),
        ],
    )


def test_a_coordinator_opens_a_round_for_their_plan(coordinator, plan):
    result = _open("--plan", plan.pk, "--user", "coordinator")
    assert result.exit_code == 0, result.output
    assert "with 2 updates" in result.output
    assert ReportingRound.objects.get().updates.count() == 2


def test_a_reporter_may_not_open_a_round(reporter, plan):
    result = _open("--plan", plan.pk, "--user", "rapporteur")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: rapporteur may not open a reporting round for these plans."
    )
    assert not ReportingRound.objects.exists()


def test_an_unknown_plan_is_one_line(admin):
    result = _open("--plan", 4242, "--user", "beheerder")
    assert result.exit_code == 1 and "no plan with number 4242" in result.output


def test_a_deadline_before_the_period_or_an_overlap_is_refused_in_english(admin, plan):
    early = CliRunner().invoke(
        main,
        ["open-round", "Vroeg", "--from", "2025-01-01", "--to", "2025-12-31"]
        + ["--deadline", "2024-12-31", "--plan", str(plan.pk), "--user", "beheerder"],
    )
    assert early.exit_code == 1
    assert "deadline: The deadline is before the start of the period." in early.output
    assert _open("--plan", plan.pk, "--user", "beheerder").exit_code == 0
    again = CliRunner().invoke(
        main,
        ["open-round", "Nog eens", "--from", "2025-06-01", "--to", "2026-05-31"]
        + ["--deadline", "2026-06-30", "--plan", str(plan.pk), "--user", "beheerder"],
    )
    assert again.exit_code == 1
    assert "The round 'Rapportering 2026' (Jan. 1, 2025 to Dec. 31, 2025)" in again.output
    assert ReportingRound.objects.count() == 1


def test_a_plan_version_that_has_been_replaced_is_refused_in_english(admin, plan, plan_json):
    import copy

    from beleidsmonitor.plans.operations.import_plan import import_plan

    newer = copy.deepcopy(plan_json)
    newer["source"] = {**newer["source"], "sha256": "nieuwere-versie"}
    import_plan(newer)
    result = _open("--plan", plan.pk, "--user", "beheerder")
    assert result.exit_code == 1
    assert (
        f"plans: The plan '{plan.title}' (version 1) has been replaced: a newer version "
        "exists. Open the round on the current version of the plan."
    ) in result.output
    assert not ReportingRound.objects.exists()
