"""Fixtures for every test."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in English activates English
    for the rest of the thread, which would leak into the next test's messages."""
    with translation.override(None):
        translation.activate(settings.LANGUAGE_CODE)
        yield


@pytest.fixture(autouse=True)
def development_static_files(settings):
    """Pages find their CSS and JS in the apps, as with DJANGO_DEBUG=1, even when the
    suite runs with DJANGO_DEBUG=0: the production storage needs collectstatic first
    (tests/web/test_static_production.py runs it and overrides this)."""
    from beleidsmonitor.project.settings import storages

    settings.STORAGES = storages(debug=True)
