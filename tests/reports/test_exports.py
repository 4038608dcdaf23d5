"""Exports of the demo plan with its monitoring data: CSV, XLSX, JSON and the round trip."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue, ReportingRound
from beleidsmonitor.plans.models import Plan
from beleidsmonitor.reports.exports import CSV_COLUMNS, export, export_json
from beleidsmonitor.reports.restore import restore_plan
from tests.reports.scenario import (
    APPROVED_NARRATIVE,
    DRAFT_NARRATIVE,
    PUBLISHED_NARRATIVE,
    build_scenario,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    return build_scenario()


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_csv_starts_with_a_bom_and_has_one_row_per_action(scenario):
    content = export(scenario.plan, "csv", published_only=False)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = _csv_rows(content)
    assert rows[0] == CSV_COLUMNS
    assert len(rows) - 1 == scenario.plan.actions.count()
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["status"] == "gerealiseerd"
    assert first["toelichting"] == PUBLISHED_NARRATIVE
    assert first["besteed budget (euro)"] == "125000,5"  # decimal comma, as Excel nl-BE reads
    assert first["ronde"] == "Rapportering 2025"


def test_published_only_csv_leaves_updates_in_review_empty(scenario):
    rows = _csv_rows(export(scenario.plan, "csv", published_only=True))
    narratives = [dict(zip(rows[0], row, strict=True))["toelichting"] for row in rows[1:]]
    assert PUBLISHED_NARRATIVE in narratives
    assert APPROVED_NARRATIVE not in narratives and DRAFT_NARRATIVE not in narratives


def test_xlsx_has_a_sheet_for_goals_actions_indicators_and_updates(scenario):
    workbook = load_workbook(io.BytesIO(export(scenario.plan, "xlsx", published_only=False)))
    assert workbook.sheetnames == [
        "Doelstellingen",
        "Acties",
        "Indicatoren",
        "Rapporteringen",
        "Indicatorwaarden",
    ]
    assert workbook["Doelstellingen"].max_row - 1 == scenario.plan.goals.count()
    assert workbook["Acties"].max_row - 1 == scenario.plan.actions.count()
    updates = workbook["Rapporteringen"]
    assert updates.max_row - 1 == scenario.round.updates.count()
    narratives = [row[5] for row in updates.iter_rows(min_row=2, values_only=True)]
    assert PUBLISHED_NARRATIVE in narratives
    values = list(workbook["Indicatorwaarden"].iter_rows(min_row=2, values_only=True))
    assert any(row[7] is not None for row in values)


def test_json_is_plan_json_with_a_monitoring_section(scenario):
    data = json.loads(export(scenario.plan, "json", published_only=False))
    assert data["format"] == "beleidsmonitor.plan/1"
    assert data["plan"]["licence"] == scenario.plan.licence
    monitoring = data["monitoring"]
    assert [r["name"] for r in monitoring["rounds"]] == ["Rapportering 2025"]
    assert len(monitoring["updates"]) == scenario.round.updates.count()
    states = {u["narrative"]: u["state"] for u in monitoring["updates"] if u["narrative"]}
    assert states[PUBLISHED_NARRATIVE] == "published"
    assert states[DRAFT_NARRATIVE] == "draft"


def test_anonymous_json_has_published_updates_only(scenario):
    data = export_json(scenario.plan, user=None)
    assert data["monitoring"]["published_only"] is True
    assert [u["narrative"] for u in data["monitoring"]["updates"]] == [PUBLISHED_NARRATIVE]


def _snapshot() -> dict:
    """What the round trip must keep, keyed without database ids."""
    updates = {
        (u.round.name, u.action.key): (
            u.status,
            u.progress,
            u.narrative,
            u.budget_spent,
            u.state,
            u.evidence_links,
        )
        for u in ActionUpdate.objects.select_related("round", "action")
    }
    values = sorted(
        (v.update.action.key, v.indicator.text, v.value, v.text, v.baseline, v.target)
        for v in IndicatorValue.objects.select_related("update__action", "indicator")
    )
    rounds = sorted(
        (r.name, r.period_start, r.period_end, r.deadline, r.state)
        for r in ReportingRound.objects.all()
    )
    return {"updates": updates, "values": values, "rounds": rounds}


def test_json_round_trip_restores_plan_and_monitoring_on_an_empty_database(scenario):
    exported = json.loads(export(scenario.plan, "json", published_only=False))
    before = _snapshot()
    plan_before = {k: v for k, v in exported.items() if k not in ("monitoring",)}
    # an empty installation: nothing of the plan or its monitoring is left
    ReportingRound.objects.all().delete()
    Plan.objects.all().delete()
    assert not ActionUpdate.objects.exists()

    result = restore_plan(json.loads(json.dumps(exported)))
    assert result.plan.status == "created"
    assert result.rounds_created == 1
    assert result.updates_created == len(before["updates"])
    assert _snapshot() == before
    again = json.loads(export(result.plan.plan, "json", published_only=False))
    assert {k: v for k, v in again.items() if k != "monitoring"} == plan_before
    assert again["monitoring"]["updates"] == exported["monitoring"]["updates"]

    twice = restore_plan(exported)
    assert twice.plan.status == "unchanged" and twice.updates_created == 0


def test_restore_refuses_a_monitoring_section_naming_an_unknown_round(scenario):
    from beleidsmonitor.exceptions import PlanJsonError

    exported = export_json(scenario.plan, published_only=False)
    exported["monitoring"]["updates"][0]["round"] = "Bestaat niet"
    with pytest.raises(PlanJsonError, match="round"):
        restore_plan(exported)


def test_exports_stay_in_the_site_language_whoever_asks(scenario):
    from django.utils import translation

    with translation.override("en"):
        rows = _csv_rows(export(scenario.plan, "csv", published_only=False))
        workbook = load_workbook(io.BytesIO(export(scenario.plan, "xlsx", published_only=False)))
    states = {dict(zip(rows[0], row, strict=True))["workflow"] for row in rows[1:]}
    assert "gepubliceerd" in states and "published" not in states
    cells = {c for row in workbook["Rapporteringen"].iter_rows(values_only=True) for c in row}
    assert "gepubliceerd" in cells and "published" not in cells


NEW_NARRATIVE = "Elf jeugdhuizen kregen een leesclub met een begeleider."


def _newer_version_with_a_report(scenario) -> tuple[dict, dict]:
    """An export of the scenario's plan as a newer version of it: one action more (A11),
    and a report on A11 in the open round. Returns the export and A11's report."""
    exported = json.loads(json.dumps(export_json(scenario.plan, published_only=False)))
    exported["source"] = {**exported["source"], "sha256": "nieuwere-versie-met-a11"}
    a11 = {**exported["actions"][2], "id": "A11", "number": "11", "title": "Leesclubs bis"}
    exported["actions"].append(a11)
    report = {
        **next(u for u in exported["monitoring"]["updates"] if u["action"] == "A1"),
        "action": "A11",
        "status": "lopend - op schema",
        "progress": 30,
        "narrative": NEW_NARRATIVE,
        "budget_spent": None,
        "state": "submitted",
        "version": 3,
        "indicator_values": [
            {"indicator": 0, "indicator_text": a11["indicators"][0]["text"], "value": "11"}
        ],
    }
    exported["monitoring"]["updates"].append(report)
    return exported, report


