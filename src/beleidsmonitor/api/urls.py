"""/api/: ninja's routes, each wrapped so any error is JSON, then a JSON 404 for the rest."""

from django.urls import URLPattern, URLResolver, path, re_path

from beleidsmonitor.api.errors import json_errors, not_found_view
from beleidsmonitor.api.main import api


def _wrap(patterns: list) -> list:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _wrap(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = json_errors(pattern.callback)
    return patterns


# Not unpacked into module names: a module-level `app_name` would make include() put
# the whole module under ninja's app namespace and break ninja's own reverse().
_ninja = api.urls
urlpatterns = [
    path("", (_wrap(_ninja[0]), _ninja[1], _ninja[2])),
    re_path(r"^.*$", not_found_view),
]
