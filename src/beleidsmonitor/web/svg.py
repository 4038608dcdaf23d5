"""Charts drawn on the server as inline SVG: no JavaScript, no chart library, no CDN.

Every chart has a <title> and a text alternative on the page; colour is never the only
cue (late bars are also hatched and labelled).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from beleidsmonitor.plans.models import Action, Indicator

WIDTH = 1000
LABEL_WIDTH = 320
ROW = 26
AXIS = 44


def _x(day: datetime.date, first: datetime.date, last: datetime.date) -> float:
    span = max((last - first).days, 1)
    return LABEL_WIDTH + (WIDTH - LABEL_WIDTH - 10) * (day - first).days / span


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def timeline(
    actions: list[Action], first: datetime.date, last: datetime.date, today: datetime.date
) -> SafeString:
    """One bar per action from start to end date; an action with one date is a dot."""
    first = datetime.date(first.year, 1, 1)
    last = datetime.date(last.year, 12, 31)
    height = AXIS + ROW * len(actions) + 10
    # Translated outside the f-strings below: makemessages does not look inside them.
    title, today_text, late_text = _("Tijdlijn van de acties"), _("vandaag"), _("te laat")
    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{escape(title)}</title>',
        '<defs><pattern id="late-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#a4000f"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>',
    ]
    for year in range(first.year, last.year + 1):
        x = _x(datetime.date(year, 1, 1), first, last)
        out.append(
            f'<line class="grid" x1="{x:.1f}" y1="{AXIS - 8}" x2="{x:.1f}" y2="{height}"/>'
            f'<text class="year" x="{x + 4:.1f}" y="{AXIS - 12}">{year}</text>'
        )
    if first <= today <= last:
        x = _x(today, first, last)
        out.append(
            f'<line class="today" x1="{x:.1f}" y1="{AXIS - 8}" x2="{x:.1f}" y2="{height}"/>'
            f'<text class="today-label" x="{x:.1f}" y="12" text-anchor="middle">'
            f"{escape(today_text)}</text>"
        )
    for row, action in enumerate(actions):
        y = AXIS + ROW * row
        start = action.start_date or action.end_date
        end = action.end_date or action.start_date
        late = bool(action.end_date and action.end_date < today)
        code = action.number or action.key
        label = f"{code} {_short(action.title, 40)}"
        dates = f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
        tooltip = f"{code} {action.title} ({dates})" + (f" – {late_text}" if late else "")
        x1, x2 = _x(start, first, last), _x(end, first, last)
        fill = "url(#late-hatch)" if late else "#05527d"
        out.append(
            f'<a href="{reverse("action-detail", args=[action.pk])}" class="row'
            f'{" late" if late else ""}"><title>{escape(tooltip)}</title>'
            f'<text class="label" x="4" y="{y + 17}">{escape(label)}</text>'
            f'<rect x="{x1:.1f}" y="{y + 5}" width="{max(x2 - x1, 6):.1f}" height="{ROW - 10}" '
            f'rx="3" fill="{fill}"/>'
        )
        if late:
            out.append(
                f'<text class="late-label" x="{min(x2 + 6, WIDTH - 60):.1f}" y="{y + 17}">'
                f"{escape(late_text)}</text>"
            )
        out.append("</a>")
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - all text above went through escape()


def indicator_chart(indicator: Indicator) -> SafeString | None:
    """Baseline against target as horizontal bars, when both are numbers we know.

    Measured values per round will be added as further bars once rounds exist.
    """
    bars: list[tuple[str, str, Decimal]] = []
    if indicator.baseline is not None:
        bars.append(("baseline", _("nulmeting"), indicator.baseline))
    if indicator.target_value is not None:
        bars.append(("target", _("streefwaarde"), indicator.target_value))
    if not bars:
        return None
    top = max(abs(value) for _kind, _label, value in bars) or Decimal(1)
    unit = f" {indicator.unit}" if indicator.unit else ""
    height = 30 * len(bars) + 10
    title = _("Nulmeting en streefwaarde van %(indicator)s") % {
        "indicator": _short(indicator.text, 80)
    }
    out = [
        f'<svg class="bars" viewBox="0 0 600 {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    ]
    for row, (kind, label, value) in enumerate(bars):
        y = 10 + 30 * row
        width = float(abs(value) / top) * 380
        shown = f"{value.normalize():f}{unit}"
        out.append(
            f'<text x="0" y="{y + 15}" class="label">{escape(label)}</text>'
            f'<rect x="120" y="{y}" width="{max(width, 2):.1f}" height="20" rx="2" '
            f'class="bar-{kind}"/>'
            f'<text x="{128 + width:.1f}" y="{y + 15}">{escape(shown)}</text>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - all text above went through escape()
