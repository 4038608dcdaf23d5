"""The policy note layout (`beleidsnota`): strategic and operational objectives with their
text, a list of abbreviations and a regulatory agenda.

`read_goal_document` is the pipeline the progress report shares: artefacts out, chapters,
goals, then the chapters of abbreviations and initiatives. What differs between the two
layouts is the plan-level metadata and the kind the initiatives default to.
"""

from __future__ import annotations

import re

from beleidsmonitor.ingest.abbreviations import parse_abbreviations
from beleidsmonitor.ingest.initiatives import assign_ids, read_initiatives
from beleidsmonitor.ingest.metadata import (
    guess_field_name,
    guess_policy_field,
    guess_term,
    guess_title,
)
from beleidsmonitor.ingest.objectives import NOTHING, drop_artefacts, read_goals, split_chapters
from beleidsmonitor.ingest.records import Line, ParsedPlan

SELF_NAME = re.compile(r"\bdeze\s+beleidsnota\b", re.I)


def parse_policy_note(lines: list[Line]) -> ParsedPlan:
    plan = ParsedPlan(kind="beleidsnota")
    plan.period_start, plan.period_end = guess_term(lines)
    plan.policy_field = guess_field_name(lines) or guess_policy_field(lines)
    plan.title = policy_note_title(lines, plan)
    read_goal_document(lines, plan, initiative_kind="regelgevingsinitiatief")
    return plan


def policy_note_title(lines: list[Line], plan: ParsedPlan) -> str:
    """The name the note gives itself, else `Beleidsnota <policy field> <term>`.

    A policy note rarely prints its own title in the text (the cover is not extracted);
    it calls itself `deze beleidsnota` and names its policy field and term elsewhere.
    """
    named = guess_title(lines)
    if named and named.lower().startswith("beleidsnota"):
        return named
    parts = ["Beleidsnota"]
    if plan.policy_field:
        parts.append(plan.policy_field)
    if plan.period_start and plan.period_end:
        parts.append(f"{plan.period_start}-{plan.period_end}")
    if not SELF_NAME.search(" ".join(line.text for line in lines)) and len(parts) == 1:
        plan.warn(None, "the document does not name itself; the title is a guess")
    return " ".join(parts)


def read_goal_document(lines: list[Line], plan: ParsedPlan, initiative_kind: str) -> None:
    """Fill `plan` with the goals, abbreviations and initiatives of an SD/OD document."""
    body = drop_artefacts(lines, plan)
    chapters = split_chapters(body)
    plan.goals = read_goals(chapters, plan)
    for chapter in chapters:
        if chapter.kind == "abbreviations":
            plan.abbreviations.extend(parse_abbreviations(chapter.lines, plan))
        elif chapter.kind == "initiatives":
            plan.actions.extend(read_initiatives(chapter, plan, initiative_kind, plan.goals))
        elif chapter.kind in ("budget", "annex"):
            text = [line for line in chapter.lines if line.text and not NOTHING.match(line.text)]
            if text:
                plan.warn(
                    text[0].number,
                    f"chapter '{chapter.name}' (lines {text[0].number}-{text[-1].number}) "
                    "holds no goals or initiatives; not imported",
                )
    assign_ids(plan.actions)
