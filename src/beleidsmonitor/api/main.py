"""The NinjaAPI instance: version 1 of the Beleidsmonitor REST API under /api/."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from beleidsmonitor.api import errors
from beleidsmonitor.api.v1 import (
    actions,
    actors,
    goals,
    indicators,
    links,
    opendata,
    plans,
    rounds,
    updates,
)

DESCRIPTION = """\
Plans, goals, actions, actors, indicators, reporting rounds and updates of Beleidsmonitor.

Reads follow the web roles: anonymous visitors see published updates only, logged-in
users (browser session or API token) see everything. Writes need an API token
(`beleidsmonitor token USER`), sent as `Authorization: Bearer <key>`, and follow the same
permission rules as the web pages. Every error is JSON: `{"detail": "<message>"}`.
"""

api = NinjaAPI(
    title="Beleidsmonitor API",
    version="1",
    description=DESCRIPTION,
    openapi_url="/openapi.json",
    # Swagger UI from ninja's own static files ("ninja" is in INSTALLED_APPS): no CDN.
    docs=Swagger(),
    docs_url="/docs",
    urls_namespace="api",
)
errors.install(api)

for module in (plans, goals, actions, actors, indicators, links, rounds, updates, opendata):
    api.add_router("/", module.router)
