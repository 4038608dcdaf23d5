import json
from pathlib import Path

import pytest

from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.search.indexing import reindex_plan
from tests.monitoring.conftest import (  # noqa: F401 - the monitoring world, for status tests
    admin,
    coordinator,
    fast_password_hashing,
    mobility_reporter,
    other_plan,
    plan,
    plan_json,
    reader,
    round_,
)
from tests.web.plans_for_tests import WORK_SOURCE, work_plan

SMALL_PLAN = Path(__file__).parents[1] / "data" / "small-plan.json"


@pytest.fixture
def cycling_plan(db):
    """The small cycling plan of tests/data, stored and indexed."""
    stored = import_plan(json.loads(SMALL_PLAN.read_text(encoding="utf-8"))).plan
    reindex_plan(stored)
    return stored


@pytest.fixture
def work(db):
    """The work plan of plans_for_tests, stored and indexed."""
    stored = import_plan(work_plan(), source_text=WORK_SOURCE).plan
    reindex_plan(stored)
    return stored


@pytest.fixture
def editor(django_user_model):
    """A member of the coordinating team (staff), who may import plans."""
    return django_user_model.objects.create_user(
        "redacteur", password="geheim-wachtwoord-1", is_staff=True
    )
