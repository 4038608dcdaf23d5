"""`{{ text|abbreviations:plan }}`: the text HTML-escaped, each known abbreviation wrapped
in `<abbr title="long form">`, so a reader sees what `VDAB` stands for by hovering or
with a screen reader. The plan's own glossary first, then the store's (see
`beleidsmonitor.plans.glossary.expansions`)."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from beleidsmonitor.plans.glossary import expansions

register = template.Library()

_CACHE_ATTRIBUTE = "_glossary_markup"


def _compiled(plan) -> tuple[re.Pattern | None, dict[str, str]]:
    """The pattern and expansions for `plan`, kept on the plan object for the rest of
    the page: a page marks up many texts of one plan, and one query is enough."""
    cached = getattr(plan, _CACHE_ATTRIBUTE, None) if plan is not None else None
    if cached is not None:
        return cached
    known = expansions(plan)
    pattern = None
    if known:
        # longest first, so `BA-JR` wins over `BA`
        forms = sorted(known, key=lambda s: (-len(s), s))
        pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(escape(f)) for f in forms) + r")(?![\w-])"
        )
        known = {escape(short): long for short, long in known.items()}
    compiled = (pattern, known)
    if plan is not None:
        setattr(plan, _CACHE_ATTRIBUTE, compiled)
    return compiled


def mark_abbreviations(text: str, plan=None) -> SafeString:
    escaped = escape(text or "")
    pattern, known = _compiled(plan)
    if pattern is None:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    marked = pattern.sub(
        lambda m: f'<abbr title="{escape(known[m.group(1)])}">{m.group(1)}</abbr>', escaped
    )
    return mark_safe(marked)  # noqa: S308 - built from escaped parts only


@register.filter(name="abbreviations")
def abbreviations(text, plan=None) -> SafeString:
    return mark_abbreviations("" if text is None else str(text), plan)