def test_restoring_a_newer_version_restores_the_report_on_a_new_action(scenario):
    exported, _report = _newer_version_with_a_report(scenario)
    # the plan import opens an empty draft on A11 in the open round; the export's report
    # takes its place instead of being skipped as "already there"
    result = restore_plan(exported, user=scenario.admin)
    assert result.plan.status == "new_version"
    a11 = ActionUpdate.objects.get(
        round=scenario.round, action__plan=result.plan.plan, action__key="A11"
    )
    assert (a11.state, a11.version, a11.progress, a11.narrative) == (
        "submitted",
        3,
        30,
        NEW_NARRATIVE,
    )
    assert [(v.indicator.text, v.value) for v in a11.indicator_values.all()] == [
        (exported["actions"][-1]["indicators"][0]["text"], 11)
    ]
    assert not a11.changes.exists()  # the empty draft's opening record went with it
    assert result.updates_created == 1
    assert result.updates_skipped == len(exported["monitoring"]["updates"]) - 1

    twice = restore_plan(exported, user=scenario.admin)
    assert (twice.updates_created, twice.plan.status) == (0, "unchanged")
    assert ActionUpdate.objects.get(pk=a11.pk).narrative == NEW_NARRATIVE


def test_restoring_keeps_a_draft_on_a_new_action_that_someone_worked_on(scenario):
    from beleidsmonitor.monitoring.operations.save_update import save_update
    from beleidsmonitor.plans.operations.import_plan import import_plan

    exported, _report = _newer_version_with_a_report(scenario)
    newer = import_plan({k: v for k, v in exported.items() if k != "monitoring"}).plan
    draft = ActionUpdate.objects.get(round=scenario.round, action__plan=newer, action__key="A11")
    save_update(scenario.admin, draft, {"narrative": "hier gestart"}, expected_version=1)

    result = restore_plan(exported, user=scenario.admin)
    assert result.updates_created == 0
    assert result.updates_skipped == len(exported["monitoring"]["updates"])
    kept = ActionUpdate.objects.get(round=scenario.round, action__plan=newer, action__key="A11")
    assert (kept.pk, kept.narrative, kept.state) == (draft.pk, "hier gestart", "draft")


def test_restoring_replaces_an_untouched_draft_imported_before(scenario):
    from beleidsmonitor.plans.operations.import_plan import import_plan

    exported, _report = _newer_version_with_a_report(scenario)
    newer = import_plan({k: v for k, v in exported.items() if k != "monitoring"}).plan
    draft = ActionUpdate.objects.get(round=scenario.round, action__plan=newer, action__key="A11")
    assert draft.changes.count() == 1  # the opening record only

    result = restore_plan(exported, user=scenario.admin)
    assert result.plan.status == "unchanged" and result.updates_created == 1
    restored = ActionUpdate.objects.get(round=scenario.round, action__plan=newer, action__key="A11")
    assert restored.narrative == NEW_NARRATIVE
    assert not ActionUpdate.objects.filter(pk=draft.pk).exists()


def test_the_api_import_of_a_newer_version_restores_the_report_on_a_new_action(scenario):
    from django.test import Client

    from beleidsmonitor.api.tokens import create_token

    exported, _report = _newer_version_with_a_report(scenario)
    token = create_token(scenario.admin.get_username())[1]
    response = Client().post(
        "/api/plans",
        exported,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["updates_restored"]) == ("new_version", 1)
    a11 = ActionUpdate.objects.get(
        round=scenario.round, action__plan_id=body["plan"]["id"], action__key="A11"
    )
    assert (a11.state, a11.narrative) == ("submitted", NEW_NARRATIVE)
