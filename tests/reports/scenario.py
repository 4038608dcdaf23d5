"""A demo plan with one reporting round in every workflow state, made through the
monitoring operations as users would, for the report, export and API tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model

from beleidsmonitor.cli import DEMO_DOCUMENT
from beleidsmonitor.monitoring.models import ActionUpdate, ReportingRound
from beleidsmonitor.monitoring.operations.approve import approve_update
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.operations.publish import publish_update
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.submit import submit_update
from beleidsmonitor.plans.models import IndicatorKind, Plan
from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.plans.operations.load_document import load_plan_file

PUBLISHED_NARRATIVE = "Alle kinderopvanglocaties kregen hun startpakket in het voorjaar."
APPROVED_NARRATIVE = "De bibliotheekpas wordt uitgerold, goedgekeurd maar nog niet gepubliceerd."
DRAFT_NARRATIVE = "Nog in opmaak: deze tekst mag niet in open data staan."


@dataclass
class Scenario:
    plan: Plan
    round: ReportingRound
    admin: object
    published: ActionUpdate
    approved: ActionUpdate
    draft: ActionUpdate


def demo_plan() -> Plan:
    data, source_text = load_plan_file(DEMO_DOCUMENT)
    return import_plan(data, source_text=source_text).plan


def fill(admin, update: ActionUpdate, **values) -> ActionUpdate:
    save_update(admin, update, values, expected_version=update.version)
    update.refresh_from_db()
    return update


def indicator_values(update: ActionUpdate) -> dict[int, object]:
    """A value for every indicator of the update, fitting its kind."""
    values = {}
    for number, value in enumerate(update.indicator_values.select_related("indicator"), 1):
        kind = value.indicator.kind
        if kind == IndicatorKind.QUALITATIVE:
            values[value.indicator_id] = f"Toelichting bij indicator {number}"
        elif kind == IndicatorKind.DELIVERABLE:
            values[value.indicator_id] = Decimal(1)
        else:
            values[value.indicator_id] = Decimal(40 + number)
    return values


def build_scenario(name: str = "Rapportering 2025") -> Scenario:
    admin = get_user_model().objects.create_superuser(
        "beheer", "beheer@example.org", None
    )  # no hash: fast
    plan = demo_plan()
    round_ = open_round(
        admin,
        name=name,
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        deadline=dt.date(2026, 2, 15),
        plans=[plan],
    )
    updates = list(round_.updates.order_by("action__order"))
    published, approved, draft = updates[0], updates[1], updates[2]

    fill(
        admin,
        published,
        status="gerealiseerd",
        progress=100,
        narrative=PUBLISHED_NARRATIVE,
        budget_spent=Decimal("125000.50"),
        indicators=indicator_values(published),
    )
    submit_update(admin, published)
    approve_update(admin, published)
    publish_update(admin, published)

    fill(admin, approved, status="lopend - op schema", progress=60, narrative=APPROVED_NARRATIVE)
    submit_update(admin, approved)
    approve_update(admin, approved)

    fill(admin, draft, status="lopend - vertraagd", progress=10, narrative=DRAFT_NARRATIVE)
    for update in (published, approved, draft):
        update.refresh_from_db()
    return Scenario(plan, round_, admin, published, approved, draft)
