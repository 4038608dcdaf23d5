import json
from pathlib import Path

import pytest

from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.search.indexing import reindex_plan
from tests.web.plans_for_tests import WORK_SOURCE, work_plan

SMALL_PLAN = Path(__file__).parents[1] / "data" / "small-plan.json"


@pytest.fixture
def cycling_plan(db):
    """The small cycling plan of tests/data, stored and indexed."""
    plan = import_plan(json.loads(SMALL_PLAN.read_text(encoding="utf-8"))).plan
    reindex_plan(plan)
    return plan


@pytest.fixture
def work(db):
    """The work plan of plans_for_tests, stored and indexed."""
    plan = import_plan(work_plan(), source_text=WORK_SOURCE).plan
    reindex_plan(plan)
    return plan


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", password="geheim-wachtwoord-1")
