"""Checking a plan JSON document (`beleidsmonitor.plan/1`) before anything is stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from beleidsmonitor.exceptions import PlanJsonError
from beleidsmonitor.ingest.records import PLAN_FORMAT, PLAN_KINDS


def validate_plan_json(data: object) -> dict:
    """Return the document if it can be stored; raise PlanJsonError naming the first fault."""
    if not isinstance(data, dict):
        raise PlanJsonError("plan JSON must be an object")
    if data.get("format") != PLAN_FORMAT:
        raise PlanJsonError(f"not a plan JSON document: format must be {PLAN_FORMAT!r}")
    plan = _object(data, "plan")
    if plan.get("kind", "onbekend") not in PLAN_KINDS:
        raise PlanJsonError(f"plan.kind must be one of {', '.join(PLAN_KINDS)}")
    period = plan.get("period") or {}
    for bound in ("start", "end"):
        value = period.get(bound)
        if value is not None and not (isinstance(value, int) and 1900 < value < 2200):
            raise PlanJsonError(f"plan.period.{bound} must be a year")
    goals = _list(data, "goals")
    actions = _list(data, "actions")
    if not goals and not actions:
        raise PlanJsonError("the plan has no goals and no actions")
    goal_ids: set[str] = set()
    for index, goal in enumerate(goals):
        where = f"goals[{index}]"
        _require_text(goal, ("id", "level", "title"), where)
        if goal["id"] in goal_ids:
            raise PlanJsonError(f"{where}: goal id {goal['id']!r} occurs twice")
        goal_ids.add(goal["id"])
    for index, goal in enumerate(goals):
        parent = goal.get("parent")
        if parent is not None and parent not in goal_ids:
            raise PlanJsonError(f"goals[{index}]: parent {parent!r} is not a goal of this plan")
    action_ids: set[str] = set()
    for index, action in enumerate(actions):
        where = f"actions[{index}]"
        _require_text(action, ("id", "title"), where)
        if action["id"] in action_ids:
            raise PlanJsonError(f"{where}: action id {action['id']!r} occurs twice")
        action_ids.add(action["id"])
        for goal_id in [action.get("goal"), *(action.get("also_goals") or [])]:
            if goal_id is not None and goal_id not in goal_ids:
                raise PlanJsonError(f"{where}: goal {goal_id!r} is not a goal of this plan")
        timeline = action.get("timeline") or {}
        for bound in ("start", "end"):
            parse_date(timeline.get(bound), f"{where}.timeline.{bound}")
        parse_amount((action.get("budget") or {}).get("amount_eur"), f"{where}.budget.amount_eur")
    return data


def parse_date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PlanJsonError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_amount(value: object, where: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise PlanJsonError(f"{where}: {value!r} is not a number") from None
    if amount < 0 or not amount.is_finite():
        raise PlanJsonError(f"{where}: an amount cannot be negative")
    return amount


def _object(data: dict, key: str) -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        raise PlanJsonError(f"{key!r} must be an object")
    return value


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise PlanJsonError(f"{key!r} must be a list of objects")
    return value


def _require_text(item: dict, keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise PlanJsonError(f"{where}: {key!r} is required")
