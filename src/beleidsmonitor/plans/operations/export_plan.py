"""A stored plan back to plan JSON: the same document the importer took in."""

from __future__ import annotations

from decimal import Decimal

from beleidsmonitor.ingest.records import PLAN_FORMAT
from beleidsmonitor.plans.models import Indicator, Plan
from beleidsmonitor.plans.operations.import_plan import ROLE_FIELDS


def export_plan(plan: Plan) -> dict:
    goals = list(plan.goals.select_related("parent").prefetch_related("indicators"))
    actions = list(
        plan.actions.select_related("goal").prefetch_related(
            "extra_goals", "indicators", "actor_links"
        )
    )
    meta = {
        "title": plan.title,
        "kind": plan.kind,
        "policy_field": plan.policy_field or None,
        "period": {"start": plan.period_start, "end": plan.period_end},
        "licence": plan.licence,
    }
    if plan.report_year:
        meta["report_year"] = plan.report_year
    return {
        "format": PLAN_FORMAT,
        "source": {
            "file": plan.source_file or None,
            "sha256": plan.source_sha256 or None,
            "lines": plan.source_lines,
        },
        "plan": meta,
        "goals": [_goal(goal) for goal in goals],
        "actions": [_action(action) for action in actions],
        "abbreviations": [{"short": a.short, "long": a.long} for a in plan.abbreviations.all()],
        "warnings": [{"line": w.line, "message": w.message} for w in plan.warnings.all()],
    }


def _goal(goal) -> dict:
    return {
        "id": goal.key,
        "level": goal.level,
        "number": goal.number or None,
        "title": goal.title,
        "parent": goal.parent.key if goal.parent else None,
        "text": goal.text or None,
        "indicators": [_indicator(i) for i in goal.indicators.all()],
        "lines": [goal.first_line, goal.last_line],
    }


def _action(action) -> dict:
    links = sorted(action.actor_links.all(), key=lambda link: (link.role, link.order))
    data = {
        "id": action.key,
        "number": action.number or None,
        "title": action.title,
        "goal": action.goal.key if action.goal else None,
        "also_goals": [g.key for g in sorted(action.extra_goals.all(), key=lambda g: g.order)],
        "kind": action.kind or None,
        "description": action.description or None,
        "objectives": list(action.objectives),
        "results": list(action.results),
    }
    for field_name, role in ROLE_FIELDS:
        data[field_name] = [link.written_as for link in links if link.role == role]
    data.update(
        {
            "timeline": {
                "text": action.timeline_text or None,
                "start": action.start_date.isoformat() if action.start_date else None,
                "end": action.end_date.isoformat() if action.end_date else None,
            },
            "indicators": [_indicator(i) for i in action.indicators.all()],
            "budget": {
                "text": action.budget_text or None,
                "amount_eur": _float(action.budget_amount),
            },
            "milestones": list(action.milestones),
            "lines": [action.first_line, action.last_line],
        }
    )
    return data


def _indicator(indicator: Indicator) -> dict:
    data = {"text": indicator.text, "target": indicator.target or None, "kind": indicator.kind}
    if indicator.level:
        data["level"] = indicator.level
    if indicator.unit:
        data["unit"] = indicator.unit
    if indicator.baseline is not None:
        data["baseline"] = _float(indicator.baseline)
    if indicator.target_date:
        data["target_date"] = indicator.target_date.isoformat()
    return data


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None
