"""A file given to `import`: plan JSON as is, any other document through the parser."""

from __future__ import annotations

import json
from pathlib import Path

from beleidsmonitor.exceptions import PlanJsonError
from beleidsmonitor.ingest import PLAN_FORMAT, parse_document
from beleidsmonitor.ingest.read import Document, read_bytes, read_path


def load_plan_file(path: Path) -> tuple[dict, str]:
    """Plan JSON and the source text it was read from ("" for a plan JSON file)."""
    document = read_path(path)
    return load_document(document)


def load_uploaded(data: bytes, file_name: str) -> tuple[dict, str]:
    return load_document(read_bytes(data, file_name))


def load_document(document: Document) -> tuple[dict, str]:
    plan_json = _as_plan_json(document)
    if plan_json is not None:
        return plan_json, ""
    return parse_document(document), "\n".join(document.lines)


def _as_plan_json(document: Document) -> dict | None:
    text = "\n".join(document.lines).lstrip()
    if not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if document.file_name.lower().endswith(".json"):
            raise PlanJsonError(f"{document.file_name} is not valid JSON: {error}") from None
        return None
    if isinstance(data, dict) and data.get("format") == PLAN_FORMAT:
        return data
    raise PlanJsonError(f"{document.file_name} is JSON but not plan JSON ({PLAN_FORMAT})")
