"""Matching a progress report's objectives to its policy note: scores, pairing,
storing, decisions kept on a re-run and across re-imports, finding the note."""

import pytest

from beleidsmonitor.plans.models import FigureCandidate, MatchStatus, ObjectiveMatch
from beleidsmonitor.plans.operations.after_import import after_import
from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.plans.operations.match_report import (
    NUMBER_TITLE_MIN,
    GoalRef,
    MatchError,
    decide_match,
    find_policy_note,
    match_report,
    normalise_title,
    pair_goals,
    reported_per_year,
    title_score,
)
from beleidsmonitor.plans.permissions import DecisionNotAllowed
from tests.plans.reporting import REPORT_SOURCE, changed, note_json, report_json

# --- pure: scores and pairing -------------------------------------------------------


def test_normalise_title_drops_stop_words_folds_accents_and_stems():
    assert (
        normalise_title("We bestrijden de structurele barrières") == "bestrijd structurel barrier"
    )


@pytest.mark.parametrize(
    ("report", "note", "low", "high"),
    [
        # a shortened title: all its words are in the note's title
        (
            "We stimuleren ieders identiteitsontwikkeling",
            "We stimuleren ieders identiteitsontwikkeling vanuit de gedeelde sokkel",
            100,
            100,
        ),
        # inflection and case differ only
        ("We versterken de Lokale besturen", "we versterkten het lokaal bestuur", 90, 100),
        # two different objectives of the same plan
        (
            "We versterken de economische zelfredzaamheid",
            "We versterken de taalverwerving van het Nederlands",
            0,
            60,
        ),
        ("", "We versterken de taalverwerving", 0, 0),
    ],
)
def test_title_score(report, note, low, high):
    assert low <= title_score(report, note) <= high


def _refs(*items):
    return [GoalRef(key, key[:2], key[2:], title) for key, title in items]


def test_pairing_by_number_title_and_nothing():
    report = _refs(
        ("OD1.1", "We versterken de begeleiding van werkzoekenden"),
        ("OD1.2", "We bestrijden discriminatie op de arbeidsmarkt"),
        ("OD1.3", "We maken werkenden digitaal vaardiger"),
    )
    note = _refs(
        ("OD1.1", "We versterken de begeleiding van werkzoekenden door de VDAB"),
        ("OD1.2", "We investeren in levenslang leren voor alle werkenden"),
        ("OD1.3", "We bestrijden discriminatie op de arbeidsmarkt"),
    )
    found = {p.report_key: p for p in pair_goals(report, note)}
    assert (found["OD1.1"].note_key, found["OD1.1"].method) == ("OD1.1", "number")
    assert found["OD1.1"].score == 1.0
    # another number, the very same title: the title wins over the number
    assert (found["OD1.2"].note_key, found["OD1.2"].method) == ("OD1.3", "title")
    # same number as the note's OD1.3, but that one is taken and the title is unlike
    assert found["OD1.3"].note_key is None and found["OD1.3"].method == "none"
    assert found["OD1.3"].evidence["alternatives"], "the best candidates are kept for review"


@pytest.mark.parametrize(
    ("report_title", "note_title"),
    [
        (
            "We maken het inburgeringsbeleid slagkrachtiger",
            "We versterken de economische zelfredzaamheid",
        ),
        # the closest wrong pair of 004/001: one shared word gives a token set ratio of 65
        (
            "We zetten in op participatie en netwerk",
            "We zorgen voor een evenredige participatie van burgers op domeinen zoals "
            "onderwijs, arbeidsmarkt, wonen, enz.",
        ),
    ],
)
def test_same_number_with_an_unrelated_title_is_no_match(report_title, note_title):
    report = _refs(("OD2.1", report_title))
    note = _refs(("OD2.1", note_title))
    assert title_score(report_title, note_title) < NUMBER_TITLE_MIN
    assert pair_goals(report, note)[0].note_key is None


def test_same_number_with_a_reworded_title_matches():
    note_title = (
        "We optimaliseren de coördinatie over het horizontale gelijkekansen- en integratiebeleid"
    )
    reworded = "We verbeteren de coördinatie van het horizontale integratiebeleid"
    assert 80 < title_score(reworded, note_title) < 90, "reworded, not merely shortened"
    found = pair_goals(_refs(("OD4.1", reworded)), _refs(("OD4.1", note_title)))[0]
    assert (found.note_key, found.method) == ("OD4.1", "number")


def test_levels_are_not_mixed():
    report = _refs(("SD1", "We bestrijden discriminatie"))
    note = _refs(("OD1", "We bestrijden discriminatie"))
    assert pair_goals(report, note)[0].note_key is None


def test_the_number_breaks_a_tie_between_equal_titles():
    report = _refs(("OD1.2", "Samenwerking met het middenveld"))
    note = _refs(
        ("OD1.1", "Samenwerking met het middenveld"),
        ("OD1.2", "Samenwerking met het middenveld"),
    )
    assert pair_goals(report, note)[0].note_key == "OD1.2"


