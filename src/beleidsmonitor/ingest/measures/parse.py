"""The measure sheet parser: the steps of this package, in order."""

from __future__ import annotations

from beleidsmonitor.ingest.measures.actions import build_action
from beleidsmonitor.ingest.measures.blocks import HeadingRun
from beleidsmonitor.ingest.measures.cells import split_sheet
from beleidsmonitor.ingest.measures.cleanup import drop_page_furniture
from beleidsmonitor.ingest.measures.goals import GoalIndex, heading_mentions
from beleidsmonitor.ingest.measures.names import split_joined_names
from beleidsmonitor.ingest.measures.segment import segment
from beleidsmonitor.ingest.metadata import guess_period, guess_policy_field, guess_title
from beleidsmonitor.ingest.records import Line, ParsedPlan


def parse_measure_sheets(lines: list[Line]) -> ParsedPlan:
    plan = ParsedPlan(kind="actieplan")
    plan.title = guess_title(lines)
    plan.policy_field = guess_policy_field(lines)
    plan.period_start, plan.period_end = guess_period(lines)
    if plan.title is None:
        plan.title = _title_from_field_and_period(plan)
    content = drop_page_furniture(lines)
    blocks = segment(content, plan)
    index = GoalIndex(plan)
    for block in blocks:
        if isinstance(block, HeadingRun):
            index.add_headings(block)
    # The headings a sheet stands under: its place when it names no goal of its own.
    context: dict[str, str | None] = {"SD": None, "OD": None}
    for block in blocks:
        if isinstance(block, HeadingRun):
            for mention in heading_mentions(block):
                if index.has(mention.key):
                    context[mention.level] = mention.key
                    if mention.level == "SD":
                        context["OD"] = None
            continue
        split_sheet(block)
        plan.actions.append(build_action(block, plan, index, context))
    split_joined_names(plan.actions)
    index.finish()
    if not plan.actions:
        plan.warn(None, "no measure sheets found")
    return plan


def _title_from_field_and_period(plan: ParsedPlan) -> str | None:
    """A document without a title of its own: `Actieplan integratie en inburgering 2016-2019`."""
    if plan.policy_field is None:
        return None
    title = f"Actieplan {plan.policy_field.lower()}"
    if plan.period_start and plan.period_end:
        title += f" {plan.period_start}-{plan.period_end}"
    return title
