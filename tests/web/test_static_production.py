"""With debug off WhiteNoise serves the collected static files: the app's stylesheet and
the Swagger UI of /api/docs load from STATIC_ROOT, with hashed names and no CDN."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client, override_settings

from beleidsmonitor.project.settings import storages

HASHED = re.compile(r"\.[0-9a-f]{12}\.")


def production(static_root):
    """The static-file settings DJANGO_DEBUG=0 gives, with STATIC_ROOT in a test folder."""
    return override_settings(
        DEBUG=False,
        STATIC_ROOT=static_root,
        STORAGES=storages(debug=False),
        WHITENOISE_AUTOREFRESH=False,
        WHITENOISE_USE_FINDERS=False,
    )


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """collectstatic run once, as `beleidsmonitor serve` runs it in production."""
    root = tmp_path_factory.mktemp("static")
    with production(root):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def linked(html, name):
    """The URL of the stylesheet or script whose file name starts with `name`."""
    urls = re.findall(r'(?:href|src)="([^"]+)"', html)
    found = [url for url in urls if url.rsplit("/", 1)[-1].startswith(name)]
    assert found, f"{name} is not linked in {urls}"
    return found[0]


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response, b"".join(response.streaming_content)


def source(path):
    return Path(finders.find(path)).read_bytes()


@pytest.mark.django_db
def test_the_project_stylesheet_is_served(static_root):
    with production(static_root):
        client = Client()
        page = client.get("/")
        assert page.status_code == 200
        url = linked(page.content.decode(), "app.")
        assert url.startswith("/static/web/") and HASHED.search(url)
        response, body = fetch(client, url)
        assert response["Content-Type"].startswith("text/css")
        assert body == source("web/app.css")
        compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert compressed["Content-Encoding"] == "gzip"


def test_the_swagger_ui_of_api_docs_is_served(static_root):
    with production(static_root):
        client = Client()
        docs = client.get("/api/docs")
        assert docs.status_code == 200
        html = docs.content.decode()
        script = linked(html, "swagger-ui-bundle.")
        stylesheet = linked(html, "swagger-ui.")
        assert script.startswith("/static/ninja/") and HASHED.search(script)
        response, body = fetch(client, script)
        assert response["Content-Type"].startswith("text/javascript")
        assert body == source("ninja/swagger-ui-bundle.js")
        response, body = fetch(client, stylesheet)
        assert response["Content-Type"].startswith("text/css")
        assert b".swagger-ui" in body