# --- stored matches -----------------------------------------------------------------


def _pairs(report, note):
    return {
        m.report_goal.key: (m.note_goal.key if m.note_goal else None, m.status)
        for m in ObjectiveMatch.objects.filter(report_goal__plan=report, note_plan=note)
    }


def test_match_report_stores_pairs_and_lists_unmatched_both_sides(report, note):
    result = match_report(report, note)
    assert _pairs(report, note) == {
        "SD1": ("SD1", "proposed"),
        "OD1.1": ("OD1.1", "proposed"),
        "OD1.2": ("OD1.3", "proposed"),
        "OD1.3": (None, "proposed"),
        "SD2": ("SD2", "proposed"),
        "OD2.1": ("OD2.1", "proposed"),
    }
    assert [g.key for g in result.unmatched_report] == ["OD1.3"]
    assert [g.key for g in result.unmatched_note] == ["OD1.2", "OD2.2"]
    od11 = ObjectiveMatch.objects.get(report_goal__key="OD1.1", note_plan=note)
    assert od11.score == 1.0 and od11.method == "number"
    assert od11.evidence["number"] == {"report": "1.1", "note": "1.1", "same": True}


def test_rerun_keeps_confirmed_corrected_and_rejected_decisions(report, note, coordinator):
    match_report(report, note)
    rows = {m.report_goal.key: m for m in ObjectiveMatch.objects.filter(note_plan=note)}
    decide_match(rows["OD1.1"], "confirmed", user=coordinator)
    decide_match(rows["SD2"], "rejected", user=coordinator)
    od12 = note.goals.get(key="OD1.2")
    decide_match(rows["OD1.3"], "corrected", user=coordinator, note_goal=od12)

    again = match_report(report, note)

    assert again.counts["kept"] == 3 and again.counts["new"] == 0
    pairs = _pairs(report, note)
    assert pairs["OD1.1"] == ("OD1.1", "confirmed")
    assert pairs["SD2"] == ("SD2", "rejected")
    assert pairs["OD1.3"] == ("OD1.2", "corrected")
    assert pairs["OD1.2"] == ("OD1.3", "proposed")
    assert ObjectiveMatch.objects.count() == 6
    kept = ObjectiveMatch.objects.get(report_goal__key="OD1.1", note_plan=note)
    assert kept.decided_by == coordinator and kept.decided_at is not None
    # a rejected pair counts as unmatched on both sides
    assert "SD2" in [g.key for g in again.unmatched_report]
    assert "SD2" in [g.key for g in again.unmatched_note]


def test_a_confirmed_note_goal_is_not_proposed_again_for_another_report_goal(
    report, note, coordinator
):
    match_report(report, note)
    od13 = ObjectiveMatch.objects.get(report_goal__key="OD1.3", note_plan=note)
    # the coordinator says the report's OD1.3 is the note's OD1.3
    decide_match(od13, "corrected", user=coordinator, note_goal=note.goals.get(key="OD1.3"))
    assert _pairs(report, note)["OD1.2"] == (None, "proposed"), "the proposal is released"
    match_report(report, note)
    assert _pairs(report, note)["OD1.2"] == (None, "proposed")
    assert _pairs(report, note)["OD1.3"] == ("OD1.3", "corrected")


def test_decisions_carry_over_to_a_new_version_of_the_report(report, note, coordinator):
    match_report(report, note)
    od12 = ObjectiveMatch.objects.get(report_goal__key="OD1.2", note_plan=note)
    decide_match(od12, "corrected", user=coordinator, note_goal=note.goals.get(key="OD1.2"))
    newer = import_plan(changed(report_json(), "report-2"), source_text=REPORT_SOURCE).plan
    assert newer.pk != report.pk and newer.replaces == report

    # The import matched the new version already; a re-run changes nothing.
    match_report(newer, note)

    assert _pairs(newer, note)["OD1.2"] == ("OD1.2", "corrected")
    assert _pairs(newer, note)["OD1.1"] == ("OD1.1", "proposed")


def test_decide_match_refusals(report, note, coordinator, reader):
    match_report(report, note)
    match = ObjectiveMatch.objects.get(report_goal__key="OD1.1", note_plan=note)
    with pytest.raises(DecisionNotAllowed):
        decide_match(match, "confirmed", user=reader)
    with pytest.raises(MatchError):
        decide_match(match, "maybe", user=coordinator)
    with pytest.raises(MatchError):
        decide_match(match, "corrected", user=coordinator, note_goal=None)
    with pytest.raises(MatchError):  # a goal of another plan
        decide_match(match, "corrected", user=coordinator, note_goal=report.goals.first())
    unmatched = ObjectiveMatch.objects.get(report_goal__key="OD1.3", note_plan=note)
    with pytest.raises(MatchError):  # nothing proposed to confirm
        decide_match(unmatched, "confirmed", user=coordinator)
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED and match.decided_by is None


