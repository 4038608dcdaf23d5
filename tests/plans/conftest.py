"""Fixtures for matching reports to notes: the small note and report of `reporting.py`."""

import pytest

from beleidsmonitor.plans.operations.import_plan import import_plan
from tests.plans.reporting import REPORT_SOURCE, note_json, report_json


@pytest.fixture
def note(db):
    return import_plan(note_json()).plan


@pytest.fixture
def report(db):
    return import_plan(report_json(), source_text=REPORT_SOURCE).plan


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_user("coord", password="pw", is_staff=True)


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("lezer", password="pw")
