"""What segmentation cuts a measure sheet document into: sheets and heading runs.

Both keep their source lines, and a sheet's cells keep the line of every piece, so that
each warning can name the line it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from beleidsmonitor.ingest.records import Line


@dataclass
class Piece:
    """A part of a source line that belongs to one cell."""

    number: int
    text: str
    page_start: bool = False


@dataclass
class Sheet:
    start: int  # index of the `Maatregel` line in the document's lines
    lines: list[Line]
    cells: dict[str, list[Piece]] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)
    dropped_links: list[Piece] = field(default_factory=list)

    def cell(self, name: str) -> list[Piece]:
        return self.cells.get(name, [])

    def texts(self, name: str) -> list[str]:
        return [piece.text for piece in self.cell(name) if piece.text]

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        numbered = [line.number for line in self.lines if line.text]
        return numbered[-1] if numbered else self.first_line


@dataclass
class HeadingRun:
    """Standalone goal headings between sheets (`SD 2: ...` / `OD 2.1: ...`)."""

    lines: list[Line]


def short(text: str, size: int = 60) -> str:
    """`text` cut to `size` characters, for quoting it in a warning."""
    return text if len(text) <= size else text[: size - 1] + "…"
