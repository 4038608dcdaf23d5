"""The 2023 progress report (004) matched to the 2019-2024 policy note (001).

Read from both documents: the note has SD1-SD4 with OD1.1-1.4, OD2.1-2.5, OD3.1-3.5 and
OD4.1-4.6; the report writes up the same 24 objectives under the same numbers, some
twice (once per budget entity, joined by the parser). The report words three titles
differently: OD1.4 stops after `Verlichtingswaarden` (the note goes on `die ons
samenleven ...`), OD3.3 writes `LGBTI+` where the note has `LGBTQI+`, OD4.1 capitalises
`Integratiebeleid`. So every objective matches its namesake and nothing is unmatched.
"""

import copy

import pytest

from beleidsmonitor.ingest import parse
from beleidsmonitor.ingest.read import read_path
from beleidsmonitor.plans.models import FigureCandidate, ObjectiveMatch
from beleidsmonitor.plans.operations.after_import import after_import
from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.plans.operations.match_report import match_report
from tests.corpus import corpus_file

pytestmark = pytest.mark.django_db

SD1 = {  # report key: (note key, title score at least)
    "SD1": ("SD1", 1.0),
    "OD1.1": ("OD1.1", 1.0),
    "OD1.2": ("OD1.2", 1.0),
    "OD1.3": ("OD1.3", 1.0),
    "OD1.4": ("OD1.4", 1.0),  # shortened title, all its words in the note's
}


@pytest.fixture(scope="module")
def parsed():
    return parse(corpus_file("001")), parse(corpus_file("004"))


@pytest.fixture
def stored(parsed):
    note_data, report_data = parsed
    note = import_plan(copy.deepcopy(note_data)).plan
    # the source text as the import stores it, for the figures' line numbers
    source = "\n".join(read_path(corpus_file("004")).lines)
    report = import_plan(copy.deepcopy(report_data), source_text=source).plan
    return note, report


def _matches(report, note):
    return {
        m.report_goal.key: m
        for m in ObjectiveMatch.objects.filter(report_goal__plan=report, note_plan=note)
    }


def test_the_report_is_found_to_report_on_the_note(stored):
    note, report = stored
    assert (report.kind, report.report_year) == ("voortgangsrapport", 2023)
    result = after_import(report)
    assert [m.note for m in result.matches] == [note]


def test_sd1_and_its_ods_match_objective_by_objective(stored):
    note, report = stored
    match_report(report, note)
    found = _matches(report, note)
    for report_key, (note_key, least) in SD1.items():
        match = found[report_key]
        assert match.note_goal is not None, report_key
        assert match.note_goal.key == note_key, report_key
        assert match.method == "number", report_key
        assert match.score >= least, (report_key, match.score)
    od14 = found["OD1.4"]
    assert od14.report_goal.title != od14.note_goal.title, "the titles differ in the documents"
    assert found["OD1.1"].note_goal.parent.key == "SD1"


def test_every_objective_matches_its_namesake_and_nothing_is_unmatched(stored):
    note, report = stored
    result = match_report(report, note)
    pairs = {m.report_goal.key: m.note_goal.key for m in result.matched}
    assert len(pairs) == 24
    assert all(report_key == note_key for report_key, note_key in pairs.items())
    assert result.unmatched_report == [] and result.unmatched_note == []
    od33 = _matches(report, note)["OD3.3"]
    assert "LGBTI+" in od33.report_goal.title and "LGBTQI+" in od33.note_goal.title
    assert 0.9 <= od33.score < 1.0


def test_a_renumbered_or_missing_objective_is_found_or_listed(parsed):
    """The same documents with the report's OD1.2 renumbered 1.9 and OD2.5 left out:
    OD1.9 still finds the note's OD1.2 by its title, and OD2.5 of the note is unmatched."""
    note_data, report_data = copy.deepcopy(parsed[0]), copy.deepcopy(parsed[1])
    for goal in report_data["goals"]:
        if goal["id"] == "OD1.2":
            goal["id"], goal["number"] = "OD1.9", "1.9"
    report_data["goals"] = [g for g in report_data["goals"] if g["id"] != "OD2.5"]
    for action in report_data["actions"]:
        action["goal"] = {"OD1.2": "OD1.9", "OD2.5": "SD2"}.get(action["goal"], action["goal"])
    report_data["source"]["sha256"] = "changed"
    note = import_plan(note_data).plan
    report = import_plan(report_data).plan
    result = match_report(report, note)
    found = _matches(report, note)
    assert (found["OD1.9"].note_goal.key, found["OD1.9"].method) == ("OD1.2", "title")
    assert result.unmatched_report == []
    assert [g.key for g in result.unmatched_note] == ["OD2.5"]


def test_figures_of_the_report_land_on_the_note_objectives(stored):
    note, report = stored
    after_import(report)
    figure = FigureCandidate.objects.get(report_goal__key="OD4.1", value=147)
    assert figure.unit == "deelnemende lokale besturen" and figure.year == 2023
    assert figure.note_goal == note.goals.get(key="OD4.1")
    assert figure.source_line is not None
    lines = report.source_text.splitlines()
    assert "147" in lines[figure.source_line - 1]
    assert "deelnemende" in " ".join(lines[figure.source_line - 1 : figure.source_line + 1])
    dossiers = FigureCandidate.objects.get(report_goal__key="OD1.3", value=619)
    assert (dossiers.unit, dossiers.year, dossiers.year_source) == ("dossiers", 2023, "sentence")
    percentage = FigureCandidate.objects.get(report_goal__key="OD4.3", kind="percentage")
    assert (percentage.value, percentage.qualifier) == (70, "bijna")
