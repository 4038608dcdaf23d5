"""The shared corpus of real documents, for tests that read it."""

import os
from pathlib import Path

import pytest

from beleidsmonitor.conf import corpus_dir

CORPUS = corpus_dir()


def corpus_file(prefix: str) -> Path:
    """A document of ../shared/corpus by its number prefix (`000`...`004`).

    Absent corpus: the test fails under CI=true (CI always has it) and is skipped on a
    developer machine without it.
    """
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt")) if CORPUS.is_dir() else []
    if not matches:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"corpus document {prefix} not found in {CORPUS}")
        pytest.skip(f"corpus document {prefix} not found in {CORPUS}")
    return matches[0]
