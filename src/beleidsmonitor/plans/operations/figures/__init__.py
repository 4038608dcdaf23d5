"""Numbers in a progress report offered as values of the note objective's indicators.

`extract_figures(text, default_year)` is pure: it reads counts (`147 lokale besturen`,
`meer dan 5.000 vrijwilligers`), percentages (`35%`, `35,5 procent`) and changes (`van
103 naar 147 lokale besturen`: value 147, baseline 103) with the year of their sentence
(or `default_year`, the report's year, when the sentence names none). Dutch numbers:
`5.000` is five thousand, `2,5` two and a half.

Left out on purpose, because they are no indicator values: years, dates (`15 maart`),
amounts of money (`90 euro`, the budget tables have their own place), durations and ages
(`14 tot 18 jaar`), ranges (`20-25%`, `tussen 10 en 20`), numbers glued to letters or
codes (`1e`, `COVID-19`, `A2`), references (`OD 1.3`, `Actie 12`, `artikel 5`), and
counts that do not say what they count (`meer dan 5.000 met vragen`).

`store_figures(report)` keeps them as `FigureCandidate` rows (idempotent, decisions
kept); `accept_figure` / `reject_figure` are the person's decision.

Modules:

- `patterns`     the regular expressions and word lists a figure is recognised by;
- `extract`      `extract_figures`, `sentences`, `parse_number`: text to `Figure`s;
- `source_line`  `find_line`: the source line a figure was read from;
- `store`        `store_figures`: figures to candidate rows;
- `decide`       `accept_figure`, `reject_figure`.
"""

from beleidsmonitor.plans.operations.figures.decide import (
    FigureError,
    accept_figure,
    reject_figure,
)
from beleidsmonitor.plans.operations.figures.extract import (
    Figure,
    extract_figures,
    parse_number,
    sentences,
)
from beleidsmonitor.plans.operations.figures.source_line import find_line
from beleidsmonitor.plans.operations.figures.store import store_figures

__all__ = [
    "Figure",
    "FigureError",
    "accept_figure",
    "extract_figures",
    "find_line",
    "parse_number",
    "reject_figure",
    "sentences",
    "store_figures",
]
