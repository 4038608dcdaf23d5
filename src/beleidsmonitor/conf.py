"""Where Beleidsmonitor keeps its data, read once from the environment.

Every setting is named `BELEIDSMONITOR_*` in the environment; the Django settings module
and the CLI both read them from here.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Folder for the SQLite database and uploads (default: `./data`)."""
    return Path(os.environ.get("BELEIDSMONITOR_DATA_DIR", Path.cwd() / "data")).resolve()


def corpus_dir() -> Path:
    """The shared corpus of real documents, beside the project checkout."""
    default = PROJECT_ROOT.parent / "shared" / "corpus"
    return Path(os.environ.get("BELEIDSMONITOR_CORPUS_DIR", default)).resolve()
