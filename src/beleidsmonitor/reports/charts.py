"""Small SVG charts drawn on the server: no JavaScript, no CDN, and WeasyPrint renders
them in the PDF exactly as the browser does in the HTML report."""

from __future__ import annotations

from html import escape

from django.utils.translation import gettext as _

from beleidsmonitor.reports.builders.annual import status_label
from beleidsmonitor.reports.renderers import number

# One colour per status value, chosen to read as the traffic light people expect (and with
# enough contrast on white); the labels are always printed too, so colour is not needed
# to read the chart.
STATUS_COLOURS = {
    "niet gestart": "#8a8f98",
    "lopend - op schema": "#2b7bb9",
    "lopend - vertraagd": "#d98c00",
    "bijgestuurd": "#7b5ea7",
    "gerealiseerd": "#2e8540",
    "stopgezet": "#b3261e",
    "niet gerapporteerd": "#c9ccd1",
}
DEFAULT_COLOUR = "#4a6fa5"


def bar_chart(
    rows: list[tuple[str, float]],
    *,
    title: str,
    unit: str = "",
    maximum: float | None = None,
    colours: dict[str, str] | None = None,
    width: int = 640,
) -> str:
    """A horizontal bar chart as an inline <svg>, one labelled bar per row."""
    colours = colours or {}
    bar_height, gap, label_width, top = 22, 8, 230, 30
    height = top + len(rows) * (bar_height + gap) + 10
    scale_max = maximum if maximum is not None else max((value for _, value in rows), default=0)
    scale_max = scale_max or 1
    plot_width = width - label_width - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for index, (label, value) in enumerate(rows):
        y = top + index * (bar_height + gap)
        bar = max(0.0, min(value, scale_max)) / scale_max * plot_width
        colour = colours.get(label, DEFAULT_COLOUR)
        shown = _short(label, 30)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape(shown)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{bar:.1f}" height="{bar_height}" '
            f'fill="{colour}"><title>{escape(label)}: {_format(value)}{unit}</title></rect>'
        )
        parts.append(
            f'<text x="{label_width + bar + 6:.1f}" y="{y + 15}">{_format(value)}{unit}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _status_rows(counts: list[tuple[str, int]]) -> tuple[list[tuple[str, float]], dict]:
    """Bars labelled in the active language, coloured by the status value."""
    rows = [(status_label(status), float(count)) for status, count in counts]
    colours = {
        status_label(status): STATUS_COLOURS[status]
        for status, _count in counts
        if status in STATUS_COLOURS
    }
    return rows, colours


def status_chart(counts: list[tuple[str, int]]) -> str:
    """`counts`: (status value, number of actions), as `AnnualReport.status_counts`."""
    rows, colours = _status_rows(counts)
    return bar_chart(rows, title=_("Acties per status"), colours=colours)


def progress_chart(rows: list[tuple[str, float | None]]) -> str:
    return bar_chart(
        [(label, value) for label, value in rows if value is not None],
        title=_("Gemiddelde voortgang per doelstelling"),
        unit="%",
        maximum=100,
    )


def _format(value: float) -> str:
    """A bar's number in the active language (the report's): 3, 41,7 (41.7 in English)."""
    return number(value, -1)


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart_png(
    rows: list[tuple[str, float]],
    *,
    title: str,
    unit: str = "",
    maximum: float | None = None,
    colours: dict[str, str] | None = None,
) -> bytes:
    """The same chart as `bar_chart`, as a PNG for Word, which shows no SVG everywhere.

    Drawn at twice the size it is shown in, so it stays sharp when printed.
    """
    import io

    from PIL import Image, ImageDraw

    colours = colours or {}
    scale = 2
    width, label_width, bar_height, gap, top = 640, 230, 22, 8, 30
    height = top + len(rows) * (bar_height + gap) + 10
    image = Image.new("RGB", (width * scale, height * scale), "white")
    draw = ImageDraw.Draw(image)
    font, bold = _font(12 * scale), _font(14 * scale, bold=True)
    draw.text((0, 2 * scale), title, fill="black", font=bold)
    scale_max = maximum if maximum is not None else max((value for _, value in rows), default=0)
    scale_max = scale_max or 1
    plot_width = width - label_width - 70
    for index, (label, value) in enumerate(rows):
        y = top + index * (bar_height + gap)
        bar = max(0.0, min(value, scale_max)) / scale_max * plot_width
        shown = _short(label, 30)
        text_width = draw.textlength(shown, font=font)
        draw.text(
            ((label_width - 8) * scale - text_width, (y + 4) * scale),
            shown,
            fill="black",
            font=font,
        )
        draw.rectangle(
            [label_width * scale, y * scale, (label_width + bar) * scale, (y + bar_height) * scale],
            fill=colours.get(label, DEFAULT_COLOUR),
        )
        draw.text(
            ((label_width + bar + 6) * scale, (y + 4) * scale),
            f"{_format(value)}{unit}",
            fill="black",
            font=font,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _font(size: int, bold: bool = False):
    from PIL import ImageFont

    # DejaVu comes with the Debian fonts WeasyPrint uses; Pillow's own font otherwise.
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def status_chart_png(counts: list[tuple[str, int]]) -> bytes:
    rows, colours = _status_rows(counts)
    return bar_chart_png(rows, title=_("Acties per status"), colours=colours)


def progress_chart_png(rows: list[tuple[str, float | None]]) -> bytes:
    return bar_chart_png(
        [(label, value) for label, value in rows if value is not None],
        title=_("Gemiddelde voortgang per doelstelling"),
        unit="%",
        maximum=100,
    )
