"""`beleidsmonitor match REPORT [--note NOTE]` as a user runs it."""

import pytest
from click.testing import CliRunner

from beleidsmonitor.cli import main
from beleidsmonitor.plans.models import ObjectiveMatch
from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.plans.reporting import note_json

pytestmark = pytest.mark.django_db


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_match_prints_matched_and_unmatched_both_sides(report, note):
    result = run("match", report.pk)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "5 matched, 1 of the report and 2 of the note unmatched" in out
    matched = out.split("matched:\n")[1].split("unmatched in the report:")[0]
    assert "OD1.2    -> OD1.3" in matched
    in_report = out.split("unmatched in the report:\n")[1].split("unmatched in the note:")[0]
    assert in_report.split()[:1] == ["OD1.3"]
    in_note = out.split("unmatched in the note:\n")[1]
    assert "OD1.2" in in_note and "OD2.2" in in_note
    assert ObjectiveMatch.objects.count() == 6


def test_match_asks_for_the_note_when_two_fit(report, note):
    other = note_json()
    other["source"].update(file="nota-bis.txt", sha256="bis")
    other["plan"]["title"] = "Tweede nota"
    second = import_plan(other).plan
    refused = run("match", report.pk)
    assert refused.exit_code == 1 and "--note" in refused.output
    assert run("match", report.pk, "--note", second.pk).exit_code == 0
    assert ObjectiveMatch.objects.filter(note_plan=second).count() == 6


def test_match_refuses_a_plan_that_is_no_report(note):
    result = run("match", note.pk)
    assert result.exit_code == 1 and "not a voortgangsrapport" in result.output
    assert run("match", 999).exit_code == 1


@pytest.mark.django_db
def test_importing_a_report_after_its_note_matches_it_without_being_asked():
    """The import itself runs the matching (plan_imported signal), for CLI, web and API."""
    from tests.plans.reporting import report_json

    import_plan(note_json())
    report = import_plan(report_json()).plan
    matches = ObjectiveMatch.objects.filter(report_goal__plan=report, note_goal__isnull=False)
    assert matches.count() >= 2


def test_a_report_matched_to_itself_is_refused_in_english(report):
    result = run("match", report.pk, "--note", report.pk)
    assert result.exit_code == 1
    assert "a plan cannot report on itself" in result.output, result.output
