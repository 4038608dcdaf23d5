"""Property-based run of every operation in /api/openapi.json: no input makes a 5xx.

Bounded: `MAX_EXAMPLES` generated requests per operation and mode, sent in-process
(WSGI) to the test database. Valid and invalid inputs, anonymously and as an
administrator, so the write paths run past authentication as well.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from beleidsmonitor.project.wsgi import application

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 20


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Calling the WSGI app directly fires request_started/finished, whose handler closes
    a connection inside a transaction (PostgreSQL) and so the test's transaction with it.
    Django's own test client disconnects it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _schema():
    return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


def test_the_schema_lists_every_resource():
    paths = set(_schema().raw_schema["paths"])
    for resource in ("plans", "goals", "actions", "actors", "indicators", "rounds", "updates"):
        assert f"/api/{resource}" in paths
        assert any(p.startswith(f"/api/{resource}/{{") for p in paths), resource


@pytest.mark.parametrize(
    ("as_admin", "mode"),
    [
        (False, GenerationMode.POSITIVE),
        (True, GenerationMode.POSITIVE),
        (True, GenerationMode.NEGATIVE),
    ],
    ids=["anonymous-valid", "admin-valid", "admin-invalid"],
)
def test_no_operation_answers_with_a_server_error(roles, as_admin, mode):
    headers = {"Authorization": f"Bearer {roles.admin.key}"} if as_admin else {}
    failures: list[str] = []
    operations = [result.ok() for result in _schema().get_all_operations()]
    assert len(operations) >= 20

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            # schemathesis makes up a bearer token for the security scheme; a made-up
            # token is refused with 401 before any code runs, so use none or a real one.
            case.headers = {
                k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"
            }
            response = case.call(headers=headers)
            # schemathesis gives header names in lower case, values as lists
            content_type = (response.headers.get("content-type") or [""])[0]
            if response.status_code >= 500 or not content_type.startswith("application/json"):
                failures.append(
                    f"{case.method} {case.formatted_path} query={case.query} "
                    f"body={case.body!r:.200} -> {response.status_code} {response.text[:200]}"
                )

        try:
            run()
        except Unsatisfiable:
            # an operation without parameters has no invalid input to generate
            assert mode == GenerationMode.NEGATIVE
    assert not failures, "\n".join(failures[:20])
