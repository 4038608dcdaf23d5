"""Step 5: a sheet's cells to an `Action`; its effect indicators go to its SD."""

from __future__ import annotations

from beleidsmonitor.ingest.budget import parse_amount
from beleidsmonitor.ingest.measures.blocks import Piece, Sheet, short
from beleidsmonitor.ingest.measures.goals import GoalIndex, GoalMention, goal_mentions
from beleidsmonitor.ingest.measures.indicators import indicator_items, output_indicators
from beleidsmonitor.ingest.measures.milestones import milestone_timeline, read_milestones
from beleidsmonitor.ingest.measures.names import cabinet_names, organisation_names
from beleidsmonitor.ingest.measures.template import EXPECTED_CELLS, GOAL_LINE
from beleidsmonitor.ingest.records import Action, Budget, ParsedPlan
from beleidsmonitor.ingest.text import join_text


def build_action(
    sheet: Sheet, plan: ParsedPlan, index: GoalIndex, context: dict[str, str | None]
) -> Action:
    sds = _resolved(index, goal_mentions(sheet.cell("sd")))
    ods = _resolved(index, goal_mentions(sheet.cell("od")))
    _warn_unread_goal_text(sheet, plan)
    goal = ods[0] if ods else context["OD"] or (sds[0] if sds else context["SD"])
    if not ods:
        plan.warn(
            sheet.first_line,
            "measure sheet names no operational goal; placed under the heading above it",
        )
    elif context["OD"] and context["OD"] not in ods:
        plan.warn(
            sheet.first_line,
            f"measure sheet names {goal} but stands under the heading {context['OD']}",
        )
    covered = {goal} | {index.parent_of(key) for key in ods}
    also = [key for key in ods[1:] if key != goal]
    also += [key for key in sds if key not in covered and key not in also]
    rank = 1 + sum(1 for action in plan.actions if action.goal == goal)
    action_id = f"{goal}/M{rank}" if goal else f"M{len(plan.actions) + 1}"
    if goal is None:
        plan.warn(sheet.first_line, "measure sheet without a goal")

    title = join_text(sheet.texts("title"))
    if title is None:
        plan.warn(sheet.first_line, "measure sheet without a statement after 'Maatregel'")
        title = "Maatregel"
    budget_text = join_text(sheet.texts("budget"))
    milestones, leftovers = read_milestones(sheet.cell("milestones"))
    for piece in leftovers:
        plan.warn(
            piece.number,
            f"text in 'Mijlpalen' before the first year left out: '{short(piece.text)}'",
        )
    for run in _runs(sheet.dropped_links):
        links = ", ".join(piece.text for piece in run)
        plan.warn(run[0].number, f"footnote link(s) left out: {links}")
    missing = [name for name in EXPECTED_CELLS if name not in sheet.labels]
    if missing:
        plan.warn(sheet.first_line, f"measure sheet without the cell(s): {', '.join(missing)}")
    if not milestones:
        plan.warn(sheet.first_line, "measure sheet without milestones: no timeline")

    effect_goal = sds[0] if sds else index.parent_of(goal) if goal else None
    effects = indicator_items(sheet.cell("effect"))
    if effects and effect_goal:
        index.add_effect_indicators(effect_goal, effects)
    elif effects:
        plan.warn(
            sheet.first_line, "effect indicators of a sheet without a strategic goal left out"
        )

    return Action(
        id=action_id,
        title=title,
        number=None,
        goal=goal,
        also_goals=also,
        kind="maatregel",
        description=join_text(sheet.texts("description")),
        responsible=cabinet_names(sheet.cell("responsible")),
        cooperating=cabinet_names(sheet.cell("cabinets_involved")),
        administrations=organisation_names(sheet.cell("administrations")),
        partners=organisation_names(sheet.cell("administrations_involved"))
        + organisation_names(sheet.cell("partners")),
        timeline=milestone_timeline(milestones),
        indicators=output_indicators(sheet, plan),
        budget=Budget(budget_text, parse_amount(budget_text)),
        first_line=sheet.first_line,
        last_line=sheet.last_line,
        milestones=milestones,
    )


def _runs(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces on consecutive lines grouped together."""
    runs: list[list[Piece]] = []
    for piece in pieces:
        if runs and piece.number == runs[-1][-1].number + 1:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _resolved(index: GoalIndex, mentions: list[GoalMention]) -> list[str]:
    keys: list[str] = []
    for mention in mentions:
        key = index.resolve(mention)
        if key and key not in keys:
            keys.append(key)
    return keys


def _warn_unread_goal_text(sheet: Sheet, plan: ParsedPlan) -> None:
    for name in ("sd", "od"):
        pieces = [piece for piece in sheet.cell(name) if piece.text]
        if pieces and not GOAL_LINE.match(pieces[0].text):
            plan.warn(
                pieces[0].number,
                f"text before the sheet's first {name.upper()} left out: '{short(pieces[0].text)}'",
            )
