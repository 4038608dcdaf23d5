"""API tokens (made by the CLI, stored hashed) and the schema and docs pages."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from beleidsmonitor.api.models import ApiToken
from beleidsmonitor.api.tokens import hash_key, user_for_key
from beleidsmonitor.cli import main

pytestmark = pytest.mark.django_db


def test_token_command_shows_the_key_once_and_stores_only_its_hash():
    get_user_model().objects.create_user("ann")
    result = CliRunner().invoke(main, ["token", "ann", "--name", "script"])
    assert result.exit_code == 0, result.output
    key = result.stdout.strip().splitlines()[0]
    assert re.fullmatch(r"bm_[\w-]{40,}", key)
    token = ApiToken.objects.get()
    assert token.key_hash == hash_key(key) and key not in token.key_hash
    assert token.name == "script" and key.startswith(token.prefix)
    assert user_for_key(key).username == "ann"
    assert user_for_key(key + "x") is None


def test_token_command_for_an_unknown_user_fails_cleanly():
    result = CliRunner().invoke(main, ["token", "niemand"])
    assert result.exit_code == 1
    assert "no user" in result.output
    assert not ApiToken.objects.exists()


def test_using_a_token_records_when_and_inactive_users_are_refused(roles):
    token = ApiToken.objects.get(user__username="lezer")
    assert token.last_used is None
    assert roles.reader.get("/api/plans").status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    token.user.is_active = False
    token.user.save()
    assert roles.reader.get("/api/plans").status_code == 401


def test_openapi_schema_documents_every_resource_and_bearer_auth(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Beleidsmonitor API"
    paths = schema["paths"]
    for resource in ("plans", "goals", "actions", "actors", "indicators", "rounds", "updates"):
        assert "get" in paths[f"/api/{resource}"], resource
    assert "patch" in paths["/api/updates/{update_id}"]
    assert "post" in paths["/api/updates/{update_id}/submit"]
    schemes = schema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


def test_docs_page_loads_swagger_from_our_own_static_files(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/api/openapi.json" in html
    # no CDN: every script and stylesheet comes from this server
    assert not re.search(r"""(src|href)=["']https?://""", html), html
