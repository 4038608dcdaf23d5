"""Measure sheets (`maatregelenfiches`): one table per measure under SD/OD headings.

The layout of the 2016-2019 integration plan: standalone headings `SD n: ...` and
`OD n.m: ...`, then per measure a sheet that opens with `Maatregel <statement>` and holds
a table: `Raming budgettair engagement`, the SD and OD it serves (repeated inside the
sheet), effect indicators, responsible and involved cabinets and administrations, output
indicators with their `Streefwaarde`, `Duiding maatregel` and `Mijlpalen` per year.

The PDF extraction read that table column by column, row by row, and glued cells
together: a label can end the previous cell's line (`Analyserapport maatwerk
Streefwaarde`), open the next (`administratie VDAB`), sit in the middle (`administratie
Departement WSE Andere partners Fedasil`) or be split over lines (`Streefwa` / `arde`).
Values of one cell wrap over many short lines. What stays reliable is the order of the
labels, which the template fixes. So a sheet is cut with the labels as anchors: each
label, wherever it is on a line, closes the cell before it and opens its own, and only
labels of cells further down the template are looked for. That keeps a word in a value
(`maatschappelijk engagement`) from being read as a label of a cell already passed.

`parse.parse_measure_sheets` runs the steps, one module each:

1. `cleanup`   `drop_page_furniture`: footers (`pagina 9 van 116 <title>`) out;
2. `segment`   `segment`: lines to standalone heading runs and measure sheets
               (`blocks`);
3. `cells`     `split_sheet`: a sheet's lines to its cells, the labels of `template`
               as anchors;
4. `goals`     `goal_mentions`: the SD/OD repeats in a sheet, resolved to the heading
               goals (`GoalIndex.resolve`);
5. `actions`   `build_action`: cells to an `Action`, its fields normalised by `names`,
               `indicators` and `milestones` (with `items` reading a cell's list items).
"""

from beleidsmonitor.ingest.measures.actions import build_action
from beleidsmonitor.ingest.measures.blocks import HeadingRun, Piece, Sheet
from beleidsmonitor.ingest.measures.cells import split_sheet
from beleidsmonitor.ingest.measures.cleanup import drop_page_furniture
from beleidsmonitor.ingest.measures.goals import (
    GoalIndex,
    GoalMention,
    goal_mentions,
    heading_mentions,
)
from beleidsmonitor.ingest.measures.indicators import indicator_items, output_indicators
from beleidsmonitor.ingest.measures.milestones import milestone_timeline, read_milestones
from beleidsmonitor.ingest.measures.names import (
    cabinet_names,
    organisation_names,
    split_joined_names,
    split_names,
)
from beleidsmonitor.ingest.measures.parse import parse_measure_sheets
from beleidsmonitor.ingest.measures.segment import segment
from beleidsmonitor.ingest.measures.template import SheetLabel

__all__ = [
    "GoalIndex",
    "GoalMention",
    "HeadingRun",
    "Piece",
    "Sheet",
    "SheetLabel",
    "build_action",
    "cabinet_names",
    "drop_page_furniture",
    "goal_mentions",
    "heading_mentions",
    "indicator_items",
    "milestone_timeline",
    "organisation_names",
    "output_indicators",
    "parse_measure_sheets",
    "read_milestones",
    "segment",
    "split_joined_names",
    "split_names",
    "split_sheet",
]
