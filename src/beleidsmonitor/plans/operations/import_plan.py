"""Storing a plan JSON document: one transaction, no duplicates, versions kept.

- The same source (same sha256) imported again changes nothing and says so.
- A changed source of a plan already stored (same file name, or same title, kind and
  period) becomes a new version; the old version is kept and marked not current.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from beleidsmonitor.plans.models import (
    Abbreviation,
    Action,
    ActionActor,
    ActorRole,
    Goal,
    Indicator,
    Plan,
    PlanWarning,
)
from beleidsmonitor.plans.operations.planjson import parse_amount, parse_date, validate_plan_json
from beleidsmonitor.plans.operations.resolve_actors import resolve_actor
from beleidsmonitor.plans.signals import plan_imported

ROLE_FIELDS = (
    ("responsible", ActorRole.RESPONSIBLE),
    ("cooperating", ActorRole.COOPERATING),
    ("administrations", ActorRole.ADMINISTRATION),
    ("partners", ActorRole.PARTNER),
)
PLAIN_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*%?$")
INDICATOR_KINDS = {"count", "percentage", "deliverable", "qualitative"}


@dataclass
class ImportResult:
    plan: Plan
    status: str  # "created", "new_version" or "unchanged"
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        verb = {
            "created": "stored",
            "new_version": f"stored as version {self.plan.version} of",
            "unchanged": "already stored, nothing changed:",
        }[self.status]
        return f"{verb} plan {self.plan.pk} '{self.plan.title}' ({counts})"


def source_sha256(data: dict) -> str:
    declared = (data.get("source") or {}).get("sha256")
    if declared:
        return str(declared)
    canonical = json.dumps({k: v for k, v in data.items() if k != "source"}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def import_plan(data: dict, *, source_text: str = "", user=None) -> ImportResult:
    validate_plan_json(data)
    sha256 = source_sha256(data)
    with transaction.atomic():
        previous = _current_version(data)
        if previous is not None and previous.source_sha256 == sha256:
            return ImportResult(previous, "unchanged", _counts(previous))
        plan = _store(data, sha256, source_text, user, previous)
        plan_imported.send(sender=Plan, plan=plan)
    status = "new_version" if previous is not None else "created"
    return ImportResult(plan, status, _counts(plan))


def _current_version(data: dict) -> Plan | None:
    source = data.get("source") or {}
    meta = data["plan"]
    period = meta.get("period") or {}
    current = Plan.objects.select_for_update().filter(is_current=True)
    if source.get("file"):
        match = current.filter(source_file=source["file"]).first()
        if match:
            return match
    return current.filter(
        title=_title(data),
        kind=meta.get("kind") or "onbekend",
        period_start=period.get("start"),
        period_end=period.get("end"),
    ).first()


def _title(data: dict) -> str:
    title = (data["plan"].get("title") or "").strip()
    if title:
        return title[:500]
    file_name = (data.get("source") or {}).get("file") or "plan"
    return file_name.rsplit(".", 1)[0]


def _store(data: dict, sha256: str, source_text: str, user, previous: Plan | None) -> Plan:
    meta = data["plan"]
    period = meta.get("period") or {}
    source = data.get("source") or {}
    if previous is not None:
        previous.is_current = False
        previous.save(update_fields=["is_current"])
    plan = Plan.objects.create(
        title=_title(data),
        kind=meta.get("kind") or "onbekend",
        policy_field=meta.get("policy_field") or "",
        period_start=period.get("start"),
        period_end=period.get("end"),
        report_year=meta.get("report_year"),
        licence=meta.get("licence") or "CC BY 4.0",
        source_file=source.get("file") or "",
        source_sha256=sha256,
        source_lines=source.get("lines"),
        source_text=source_text,
        imported_by=user if getattr(user, "is_authenticated", False) else None,
        version=(previous.version + 1) if previous else 1,
        replaces=previous,
    )
    goals = _store_goals(plan, data["goals"])
    _store_actions(plan, data["actions"], goals)
    Abbreviation.objects.bulk_create(
        Abbreviation(plan=plan, short=a["short"], long=a["long"])
        for a in data.get("abbreviations") or []
        if a.get("short") and a.get("long")
    )
    PlanWarning.objects.bulk_create(
        PlanWarning(plan=plan, line=w.get("line"), message=w.get("message") or "")
        for w in data.get("warnings") or []
    )
    return plan


def _store_goals(plan: Plan, goals_data: list[dict]) -> dict[str, Goal]:
    goals: dict[str, Goal] = {}
    for order, item in enumerate(goals_data):
        first, last = _lines(item)
        goals[item["id"]] = Goal.objects.create(
            plan=plan,
            key=item["id"],
            level=item["level"],
            number=item.get("number") or "",
            title=item["title"],
            text=item.get("text") or "",
            order=order,
            first_line=first,
            last_line=last,
        )
    for item in goals_data:
        if item.get("parent"):
            goal = goals[item["id"]]
            goal.parent = goals[item["parent"]]
            goal.save(update_fields=["parent"])
        _store_indicators(item.get("indicators") or [], goal=goals[item["id"]])
    return goals


def _store_actions(plan: Plan, actions_data: list[dict], goals: dict[str, Goal]) -> None:
    for order, item in enumerate(actions_data):
        where = f"action {item['id']}"
        timeline = item.get("timeline") or {}
        budget = item.get("budget") or {}
        first, last = _lines(item)
        action = Action.objects.create(
            plan=plan,
            key=item["id"],
            goal=goals.get(item.get("goal")),
            number=item.get("number") or "",
            kind=item.get("kind") or "",
            title=item["title"],
            description=item.get("description") or "",
            objectives=list(item.get("objectives") or []),
            results=list(item.get("results") or []),
            timeline_text=timeline.get("text") or "",
            start_date=parse_date(timeline.get("start"), where),
            end_date=parse_date(timeline.get("end"), where),
            budget_text=budget.get("text") or "",
            budget_amount=parse_amount(budget.get("amount_eur"), where),
            milestones=list(item.get("milestones") or []),
            order=order,
            first_line=first,
            last_line=last,
        )
        extra = [goals[g] for g in item.get("also_goals") or [] if g in goals]
        if extra:
            action.extra_goals.set(extra)
        links = []
        for field_name, role in ROLE_FIELDS:
            for position, written in enumerate(item.get(field_name) or []):
                if isinstance(written, str) and written.strip():
                    actor = resolve_actor(written, role)
                    links.append(
                        ActionActor(
                            action=action,
                            actor=actor,
                            role=role,
                            written_as=written.strip()[:1000],
                            order=position,
                        )
                    )
        ActionActor.objects.bulk_create(links)
        _store_indicators(item.get("indicators") or [], action=action)


def _store_indicators(items: list[dict], *, action=None, goal=None) -> None:
    indicators = []
    for order, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("text"):
            continue
        target = item.get("target")
        kind = item.get("kind") if item.get("kind") in INDICATOR_KINDS else "qualitative"
        indicators.append(
            Indicator(
                action=action,
                goal=goal,
                text=item["text"],
                kind=kind,
                level=item.get("level") or "",
                unit=item.get("unit") or "",
                baseline=parse_amount(item.get("baseline"), "indicator baseline"),
                target="" if target is None else str(target),
                target_value=_number(target),
                target_date=parse_date(item.get("target_date"), "indicator target_date"),
                order=order,
            )
        )
    Indicator.objects.bulk_create(indicators)


def _number(value: object) -> Decimal | None:
    """A target that is a plain number (`12`, `1.250`, `2,5`, `40%`) as a value; else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, str):
        match = PLAIN_NUMBER.match(value.strip())
        if match:
            return Decimal(match.group(1).replace(".", "").replace(",", "."))
    return None


def _lines(item: dict) -> tuple[int | None, int | None]:
    lines = item.get("lines") or [None, None]
    if not isinstance(lines, list) or len(lines) != 2:
        return None, None
    return lines[0], lines[1]


def _counts(plan: Plan) -> dict[str, int]:
    return {
        "goals": plan.goals.count(),
        "actions": plan.actions.count(),
        "indicators": Indicator.objects.filter(action__plan=plan).count()
        + Indicator.objects.filter(goal__plan=plan).count(),
        "abbreviations": plan.abbreviations.count(),
        "warnings": plan.warnings.count(),
    }
