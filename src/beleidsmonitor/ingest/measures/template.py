"""The 2016-2019 measure sheet template: how goals and sheets open, the cells in
template order and how their labels are written.

Segmentation, cell splitting and goal reading all go by this template, so it is spelled
out once, here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MEASURE_START = re.compile(r"^Maatregel\b\s*(?P<rest>.*)$")
# `SD 1: ...`, `SD4: ...`, `OD 1.1. ...`, `OD 5.2.: ...`, with the sheet's long form
# `STRATEGISCHE DOELSTELLING SD 1: ...` in front or not.
GOAL_LINE = re.compile(
    r"^(?:(?:STRATEGISCHE|OPERATIONELE)\s+DOELSTELLING\s+)?"
    r"(?P<level>SD|OD)\s?(?P<number>\d+(?:\.\d+)*)(?![\d])\.?\s*[:.]?\s*(?P<title>.*)$"
)
# Only numbers of these forms make a goal of a sheet's SD/OD that has no heading.
GOAL_NUMBER_FORMS = {"SD": re.compile(r"^\d+$"), "OD": re.compile(r"^\d+\.\d+$")}

# What the sheets write in a cell, or a part of one, that has nothing to say.
PLACEHOLDERS = {
    "/",
    "//",
    "-",
    "–",
    "nvt",
    "n.v.t",
    "n.v.t.",
    "niet van toepassing",
    "geen",
    "e.a",
    "enz",
}
NO_TARGET = PLACEHOLDERS | {"geen streefwaarde", "geen streefwaarde."}

# The cells of a sheet in template order. `title` is the text after `Maatregel`.
SECTIONS = (
    "title",
    "budget",
    "sd",
    "effect",
    "od",
    "responsible",
    "output",
    "target",
    "administrations",
    "cabinets_involved",
    "administrations_involved",
    "partners",
    "description",
    "milestones",
)
SECTION_INDEX = {name: i for i, name in enumerate(SECTIONS)}
# A label found in the middle of a line may close at most this many cells at once.
MAX_UNANCHORED_REACH = 3


@dataclass(frozen=True)
class SheetLabel:
    """One way a cell's label is written.

    `anchored` labels count only at the start of a line (or right after another label on
    it); the others are found anywhere in a line, because the extraction glues them to
    the end of the previous cell. Those are written as the template writes them (case
    kept where prose could use the same words: `andere partners`) and looked for only a
    few cells ahead (`MAX_UNANCHORED_REACH`). `keep` labels are part of the cell's value:
    `SD4: ...` opens the SD cell and is also its first line.
    """

    section: str
    pattern: str
    anchored: bool = True
    keep: bool = False
    ignore_case: bool = True

    def compile(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.I if self.ignore_case else 0)


LABELS = (
    # `Raming` ends the statement's last line or stands alone; `Budgettair` and
    # `engagement` follow on their own lines and are skipped in the budget cell.
    SheetLabel(
        "budget", r"\bRaming\b(?:\s+Budgett?air\b)?(?:\s+engagement\b)?\s*$", anchored=False
    ),
    SheetLabel("budget", r"Budgett?air\b(?:\s+engagement\b)?\s*$"),
    SheetLabel("sd", r"STRATEGISCHE\s+DOELSTELLING\b"),
    SheetLabel("sd", r"(?=SD\s?\d)", keep=True, ignore_case=False),
    SheetLabel("effect", r"effect\s?indicator(?:en)?\b"),
    SheetLabel("od", r"OPERATIONELE\s+DOELSTELLING\b", anchored=False),
    SheetLabel("od", r"(?=OD\s?\d)", keep=True, ignore_case=False),
    SheetLabel("responsible", r"verantwoordelijken?\b(?:\s+kabinet\b)?"),
    SheetLabel("output", r"\boutput\s?indicator(?:en)?\b", anchored=False),
    SheetLabel("target", r"\bStreefwaarden?\b", anchored=False, ignore_case=False),
    SheetLabel("administrations", r"administraties?\b"),
    SheetLabel("cabinets_involved", r"betrokkenen?\b(?:\s+kabinet\b)?"),
    SheetLabel("administrations_involved", r"administraties?\b"),
    SheetLabel("partners", r"\bAndere\s+partners\b", anchored=False, ignore_case=False),
    SheetLabel("description", r"Duiding(?:\s+(?:van\s+de\s+)?maatregel)?\b"),
    SheetLabel(
        "milestones", r"[/\s]*Mijlpalen\b(?:\s+Geschatte\s+personeelsinzet(?:\s*\(VTE\))?)?"
    ),
)
COMPILED_LABELS = [(SECTION_INDEX[label.section], label, label.compile()) for label in LABELS]
# Cells that must be there for a sheet to be complete; a missing one is reported.
EXPECTED_CELLS = (
    "budget",
    "sd",
    "od",
    "responsible",
    "output",
    "target",
    "administrations",
    "cabinets_involved",
    "partners",
    "description",
    "milestones",
)