def test_reopen_lets_the_next_run_propose_again(report, note, coordinator):
    match_report(report, note)
    match = ObjectiveMatch.objects.get(report_goal__key="SD2", note_plan=note)
    decide_match(match, "rejected", user=coordinator)
    decide_match(match, "proposed", user=coordinator)
    match_report(report, note)
    assert _pairs(report, note)["SD2"] == ("SD2", "proposed")


def test_reported_per_year_lists_report_texts_by_year(report, note):
    match_report(report, note)
    later = report_json()
    later["source"].update(file="rapport-werk-2023.txt", sha256="report-2023")
    later["plan"].update(title="Beleids- en begrotingstoelichting Werk 2023", report_year=2023)
    later["goals"][1]["text"] = "In 2023 volgden 13.000 werkzoekenden een traject."
    report_2023 = import_plan(later).plan
    match_report(report_2023, note)

    entries = reported_per_year(note.goals.get(key="OD1.1"))

    assert [(e.year, e.report.pk) for e in entries] == [(2022, report.pk), (2023, report_2023.pk)]
    assert entries[1].report_goal.text.startswith("In 2023 volgden")
    # the note's OD1.3 gets the report's OD1.2 text (renumbered)
    od13 = reported_per_year(note.goals.get(key="OD1.3"))
    assert [e.report_goal.key for e in od13] == ["OD1.2", "OD1.2"]
    assert reported_per_year(note.goals.get(key="OD2.2")) == []


def test_rejected_matches_do_not_show_as_reported(report, note, coordinator):
    match_report(report, note)
    decide_match(
        ObjectiveMatch.objects.get(report_goal__key="OD1.1", note_plan=note),
        "rejected",
        user=coordinator,
    )
    assert reported_per_year(note.goals.get(key="OD1.1")) == []


# --- finding the note, and after an import -----------------------------------------------


def test_find_policy_note_by_field_and_year(report, note):
    assert find_policy_note(report) == note


def test_find_policy_note_none_when_the_field_or_period_differs(report, note):
    note.policy_field = "Onderwijs"
    note.save()
    assert find_policy_note(report) is None
    note.policy_field = f"  {report.policy_field.upper()} "  # case and spaces do not matter
    note.save()
    assert find_policy_note(report) == note
    note.period_start, note.period_end = 2024, 2029
    note.save()
    assert find_policy_note(report) is None


def test_find_policy_note_ambiguous_gives_none(report, note):
    other = note_json()
    other["source"].update(file="nota-werk-bis.txt", sha256="note-bis")
    other["plan"]["title"] = "Een tweede beleidsnota Werk"
    import_plan(other)
    assert find_policy_note(report) is None


def test_after_import_of_a_report_matches_and_offers_figures(note, report):
    result = after_import(report)
    assert len(result.matches) == 1 and result.matches[0].note == note
    assert _pairs(report, note)["OD1.1"] == ("OD1.1", "proposed")
    figure = FigureCandidate.objects.get(report_goal__key="OD1.1", value=147)
    assert figure.note_goal == note.goals.get(key="OD1.1")
    assert after_import(report).figures["new"] == 0, "a second call adds nothing"


def test_after_import_of_a_note_matches_reports_stored_before(db):
    report = import_plan(report_json(), source_text=REPORT_SOURCE).plan
    assert after_import(report).matches == []
    assert "no policy note" in after_import(report).summary()
    note = import_plan(note_json()).plan
    result = after_import(note)
    assert [m.report for m in result.matches] == [report]
    assert _pairs(report, note)["OD1.2"] == ("OD1.3", "proposed")


def test_a_decision_about_an_objective_the_new_note_lacks_is_not_carried_over(
    report, note, coordinator
):
    match_report(report, note)
    decide_match(
        ObjectiveMatch.objects.get(report_goal__key="OD1.3", note_plan=note),
        "corrected",
        user=coordinator,
        note_goal=note.goals.get(key="OD1.2"),
    )
    newer_note = note_json()
    newer_note["source"]["sha256"] = "note-2"
    newer_note["goals"] = [g for g in newer_note["goals"] if g["id"] != "OD1.2"]
    note_2 = import_plan(newer_note).plan
    assert note_2.replaces == note

    result = match_report(report, note_2)

    assert result.counts["inherited"] == 0
    assert _pairs(report, note_2)["OD1.3"] == (None, "proposed")


def test_after_import_as_a_receiver_of_the_import_signal(db):
    from beleidsmonitor.plans.operations.after_import import on_plan_imported
    from beleidsmonitor.plans.signals import plan_imported

    plan_imported.connect(on_plan_imported)
    try:
        note = import_plan(note_json()).plan
        report = import_plan(report_json(), source_text=REPORT_SOURCE).plan
    finally:
        plan_imported.disconnect(on_plan_imported)
    assert _pairs(report, note)["OD1.1"] == ("OD1.1", "proposed")
    assert FigureCandidate.objects.filter(report_goal__plan=report).count() == 4
