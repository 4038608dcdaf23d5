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
