"""What a new round may not be: a deadline before its period, or a second open round
over the same plan and period (its reporters would get two forms per action)."""

from __future__ import annotations

import copy
import datetime as dt
import html as html_lib
import re

import pytest
from django.test import Client

from beleidsmonitor.monitoring.errors import InvalidValues
from beleidsmonitor.monitoring.models import ReportingRound
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.plans.models import Plan
from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.monitoring.conftest import login

pytestmark = pytest.mark.django_db

DEADLINE_BEFORE_START = "De uiterste datum ligt voor het begin van de periode."


def _open(user, plans, *, name="Nieuwe ronde", start, end, deadline):
    return open_round(
        user, name=name, period_start=start, period_end=end, deadline=deadline, plans=plans
    )


def _field_errors(html: str, field: str) -> list[str]:
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error"[^>]*>(.*?)</ul>', html, re.S)
    found = re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []
    return [html_lib.unescape(error) for error in found]


def _plans_errors(html: str) -> list[str]:
    fieldset = re.search(r"<fieldset.*?</fieldset>", html, re.S).group(0)
    return [html_lib.unescape(e) for e in re.findall(r"<li>(.*?)</li>", fieldset)]


def test_open_round_refuses_a_deadline_before_the_period_starts(admin, plan):
    with pytest.raises(InvalidValues) as refused:
        _open(
            admin,
            [plan],
            start=dt.date(2026, 1, 1),
            end=dt.date(2026, 12, 31),
            deadline=dt.date(2025, 12, 31),
        )
    assert refused.value.errors == {"deadline": DEADLINE_BEFORE_START}
    assert not ReportingRound.objects.exists()


def test_a_deadline_on_the_first_day_or_within_the_period_is_fine(admin, plan):
    round_ = _open(
        admin,
        [plan],
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        deadline=dt.date(2026, 1, 1),
    )
    assert round_.deadline == dt.date(2026, 1, 1)


def test_the_round_form_refuses_a_deadline_before_the_period_on_the_field(admin, plan):
    response = login(Client(), admin).post(
        "/rapportering/nieuw/",
        {
            "name": "Rapportering 2027",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "deadline": "2025-06-30",
            "plans": [plan.pk],
        },
    )
    assert response.status_code == 200
    assert _field_errors(response.content.decode(), "deadline") == [DEADLINE_BEFORE_START]
    assert not ReportingRound.objects.exists()


def test_a_second_open_round_over_the_same_plan_and_period_is_refused(admin, round_, plan):
    # `round_` is open over 2025 for `plan` and `other_plan`
    with pytest.raises(InvalidValues) as refused:
        _open(
            admin,
            [plan],
            start=dt.date(2025, 7, 1),
            end=dt.date(2026, 6, 30),
            deadline=dt.date(2026, 9, 30),
        )
    message = refused.value.errors["plans"]
    assert "'Rapportering 2026'" in message and f"'{plan.title}'" in message
    assert "1 januari 2025 tot 31 december 2025" in message
    assert "staat nog open" in message and "overlapt" in message
    assert ReportingRound.objects.count() == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),  # the next period
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),  # the one before
    ],
)
def test_an_open_round_for_another_period_is_fine(admin, round_, plan, start, end):
    assert _open(admin, [plan], start=start, end=end, deadline=end).is_open


def test_a_closed_round_or_another_plan_does_not_count_as_overlap(admin, plan, other_plan):
    first = _open(
        admin,
        [plan],
        name="Fietsen 2025",
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        deadline=dt.date(2026, 3, 31),
    )
    # another plan over the same period
    _open(
        admin,
        [other_plan],
        name="Werk 2025",
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        deadline=dt.date(2026, 3, 31),
    )
    close_round(admin, first)
    # the same plan again once its round is closed
    again = _open(
        admin,
        [plan],
        name="Fietsen 2025 (bis)",
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        deadline=dt.date(2026, 3, 31),
    )
    assert again.is_open


def test_the_round_form_names_the_open_round_that_overlaps(admin, round_, plan):
    response = login(Client(), admin).post(
        "/rapportering/nieuw/",
        {
            "name": "Rapportering 2025 bis",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "deadline": "2026-03-31",
            "plans": [plan.pk],
        },
    )
    assert response.status_code == 200
    errors = _plans_errors(response.content.decode())
    assert len(errors) == 1 and "De ronde 'Rapportering 2026'" in errors[0]
    assert "overlapt met deze periode" in errors[0]
    assert not ReportingRound.objects.filter(name="Rapportering 2025 bis").exists()


def test_the_admin_refuses_to_move_the_deadline_before_the_period(admin, round_):
    response = login(Client(), admin).post(
        f"/admin/monitoring/reportinground/{round_.pk}/change/",
        {
            "name": round_.name,
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "deadline": "2024-12-31",
        },
    )
    assert response.status_code == 200
    assert DEADLINE_BEFORE_START in html_lib.unescape(response.content.decode())
    round_.refresh_from_db()
    assert round_.deadline == dt.date(2026, 3, 31)


def _newer_version(plan_json: dict) -> Plan:
    """The plan of `plan_json` imported again, changed: the stored one is replaced."""
    data = copy.deepcopy(plan_json)
    data["source"] = {**data["source"], "sha256": "nieuwere-versie"}
    return import_plan(data).plan


REPLACED = "is vervangen: er bestaat een nieuwere versie"


def test_open_round_refuses_a_plan_version_that_has_been_replaced(admin, plan, plan_json):
    newer = _newer_version(plan_json)
    # `plan` is the instance from before the import, as a caller that waited for the
    # plan lock while the import committed would hold it: it still says it is current
    assert plan.is_current and not Plan.objects.get(pk=plan.pk).is_current
    with pytest.raises(InvalidValues) as refused:
        _open(
            admin,
            [plan],
            start=dt.date(2026, 1, 1),
            end=dt.date(2026, 12, 31),
            deadline=dt.date(2026, 12, 31),
        )
    message = refused.value.errors["plans"]
    assert message == (
        f"Het plan '{plan.title}' (versie 1) is vervangen: er bestaat een nieuwere versie. "
        "Open de ronde op de huidige versie van het plan."
    )
    assert not ReportingRound.objects.exists()
    # the current version opens
    assert _open(
        admin,
        [newer],
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        deadline=dt.date(2026, 12, 31),
    ).is_open


def test_open_round_refuses_the_whole_round_if_one_plan_was_replaced(
    admin, plan, other_plan, plan_json
):
    _newer_version(plan_json)
    with pytest.raises(InvalidValues) as refused:
        _open(
            admin,
            [other_plan, plan],
            start=dt.date(2026, 1, 1),
            end=dt.date(2026, 12, 31),
            deadline=dt.date(2026, 12, 31),
        )
    message = refused.value.errors["plans"]
    assert f"'{plan.title}'" in message and REPLACED in message
    assert f"'{other_plan.title}'" not in message
    assert not ReportingRound.objects.exists()
