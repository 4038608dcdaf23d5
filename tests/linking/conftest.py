"""Fixtures for linking: the three small plans of `fixtures.py`, imported and linked."""

import pytest
from django.contrib.auth import get_user_model

from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.linking.fixtures import plans


@pytest.fixture
def three_plans(db):
    """(measures 2016, integration 2025, equal opportunities 2025) as stored plans."""
    return tuple(import_plan(data).plan for data in plans())


@pytest.fixture
def coordinator(db):
    return get_user_model().objects.create_user("coord", password="pw", is_staff=True)


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user("lezer", password="pw")
