"""Figures in report text: what is read (pure), what is stored, accepting and rejecting."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from beleidsmonitor.plans.models import (
    FigureCandidate,
    FigureStatus,
    Indicator,
    IndicatorKind,
    ObjectiveMatch,
)
from beleidsmonitor.plans.operations.figures import (
    FigureError,
    accept_figure,
    extract_figures,
    find_line,
    parse_number,
    reject_figure,
    sentences,
    store_figures,
)
from beleidsmonitor.plans.operations.match_report import decide_match, match_report
from beleidsmonitor.plans.permissions import DecisionNotAllowed

# --- pure extraction -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "fraction", "multiplier", "value"),
    [
        ("5.000", None, "", Decimal("5000")),
        ("1.250.000", None, "", Decimal("1250000")),
        ("147", None, "", Decimal("147")),
        ("2", "5", "", Decimal("2.5")),
        ("1", "2", " miljoen", Decimal("1200000")),
    ],
)
def test_parse_number_reads_dutch_notation(written, fraction, multiplier, value):
    assert parse_number(written, fraction, multiplier) == value


def _one(text, year=None):
    found = extract_figures(text, year)
    assert len(found) == 1, found
    return found[0]


def test_a_change_from_to_gives_value_and_baseline():
    figure = _one(
        "Ondertussen steeg het aantal lokale besturen van 103 naar 147 lokale besturen, "
        "de VGC en vzw De Rand.",
        2023,
    )
    assert (figure.value, figure.baseline) == (Decimal("147"), Decimal("103"))
    assert (figure.kind, figure.unit) == ("count", "lokale besturen")
    # no year in the sentence: the report's year
    assert (figure.year, figure.year_source) == (2023, "report")


def test_a_change_between_percentages():
    figure = _one("Het aandeel steeg van 30% naar 35,5% van de scholen in 2022.")
    assert (figure.kind, figure.value, figure.baseline) == ("percentage", Decimal("35.5"), 30)
    assert figure.unit == "van de scholen"
    assert figure.year == 2022


def test_a_count_with_thousands_separator_and_the_year_of_its_sentence():
    figure = _one("In 2021 werden 5.000 vrijwilligers bereikt.", 2023)
    assert (figure.value, figure.unit) == (Decimal("5000"), "vrijwilligers")
    assert (figure.year, figure.year_source) == (2021, "sentence")


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        (
            "Bijna 70% daarvan opent de nieuwsbrief.",
            Decimal("70"),
            "daarvan opent de nieuwsbrief",
            "bijna",
        ),
        (
            "Het aandeel steeg tot 35,5 procent van de scholen.",
            Decimal("35.5"),
            "van de scholen",
            "",
        ),
        ("Dat is 12 % van de deelnemers", Decimal("12"), "van de deelnemers", ""),
    ],
)
def test_percentages(text, value, unit, qualifier):
    figure = _one(text, 2022)
    assert figure.kind == "percentage"
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


def test_a_part_of_a_group_counts_the_group():
    found = extract_figures(
        "Er kwamen 900 mensen. Daarvan gaven 173 van deze nieuwkomers iets aan."
    )
    assert [(f.value, f.unit) for f in found] == [(900, "mensen"), (173, "nieuwkomers")]


def test_qualifier_and_participle_stay_out_of_the_unit():
    figure = _one("Via deze infolijn werden meer dan 900 nieuwkomers ingeschreven.")
    assert (figure.qualifier, figure.unit) == ("meer dan", "nieuwkomers")
    assert figure.year is None and figure.year_source == ""


@pytest.mark.parametrize(
    "text",
    [
        "Op 15 maart 2023 ging het instituut open.",  # a date and a year
        "Inburgeraars betalen 90 euro voor de cursus.",  # money
        "Een pakket voor leerlingen van 14 tot 18 jaar.",  # an age range
        "Bijna 20-25% klikt een artikel aan.",  # a range of percentages
        "Zie OD 1.3 en Actie 12 voor de details.",  # references
        "De COVID-19 crisis en de 2e golf.",  # numbers glued to codes
        "Het besluit (VR 2023 1702 MED.0038) werd goedgekeurd.",  # a decision's code
        "Via deze infolijn werden in 2023 meer dan 5.000 met vragen geholpen.",  # no unit
        "Het project liep 3 maanden.",  # a duration
        "Het budget bedroeg € 250 per deelnemer.",  # money sign
    ],
)
def test_what_is_no_indicator_value(text):
    assert extract_figures(text, 2023) == []


def test_sentences_do_not_end_at_abbreviations_or_thousands():
    parts = [s for _, s in sentences("O.m. de VVSG telde 5.000 leden. Daarna kwam er meer.")]
    assert parts == ["O.m. de VVSG telde 5.000 leden.", "Daarna kwam er meer."]


def test_positions_point_into_the_text():
    text = "Inleiding. In 2022 werden 4 nieuwe maatwerkbedrijven erkend."
    figure = _one(text)
    assert text[figure.start : figure.start + len(figure.written)] == "4"


def test_find_line_prefers_the_goals_own_lines_and_the_line_with_the_unit():
    source = "\n".join(
        [
            "Samenvatting: 147 deelnemende besturen.",  # 1: outside the goal
            "OD 4.1 We optimaliseren de coördinatie",  # 2
            "Elders nog 147 gemeenten.",  # 3: the number, another unit
            "Het aantal groeide tot 147",  # 4: the number, the unit on the next line
            "deelnemende lokale besturen.",  # 5
        ]
    )
    goal = SimpleNamespace(first_line=2, last_line=5)
    figure = _one("Het aantal groeide tot 147 deelnemende lokale besturen.")
    assert find_line(source, goal, figure) == 4
    assert find_line(source, SimpleNamespace(first_line=None, last_line=None), figure) == 1
    assert find_line("", goal, figure) is None


# --- stored candidates -----------------------------------------------------------------


@pytest.fixture
def matched(report, note):
    match_report(report, note)
    store_figures(report)
    return report, note


def test_store_figures_links_each_to_the_matched_note_goal(matched):
    report, note = matched
    found = {
        (f.report_goal.key, f.value): f
        for f in FigureCandidate.objects.filter(report_goal__plan=report)
    }
    assert sorted(found) == [
        ("OD1.1", Decimal("147")),
        ("OD1.1", Decimal("12500")),
        ("OD1.2", Decimal("35")),
        ("OD2.1", Decimal("4")),
    ]
    change = found["OD1.1", Decimal("147")]
    assert change.note_goal == note.goals.get(key="OD1.1")
    assert change.baseline == Decimal("103") and change.year == 2022
    # the renumbered objective: its figure goes to the note's OD1.3
    assert found["OD1.2", Decimal("35")].note_goal.key == "OD1.3"
    # the line in the source document
    assert change.source_line == 5 and found["OD1.1", Decimal("12500")].source_line == 4


def test_store_figures_again_keeps_decisions(matched, coordinator):
    report, _note = matched
    figure = FigureCandidate.objects.get(report_goal__plan=report, value=4)
    reject_figure(figure, user=coordinator)
    counts = store_figures(report)
    assert counts == {"new": 0, "updated": 3, "kept": 1, "removed": 0, "inherited": 0}
    figure.refresh_from_db()
    assert figure.status == FigureStatus.REJECTED
    assert FigureCandidate.objects.filter(report_goal__plan=report).count() == 4


def test_accept_creates_an_indicator_with_the_baseline(matched, coordinator):
    report, note = matched
    figure = FigureCandidate.objects.get(report_goal__plan=report, value=147)
    accept_figure(figure, user=coordinator)
    figure.refresh_from_db()
    indicator = figure.indicator
    assert figure.status == FigureStatus.ACCEPTED and figure.decided_by == coordinator
    assert indicator.goal == note.goals.get(key="OD1.1")
    assert indicator.kind == IndicatorKind.COUNT and indicator.unit == "lokale besturen"
    assert indicator.baseline == Decimal("103") and indicator.text == "Aantal lokale besturen"


def test_accepting_a_later_figure_of_the_same_kind_reuses_the_indicator(matched, coordinator):
    report, note = matched
    first = FigureCandidate.objects.get(report_goal__plan=report, value=147)
    accept_figure(first, user=coordinator)
    second = FigureCandidate.objects.create(
        report_goal=first.report_goal,
        note_goal=first.note_goal,
        snippet="In 2023 deden 160 lokale besturen mee.",
        position=999,
        value=Decimal("160"),
        kind="count",
        unit="lokale besturen",
        year=2023,
    )
    accept_figure(second, user=coordinator)
    second.refresh_from_db()
    assert second.indicator == first.indicator
    assert Indicator.objects.filter(goal__plan=note).count() == 1


def test_accept_a_percentage_names_the_indicator_as_asked(matched, coordinator):
    report, note = matched
    figure = FigureCandidate.objects.get(report_goal__plan=report, value=35)
    accept_figure(figure, user=coordinator, text="Werkgevers die de praktijktesten kennen")
    figure.refresh_from_db()
    assert figure.indicator.kind == IndicatorKind.PERCENTAGE and figure.indicator.unit == "%"
    assert figure.indicator.text == "Werkgevers die de praktijktesten kennen"
    assert figure.indicator.goal.key == "OD1.3"


def test_accept_refusals(matched, coordinator, reader):
    report, note = matched
    figure = FigureCandidate.objects.get(report_goal__plan=report, value=147)
    with pytest.raises(DecisionNotAllowed):
        accept_figure(figure, user=reader)
    with pytest.raises(DecisionNotAllowed):
        reject_figure(figure, user=reader)
    decide_match(
        ObjectiveMatch.objects.get(report_goal__key="OD1.1", note_plan=note),
        "rejected",
        user=coordinator,
    )
    figure.refresh_from_db()
    assert figure.note_goal is None, "a figure follows its goal's match"
    with pytest.raises(FigureError):
        accept_figure(figure, user=coordinator)
    assert not Indicator.objects.filter(goal__plan=note).exists()


def test_decisions_on_figures_carry_over_to_a_new_version_of_the_report(matched, coordinator):
    from beleidsmonitor.plans.operations.import_plan import import_plan
    from tests.plans.reporting import REPORT_SOURCE, changed, report_json

    report, note = matched
    accept_figure(
        FigureCandidate.objects.get(report_goal__plan=report, value=147), user=coordinator
    )
    reject_figure(FigureCandidate.objects.get(report_goal__plan=report, value=4), user=coordinator)
    # The import itself matches the new version and stores its figures.
    newer = import_plan(changed(report_json(), "report-2"), source_text=REPORT_SOURCE).plan
    assert FigureCandidate.objects.filter(report_goal__plan=newer).count() == 4
    assert store_figures(newer)["new"] == 0, "re-running adds nothing"
    statuses = {
        f.value: (f.status, f.indicator_id)
        for f in FigureCandidate.objects.filter(report_goal__plan=newer)
    }
    accepted = FigureCandidate.objects.get(report_goal__plan=report, value=147)
    assert statuses[Decimal("147")] == ("accepted", accepted.indicator_id)
    assert statuses[Decimal("4")] == ("rejected", None)
    assert statuses[Decimal("35")] == ("proposed", None)


def test_a_unit_with_a_shared_hyphenated_part_is_kept_whole():
    figure = _one("In totaal werden 1051 studie- en gezinsbegeleidingstrajecten opgestart.")
    assert figure.unit == "studie- en gezinsbegeleidingstrajecten"
