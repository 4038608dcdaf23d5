"""System checks: what a production start needs before the first page is asked for."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Warning, register


@register()
def static_files_collected(app_configs, **kwargs) -> list[Warning]:
    """With debug off, pages name their CSS and JS by the hashed names `collectstatic`
    writes to its manifest; without it every page fails, so say so at start."""
    backend = settings.STORAGES.get("staticfiles", {}).get("BACKEND", "")
    if settings.DEBUG or "Manifest" not in backend:
        return []
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        return []
    return [
        Warning(
            f"static files are not collected: {manifest} is missing, so every page fails",
            hint="run `beleidsmonitor manage collectstatic --noinput` (`beleidsmonitor serve` "
            "does it itself)",
            id="beleidsmonitor.W001",
        )
    ]
