"""The action page: every field, the source lines, the indicators."""

import pytest

from beleidsmonitor.plans.models import Action

pytestmark = pytest.mark.django_db


def test_action_page_shows_every_field(client, cycling_plan):
    action = Action.objects.get(plan=cycling_plan, key="A1")
    html = client.get(f"/acties/{action.pk}/").content.decode()
    for text in (
        "Schoolstraten in elke gemeente",
        "Gemeenten krijgen steun voor schoolstraten.",
        "Minder autoverkeer aan schoolpoorten",
        "Een handleiding schoolstraten",
        "Minister van Mobiliteit",
        "Minister van Onderwijs",
        "VVSG",
        "2025 - 2027",
        "€ 1.200.000",
        "Aantal schoolstraten",
        "Fietspaden zijn goed onderhouden",  # the extra goal
    ):
        assert text in html, text


def test_action_page_shows_the_source_lines_with_their_numbers(client, work):
    action = Action.objects.get(plan=work, key="A1")
    html = client.get(f"/acties/{action.pk}/").content.decode()
    assert '<th scope="row">3</th><td>regel 3 van het werkplan</td>' in html
    assert '<th scope="row">6</th><td>regel 6 van het werkplan</td>' in html
    assert "regel 7 van het werkplan" not in html


def test_action_page_charts_a_numeric_target(client, work):
    action = Action.objects.get(plan=work, key="A1")
    html = client.get(f"/acties/{action.pk}/").content.decode()
    assert '<svg class="bars"' in html
    assert "<title>Nulmeting en streefwaarde van Aantal jobpunten</title>" in html


def test_action_page_marks_a_late_action(client, work):
    late = Action.objects.get(plan=work, key="A1")
    assert "Te laat:" in client.get(f"/acties/{late.pk}/").content.decode()
    running = Action.objects.get(plan=work, key="A2")
    assert "Te laat:" not in client.get(f"/acties/{running.pk}/").content.decode()


def test_action_page_says_what_is_missing(client, work):
    action = Action.objects.get(plan=work, key="A3")
    html = client.get(f"/acties/{action.pk}/").content.decode()
    assert "Geen indicatoren." in html


def test_unknown_action_is_404(client, db):
    assert client.get("/acties/999999/").status_code == 404


def test_indicator_chart_names_each_round_in_full(client, work):
    import datetime as dt
    from decimal import Decimal

    from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue, ReportingRound

    action = Action.objects.get(plan=work, key="A1")
    indicator = action.indicators.get()
    for year, value in ((2025, 120), (2026, 180)):
        round_ = ReportingRound.objects.create(
            name=f"Rapportering {year}",
            period_start=dt.date(year - 1, 1, 1),
            period_end=dt.date(year - 1, 12, 31),
            deadline=dt.date(year, 3, 31),
        )
        update = ActionUpdate.objects.create(round=round_, action=action, state="published")
        IndicatorValue.objects.create(
            update=update,
            indicator=indicator,
            period_start=round_.period_start,
            period_end=round_.period_end,
            value=Decimal(value),
        )
    html = client.get(f"/acties/{action.pk}/").content.decode()
    chart = html[
        html.index('<svg class="bars"') : html.index("</svg>", html.index('<svg class="bars"'))
    ]
    assert ">Rapportering 2025</text>" in chart and ">Rapportering 2026</text>" in chart
    assert "Rapportering 20…" not in chart


def test_progress_chart_keeps_the_year_of_a_long_round_name():
    from beleidsmonitor.web import svg

    chart = svg.progress_over_rounds([("Rapportering voorjaar 2025", 40.0)], "Voortgang")
    assert ">Rapportering</tspan>" in chart and ">voorjaar 2025</tspan>" in chart
    assert "<title>Rapportering voorjaar 2025</title>" in chart
