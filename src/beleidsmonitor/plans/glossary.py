"""The glossary: the abbreviations of one plan, or of all current plans together.

Plans bring their own list of abbreviations (`Abbreviation`). The store's glossary
joins them: one entry per abbreviation and expansion, naming the plans that use it.
`variants("VDAB")` gives the forms a search should also look for (the long form, and for
a long form its abbreviation), so text that spells an abbreviation out is found by the
abbreviation and the reverse.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q

from beleidsmonitor.plans.models import Abbreviation, Goal, Plan


@dataclass
class Entry:
    short: str
    long: str
    plans: list[Plan] = field(default_factory=list)

    @property
    def letter(self) -> str:
        return first_letter(self.short)


def first_letter(text: str) -> str:
    """The letter an entry is filed under (`É` under `E`); `#` for a digit or mark."""
    folded = unicodedata.normalize("NFKD", text.strip()[:1]).upper()
    letter = folded[:1]
    return letter if "A" <= letter <= "Z" else "#"


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def entries(plan: Plan | None = None, *, text: str = "", letter: str = "") -> list[Entry]:
    """Glossary entries, sorted by abbreviation; of `plan`, or of all current plans.

    `text` matches the abbreviation and the long form (so `VDAB` and `Arbeidsbemiddeling`
    find the same entry); `letter` keeps the entries filed under that letter.
    """
    rows = Abbreviation.objects.select_related("plan")
    rows = rows.filter(plan=plan) if plan is not None else rows.filter(plan__is_current=True)
    if text.strip():
        form = text.strip()
        rows = rows.filter(Q(short__icontains=form) | Q(long__icontains=form))
    merged: dict[tuple[str, str], Entry] = {}
    for row in rows.order_by("short", "long", "plan__title"):
        entry = merged.setdefault(
            (_key(row.short), _key(row.long)), Entry(row.short.strip(), " ".join(row.long.split()))
        )
        if row.plan not in entry.plans:
            entry.plans.append(row.plan)
    result = sorted(merged.values(), key=lambda e: (e.short.casefold(), e.long.casefold()))
    if letter:
        result = [e for e in result if e.letter == letter.upper()]
    return result


def letters(plan: Plan | None = None) -> list[str]:
    return sorted({e.letter for e in entries(plan)})


def variants(term: str) -> set[str]:
    """Other forms of `term` in the store's glossary: long forms of an abbreviation,
    abbreviations of a long form. Empty when the glossary does not know it."""
    term = " ".join((term or "").split())
    if not term:
        return set()
    rows = Abbreviation.objects.filter(plan__is_current=True).filter(
        Q(short__iexact=term) | Q(long__iexact=term)
    )
    found = set()
    for row in rows:
        found.add(row.long if row.short.casefold() == term.casefold() else row.short)
    return {" ".join(f.split()) for f in found} - {term}


def goals_mentioning(term: str, *, limit: int = 20) -> list[Goal]:
    """Objectives of current plans whose title or text holds `term` or one of its
    variants: `VDAB` finds a text that only spells it out, and the reverse."""
    forms = {" ".join(term.split())} | variants(term)
    forms.discard("")
    if not forms:
        return []
    query = Q()
    for form in forms:
        query |= Q(title__icontains=form) | Q(text__icontains=form)
    candidates = Goal.objects.filter(plan__is_current=True).filter(query).select_related("plan")
    # icontains also finds an abbreviation inside a word (`EU` in `neutraal`): keep a
    # hit only where a form stands as a word of its own
    patterns = [_word_pattern(form) for form in forms]
    found = []
    for goal in candidates.order_by("plan__title", "order"):
        if any(p.search(goal.title) or p.search(goal.text) for p in patterns):
            found.append(goal)
            if len(found) >= limit:
                break
    return found


def _word_pattern(form: str) -> re.Pattern:
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags)


def expansions(plan: Plan | None) -> dict[str, str]:
    """Abbreviation -> long form for marking up text: the plan's own glossary first, then
    the store's for abbreviations with one expansion only (two plans disagreeing on what
    an abbreviation means is no ground to show either)."""
    found: dict[str, set[str]] = {}
    for row in Abbreviation.objects.filter(plan__is_current=True).only("short", "long"):
        found.setdefault(row.short.strip(), set()).add(" ".join(row.long.split()))
    result = {short: next(iter(longs)) for short, longs in found.items() if len(longs) == 1}
    if plan is not None:
        for row in plan.abbreviations.all():
            result[row.short.strip()] = " ".join(row.long.split())
    return {short: long for short, long in result.items() if short and long}
