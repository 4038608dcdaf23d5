"""The records a parse produces, and their plan JSON form (`beleidsmonitor.plan/1`).

Layout parsers fill these dataclasses; `ParsedPlan.to_json()` is the only place that knows
the JSON shape, so the spec is kept in one spot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PLAN_FORMAT = "beleidsmonitor.plan/1"
PLAN_KINDS = ("actieplan", "beleidsnota", "voortgangsrapport", "onbekend")


@dataclass
class Line:
    """One line of the source text, with its 1-based number in the original document."""

    number: int
    text: str
    page_start: bool = False


@dataclass
class Indicator:
    text: str
    target: str | None = None
    kind: str | None = None
    level: str | None = None  # "effect" or "output" where the document says so

    def to_json(self) -> dict:
        data: dict = {"text": self.text, "target": self.target}
        if self.kind:
            data["kind"] = self.kind
        if self.level:
            data["level"] = self.level
        return data


@dataclass
class Timeline:
    text: str | None = None
    start: str | None = None
    end: str | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Budget:
    text: str | None = None
    amount_eur: float | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "amount_eur": self.amount_eur}


@dataclass
class Goal:
    level: str
    number: str
    title: str
    parent: str | None = None
    first_line: int = 0
    last_line: int = 0
    text: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    label: str | None = None  # the goal's short name where it has one: SD 1 ‘Samenleven’
    # A goal written up in several places (a progress report reports per budget entity):
    # the line ranges after the first, which `first_line`/`last_line` hold.
    also_lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.level}{self.number}".replace(" ", "")

    def to_json(self) -> dict:
        data = {
            "id": self.id,
            "level": self.level,
            "number": self.number,
            "title": self.title,
            "parent": self.parent,
            "text": self.text,
            "indicators": [i.to_json() for i in self.indicators],
            "lines": [self.first_line, self.last_line],
        }
        if self.label:
            data["label"] = self.label
        if self.also_lines:
            data["also_lines"] = [[first, last] for first, last in self.also_lines]
        return data


@dataclass
class Milestone:
    """A dated step of an initiative: `Eerste principiële goedkeuring: 23/06/2023`."""

    text: str | None
    date: str | None = None  # ISO date
    # Measure sheets date their `Mijlpalen` by year (`until` for a span: `2016 -2018`) and
    # give the `Geschatte personeelsinzet (VTE)` beside them.
    year: int | None = None
    until: int | None = None
    staffing: str | None = None

    def to_json(self) -> dict:
        data: dict = {"text": self.text, "date": self.date}
        if self.year is not None:
            data["year"] = self.year
            if self.until is not None:
                data["until"] = self.until
            data["staffing"] = self.staffing
        return data


@dataclass
class Action:
    id: str
    title: str
    number: str | None = None
    goal: str | None = None
    also_goals: list[str] = field(default_factory=list)
    kind: str | None = None  # e.g. "actie", "maatregel", "regelgevingsinitiatief"
    description: str | None = None
    objectives: list[str] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    administrations: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    timeline: Timeline = field(default_factory=Timeline)
    indicators: list[Indicator] = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)
    first_line: int = 0
    last_line: int = 0
    # The document's grouping of the action, e.g. the annex section of an initiative.
    category: str | None = None
    # The formal name where the document gives one besides the title (`Titel` of a decree).
    official_title: str | None = None
    milestones: list[Milestone] = field(default_factory=list)

    def to_json(self) -> dict:
        data = {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "goal": self.goal,
            "also_goals": list(self.also_goals),
            "kind": self.kind,
            "description": self.description,
            "objectives": list(self.objectives),
            "results": list(self.results),
            "responsible": list(self.responsible),
            "cooperating": list(self.cooperating),
            "administrations": list(self.administrations),
            "partners": list(self.partners),
            "timeline": self.timeline.to_json(),
            "indicators": [i.to_json() for i in self.indicators],
            "budget": self.budget.to_json(),
            "lines": [self.first_line, self.last_line],
        }
        # Optional fields are written only when filled, like Indicator.kind and .level.
        if self.category:
            data["category"] = self.category
        if self.official_title:
            data["official_title"] = self.official_title
        if self.milestones:
            data["milestones"] = [m.to_json() for m in self.milestones]
        return data


@dataclass
class Abbreviation:
    short: str
    long: str

    def to_json(self) -> dict:
        return {"short": self.short, "long": self.long}


@dataclass
class ParseWarning:
    line: int | None
    message: str

    def to_json(self) -> dict:
        return {"line": self.line, "message": self.message}


@dataclass
class ParsedPlan:
    title: str | None = None
    kind: str = "onbekend"
    policy_field: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    report_year: int | None = None  # the year a progress report reports on
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(ParseWarning(line, message))

    def goal_by_id(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def to_json(self, *, file: str | None, sha256: str | None, line_count: int) -> dict:
        meta: dict = {
            "title": self.title,
            "kind": self.kind,
            "policy_field": self.policy_field,
            "period": {"start": self.period_start, "end": self.period_end},
        }
        if self.report_year is not None:
            meta["report_year"] = self.report_year
        return {
            "format": PLAN_FORMAT,
            "source": {"file": file, "sha256": sha256, "lines": line_count},
            "plan": meta,
            "goals": [g.to_json() for g in self.goals],
            "actions": [a.to_json() for a in self.actions],
            "abbreviations": [a.to_json() for a in self.abbreviations],
            "warnings": [w.to_json() for w in sorted(self.warnings, key=_warning_order)],
        }


def _warning_order(warning: ParseWarning) -> int:
    return warning.line if warning.line is not None else 0
