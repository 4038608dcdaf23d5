"""Charts drawn on the server as inline SVG: no JavaScript, no chart library, no CDN.

Every chart has a <title> and a text alternative on the page; colour is never the only
cue (late bars are also hatched and labelled).
"""

from __future__ import annotations

import datetime
import textwrap
from decimal import Decimal
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from beleidsmonitor.plans.models import Action, Indicator

if TYPE_CHECKING:
    from beleidsmonitor.web.status import Counts

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


def indicator_chart(
    indicator: Indicator, values: list[tuple[str, Decimal]] | None = None
) -> SafeString | None:
    """Baseline, the measured values per round and the target as horizontal bars.

    `values` are (round name, value) pairs the viewer may see, oldest first. Nothing is
    drawn without at least one number. Each bar has its label above it, at full width,
    so a round's whole name shows ("Rapportering 2025", not "Rapportering 20…") and
    rounds of different years stay apart.
    """
    bars: list[tuple[str, str, Decimal]] = []
    if indicator.baseline is not None:
        bars.append(("baseline", _("nulmeting"), indicator.baseline))
    for round_name, value in values or []:
        bars.append(("value", round_name, value))
    if indicator.target_value is not None:
        bars.append(("target", _("streefwaarde"), indicator.target_value))
    if not bars:
        return None
    top = max(abs(value) for _kind, _label, value in bars) or Decimal(1)
    unit = f" {indicator.unit}" if indicator.unit else ""
    row_height, bar_width = 44, 440
    height = row_height * len(bars) + 4
    name = {"indicator": _short(indicator.text, 80)}
    if values:
        title = _("Nulmeting, gemeten waarden en streefwaarde van %(indicator)s") % name
    else:
        title = _("Nulmeting en streefwaarde van %(indicator)s") % name
    out = [
        f'<svg class="bars" viewBox="0 0 600 {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    ]
    for row, (kind, label, value) in enumerate(bars):
        y = row_height * row
        width = float(abs(value) / top) * bar_width
        shown = f"{value.normalize():f}{unit}"
        out.append(
            f"<g><title>{escape(label)}: {escape(shown)}</title>"
            f'<text x="0" y="{y + 15}" class="label">{escape(_short(str(label), 75))}</text>'
            f'<rect x="0" y="{y + 20}" width="{max(width, 2):.1f}" height="20" rx="2" '
            f'class="bar-{kind}"/>'
            f'<text x="{max(width, 2) + 8:.1f}" y="{y + 35}">{escape(shown)}</text></g>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - all text above went through escape()


def status_bar(counts: Counts, title: str, *, width: int = 300, height: int = 18) -> SafeString:
    """One stacked bar of status counts, for a row in a table; the counts are beside it."""
    total = counts.total
    parts = ", ".join(f"{row.label}: {row.count}" for row in counts.rows())
    aria = f"{title}: {parts}" if parts else title
    out = [
        f'<svg class="status-bar" viewBox="0 0 {width} {height}" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape(aria)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(aria)}</title>"
    ]
    x = 0.0
    for row in counts.rows():
        w = width * row.count / total if total else 0
        out.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" '
            f'fill="{row.colour}" class="status-{row.slug}"/>'
        )
        x += w
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - all text above went through escape()


def stacked_bars(rows: list[tuple[str, Counts]], title: str) -> SafeString | None:
    """Status counts per goal as stacked horizontal bars, each segment with its number.

    The goal's name stands above its bar, so the chart stays narrow enough for a phone.
    The bars share one scale (the largest goal fills the width), so goals compare.
    """
    if not rows:
        return None
    width, bar_width, row_height = 600, 550, 52
    top = max((counts.total for _label, counts in rows), default=0) or 1
    height = row_height * len(rows) + 4
    out = [
        f'<svg class="stacked" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    ]
    for index, (name, counts) in enumerate(rows):
        y = row_height * index
        summary = ", ".join(f"{row.label}: {row.count}" for row in counts.rows())
        out.append(
            f"<g><title>{escape(name)} – {escape(summary)}</title>"
            f'<text class="label" x="0" y="{y + 16}">{escape(_short(name, 70))}</text>'
        )
        x = 0.0
        for row in counts.rows():
            w = bar_width * row.count / top
            out.append(
                f'<rect x="{x:.1f}" y="{y + 22}" width="{w:.1f}" height="24" '
                f'fill="{row.colour}" class="status-{row.slug}"/>'
            )
            if w >= 18:
                # dark text on the light segments, white on the dark ones
                ink = "#1d1d1b" if row.slug in ("geen", "niet-gestart") else "#fff"
                out.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 39}" text-anchor="middle" '
                    f'fill="{ink}" class="count">{row.count}</text>'
                )
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 39}" class="total">{counts.total}</text></g>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - all text above went through escape()


def progress_over_rounds(points: list[tuple[str, float | None]], title: str) -> SafeString | None:
    """Mean progress (0-100 %) per round as vertical bars, oldest round first.

    A round's name goes on up to two lines under its bar, so "Rapportering voorjaar
    2025" keeps its year.
    """
    if not points:
        return None
    column, chart_height, base = 140, 160, 190
    height = base + 56
    width = 50 + column * len(points)
    # Drawn at its own size (CSS shrinks it on narrow screens only): one or two rounds
    # must not blow up into a giant bar.
    out = [
        f'<svg class="progress-chart" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for pct in (0, 50, 100):
        y = base - chart_height * pct / 100
        out.append(
            f'<line class="grid" x1="40" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>'
            f'<text class="axis" x="34" y="{y + 4:.1f}" text-anchor="end">{pct}%</text>'
        )
    for index, (name, value) in enumerate(points):
        x = 50 + column * index
        lines = textwrap.wrap(name, 20) or [""]
        if len(lines) > 2:
            lines = [lines[0], _short(" ".join(lines[1:]), 20)]
        spans = "".join(
            f'<tspan x="{x + 70}" dy="{0 if n == 0 else 16}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        out.append(
            f'<text class="label" x="{x + 70}" y="{base + 20}" text-anchor="middle">'
            f"<title>{escape(name)}</title>{spans}</text>"
        )
        if value is None:
            out.append(
                f'<text class="axis" x="{x + 70}" y="{base - 6}" text-anchor="middle">–</text>'
            )
            continue
        h = chart_height * value / 100
        out.append(
            f'<rect x="{x + 45}" y="{base - h:.1f}" width="50" height="{max(h, 1):.1f}" '
            f'class="bar-value"/>'
            f'<text x="{x + 70}" y="{base - h - 6:.1f}" text-anchor="middle">{value:.0f}%</text>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - all text above went through escape()
