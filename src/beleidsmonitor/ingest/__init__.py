"""Documents to plan JSON. Pure Python: nothing here imports Django.

`parse()` runs the named steps in order:

1. `read`     bytes (text, PDF, DOCX) to lines, with a sha256 of the source;
2. `clean`    page numbers, running heads and footnotes out, line numbers kept;
3. `layout`   which kind of document this is;
4. the layout's parser segments the lines into goals and actions and extracts their
   fields (`actionplan`, `measures`, `policynote`, `progressreport`), with
   `normalise` turning timelines, budgets, indicators into values;
5. `records`  the result as plan JSON (`beleidsmonitor.plan/1`), warnings included.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from beleidsmonitor.ingest.clean import clean_lines
from beleidsmonitor.ingest.errors import EmptyPlan, IngestError, UnreadableDocument
from beleidsmonitor.ingest.layout import detect_layout
from beleidsmonitor.ingest.read import Document, read_bytes, read_path
from beleidsmonitor.ingest.records import PLAN_FORMAT, ParsedPlan

__all__ = [
    "PLAN_FORMAT",
    "EmptyPlan",
    "IngestError",
    "UnreadableDocument",
    "parse",
    "parse_bytes",
    "parse_document",
]

LAYOUT_PARSERS = {
    "actieplan": "beleidsmonitor.ingest.actionplan:parse_action_plan",
    "maatregelenfiches": "beleidsmonitor.ingest.measures:parse_measure_sheets",
    "beleidsnota": "beleidsmonitor.ingest.policynote:parse_policy_note",
    "voortgangsrapport": "beleidsmonitor.ingest.progressreport:parse_progress_report",
}


def parse(path: str | Path) -> dict:
    return parse_document(read_path(path))


def parse_bytes(data: bytes, file_name: str) -> dict:
    return parse_document(read_bytes(data, file_name))


def parse_document(document: Document) -> dict:
    lines = clean_lines(document.lines)
    if not any(line.text for line in lines):
        raise EmptyPlan(f"{document.file_name} contains no text")
    layout = detect_layout(lines)
    if layout is None:
        raise EmptyPlan(
            f"{document.file_name} is not a policy plan: no goals, actions or measures were found"
        )
    module_name, function_name = LAYOUT_PARSERS[layout].split(":")
    parse_layout = getattr(importlib.import_module(module_name), function_name)
    plan: ParsedPlan = parse_layout(lines)
    for note in document.notes:
        plan.warn(None, note)
    if not plan.goals and not plan.actions:
        raise EmptyPlan(f"{document.file_name}: no goals or actions could be read")
    return plan.to_json(
        file=document.file_name, sha256=document.sha256, line_count=len(document.lines)
    )
