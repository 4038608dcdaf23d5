"""A plain-text summary of plan JSON for a person to check before it is stored."""

from __future__ import annotations

CHECKED_FIELDS = (
    ("description", "description"),
    ("responsible", "responsible"),
    ("timeline", "timeline"),
    ("indicators", "indicators"),
)


def missing_fields(action: dict) -> list[str]:
    missing = []
    for key, label in CHECKED_FIELDS:
        value = action.get(key)
        if key == "timeline":
            value = (value or {}).get("text")
        if key == "responsible":
            value = value or action.get("administrations")
        if not value:
            missing.append(label)
    return missing


def review_text(plan: dict) -> str:
    meta = plan.get("plan") or {}
    period = meta.get("period") or {}
    goals = plan.get("goals") or []
    actions = plan.get("actions") or []
    warnings = plan.get("warnings") or []
    out = [
        f"{meta.get('title') or '(no title)'} [{meta.get('kind')}] "
        f"{period.get('start') or '?'}-{period.get('end') or '?'}",
        f"{len(goals)} goals, {len(actions)} actions, "
        f"{len(plan.get('abbreviations') or [])} abbreviations, {len(warnings)} warnings",
        "",
    ]
    by_goal: dict[str | None, list[dict]] = {}
    for action in actions:
        by_goal.setdefault(action.get("goal"), []).append(action)
    for goal in goals:
        depth = 0 if not goal.get("parent") else 1
        here = by_goal.get(goal["id"], [])
        out.append(f"{'  ' * depth}{goal['id']}: {goal['title']} ({len(here)} actions)")
        out.extend(_action_lines(here, depth + 1))
    if by_goal.get(None):
        out.append(f"Without a goal ({len(by_goal[None])} actions)")
        out.extend(_action_lines(by_goal[None], 1))
    if warnings:
        out += ["", "Warnings:"]
        out += [_warning_line(w) for w in warnings]
    return "\n".join(out)


def _warning_line(warning: dict) -> str:
    # a warning about the whole document (its encoding, its title) has no line
    where = f"line {warning['line']}: " if warning.get("line") else ""
    return f"  {where}{warning.get('message')}"


def _action_lines(actions: list[dict], depth: int) -> list[str]:
    lines = []
    for action in actions:
        missing = missing_fields(action)
        note = f"  [missing: {', '.join(missing)}]" if missing else ""
        lines.append(f"{'  ' * depth}{action['id']}: {action['title'][:90]}{note}")
    return lines
