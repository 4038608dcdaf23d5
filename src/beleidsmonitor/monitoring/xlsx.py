"""The round's Excel sheet for one actor: download, fill in, upload.

One row per action the actor reports on. The sheet carries the allowed values as
drop-downs (status, deliverables) and number checks (progress 0-100, budget >= 0), but
Excel's checks are easy to bypass (pasting skips them), so an upload is checked again
here, row by row, by the same form the web page uses. Every problem is reported with its
row and column; `operations.apply_xlsx` applies nothing unless there is none.

The sheet itself is Dutch whatever the reader's language: its headers are how an upload
finds its columns, and its status and yes/no values are the stored Dutch words. What the
upload page says about a sheet (the errors below) follows the reader's language.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from beleidsmonitor.monitoring.forms import UpdateForm, indicator_field_name
from beleidsmonitor.monitoring.models import ActionUpdate, ReportingRound, UpdateStatus
from beleidsmonitor.monitoring.numbers import dutch_number
from beleidsmonitor.monitoring.permissions import reportable_actions_q
from beleidsmonitor.plans.models import Actor, IndicatorKind

SHEET_TITLE = "Rapportering"
# (header, form field or None for information only, column width)
FIXED_COLUMNS = [
    ("Nr.", None, 8),
    ("Versie", "version", 8),
    ("Plan", None, 30),
    ("Actie", None, 8),
    ("Titel", None, 45),
    ("Status", "status", 22),
    ("Voortgang (%)", "progress", 14),
    ("Toelichting", "narrative", 60),
    ("Besteed budget (euro)", "budget_spent", 20),
    ("Bewijsstukken (één link per regel)", "evidence_links", 40),
]
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")


@dataclass(frozen=True)
class CellError:
    row: int
    column: str  # letter and header, e.g. "F (Status)"
    message: str

    def __str__(self) -> str:
        return _("rij %(row)s, kolom %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class PlannedSave:
    update: ActionUpdate
    version: int
    values: dict


@dataclass
class SheetCheck:
    saves: list[PlannedSave] = field(default_factory=list)
    unchanged: int = 0
    errors: list[CellError] = field(default_factory=list)


def sheet_updates(round_: ReportingRound, actor: Actor):
    return (
        round_.updates.filter(reportable_actions_q([actor.pk], prefix="action__"))
        .select_related("action", "action__plan")
        .prefetch_related("indicator_values__indicator")
        .order_by("action__plan__title", "action__order")
    )


def indicator_slots(updates) -> int:
    return max((len(u.indicator_values.all()) for u in updates), default=0)


def headers(slots: int) -> list[str]:
    names = [header for header, _field, _width in FIXED_COLUMNS]
    for k in range(1, slots + 1):
        names += [f"Indicator {k}", f"Waarde indicator {k}"]
    return names


def _validation(title: str, error: str, **rule) -> DataValidation:
    """A cell rule Excel enforces while the reporter types; blank is always allowed (an
    unanswered cell means "not reported yet")."""
    return DataValidation(
        **rule, allow_blank=True, showErrorMessage=True, errorTitle=title, error=error
    )


def build_sheet(round_: ReportingRound, actor: Actor) -> bytes:
    updates = list(sheet_updates(round_, actor))
    slots = indicator_slots(updates)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(headers(slots))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, (_header, _field, width) in enumerate(FIXED_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    first_indicator = len(FIXED_COLUMNS) + 1
    for k in range(slots):
        sheet.column_dimensions[get_column_letter(first_indicator + 2 * k)].width = 35
        sheet.column_dimensions[get_column_letter(first_indicator + 2 * k + 1)].width = 16
    sheet.freeze_panes = "F2"

    last = len(updates) + 1
    status_list = _validation(
        "Ongeldige status",
        "Kies een status uit de lijst.",
        type="list",
        formula1='"' + ",".join(UpdateStatus.values) + '"',
    )
    progress_check = _validation(
        "Ongeldige voortgang",
        "Voortgang is een geheel getal van 0 tot 100.",
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
    )
    budget_check = _validation(
        "Ongeldig bedrag",
        "Besteed budget is een bedrag in euro, niet negatief.",
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
    )
    yes_no = _validation("Ongeldige waarde", "Vul ja of nee in.", type="list", formula1='"ja,nee"')
    percentage = _validation(
        "Ongeldig percentage",
        "Een percentage ligt tussen 0 en 100.",
        type="decimal",
        operator="between",
        formula1="0",
        formula2="100",
    )
    count = _validation(
        "Ongeldig aantal",
        "Een aantal is niet negatief.",
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
    )
    for validation in (status_list, progress_check, budget_check, yes_no, percentage, count):
        sheet.add_data_validation(validation)
    if updates:
        status_list.add(f"F2:F{last}")
        progress_check.add(f"G2:G{last}")
        budget_check.add(f"I2:I{last}")

    for row, update in enumerate(updates, start=2):
        action = update.action
        sheet.append(
            [
                update.pk,
                update.version,
                action.plan.title,
                action.number or action.key,
                action.title,
                update.status or None,
                update.progress,
                update.narrative or None,
                None if update.budget_spent is None else float(update.budget_spent),
                "\n".join(update.evidence_links) or None,
            ]
        )
        for cell in sheet[row]:
            _as_text_if_formula(cell)
        for column in range(6, 11):
            sheet.cell(row=row, column=column).fill = INPUT_FILL
            sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
        for k, value in enumerate(update.indicator_values.all()):
            text_cell = sheet.cell(row=row, column=first_indicator + 2 * k)
            value_cell = sheet.cell(row=row, column=first_indicator + 2 * k + 1)
            text_cell.value = _indicator_label(value)
            _as_text_if_formula(text_cell)
            text_cell.alignment = Alignment(wrap_text=True, vertical="top")
            value_cell.fill = INPUT_FILL
            kind = value.indicator.kind
            if kind == IndicatorKind.DELIVERABLE:
                value_cell.value = value.display_value or None
                yes_no.add(value_cell.coordinate)
            elif kind == IndicatorKind.QUALITATIVE:
                value_cell.value = value.text or None
                _as_text_if_formula(value_cell)
            else:
                value_cell.value = None if value.value is None else float(value.value)
                (percentage if kind == IndicatorKind.PERCENTAGE else count).add(
                    value_cell.coordinate
                )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _as_text_if_formula(cell) -> None:
    # Text a reporter typed, such as "=HYPERLINK(...)", must not become a live formula
    # in the sheet someone else opens.
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


def _indicator_label(value) -> str:
    indicator = value.indicator
    bits = [indicator.text]
    if indicator.kind == IndicatorKind.DELIVERABLE:
        bits.append("(opgeleverd: ja/nee)")
    elif indicator.kind == IndicatorKind.PERCENTAGE:
        bits.append("(%)")
    if value.baseline is not None:
        bits.append(f"nulmeting {dutch_number(value.baseline)}")
    if indicator.target:
        bits.append(f"streefwaarde {indicator.target}")
    return " ".join(bits)


def check_sheet(round_: ReportingRound, actor: Actor, file) -> SheetCheck:
    """Read an uploaded sheet and check every row; no database change."""
    result = SheetCheck()
    try:
        workbook = load_workbook(file, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is no workbook
        result.errors.append(CellError(0, "-", _("Dit is geen leesbaar Excel-bestand (.xlsx).")))
        return result
    sheet = workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        result.errors.append(CellError(1, "-", _("Het blad is leeg.")))
        return result
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    columns = {name: index for index, name in enumerate(header) if name}
    missing = [name for name, *_ in FIXED_COLUMNS if name not in columns]
    if missing:
        result.errors.append(
            CellError(
                1, "-", _("Deze kolommen ontbreken: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        )
        return result

    def column(name: str) -> str:
        return f"{get_column_letter(columns[name] + 1)} ({name})"

    updates = {update.pk: update for update in sheet_updates(round_, actor)}
    seen: set[int] = set()
    for row_number, row in enumerate(rows[1:], start=2):
        cells = {
            name: (row[index] if index < len(row) else None) for name, index in columns.items()
        }
        if all(value in (None, "") for value in cells.values()):
            continue
        update_id = _as_int(cells["Nr."])
        update = updates.get(update_id) if update_id is not None else None
        if update is None:
            result.errors.append(
                CellError(
                    row_number,
                    column("Nr."),
                    _("Onbekende rapportering voor deze actor en ronde."),
                )
            )
            continue
        if update_id in seen:
            result.errors.append(
                CellError(
                    row_number, column("Nr."), _("Deze rapportering staat twee keer in het blad.")
                )
            )
            continue
        seen.add(update_id)
        _check_row(result, update, cells, row_number, column)
    return result


def _check_row(result: SheetCheck, update: ActionUpdate, cells: dict, row: int, column) -> None:
    values = list(update.indicator_values.all())
    data = {
        "version": _text(cells["Versie"]),
        "status": _text(cells["Status"]),
        "progress": _text(cells["Voortgang (%)"]),
        "narrative": _text(cells["Toelichting"]),
        "budget_spent": _text(cells["Besteed budget (euro)"]),
        "evidence_links": _text(cells["Bewijsstukken (één link per regel)"]),
    }
    field_columns = {form_field: header for header, form_field, _w in FIXED_COLUMNS if form_field}
    for k, value in enumerate(values, start=1):
        header = f"Waarde indicator {k}"
        if header in cells:
            data[indicator_field_name(value)] = _text(cells[header])
            field_columns[indicator_field_name(value)] = header
    # The status/progress pair is checked below, only on a row the reporter changed and
    # may change: a stored pair from before the rule (or a row already handed in) must
    # not block the rest of the sheet.
    form = UpdateForm(update, data=data, check_pair=False)
    if not form.is_valid():
        for form_field, messages in form.errors.items():
            header = field_columns.get(form_field)
            where = column(header) if header else "-"
            for message in messages:
                result.errors.append(CellError(row, where, message))
        # a cell that is no value was typed: the row is changed, so its pair is checked too
        if "progress" not in form.errors and update.is_open and update.round.is_open:
            _check_pair(result, form, row, column)
        return
    values_now = form.values()
    values_now["indicators"] = {
        value.indicator_id: values_now["indicators"][value.indicator_id]
        for value in values
        if indicator_field_name(value) in field_columns
    }
    if not _differs(update, values_now):
        result.unchanged += 1
        return
    version = form.cleaned_data["version"]
    if version != update.version:
        result.errors.append(
            CellError(
                row,
                column("Versie"),
                _(
                    "Deze rapportering is gewijzigd sinds u het blad downloadde (nu versie "
                    "%(current)s, in het blad %(sheet)s); download het blad opnieuw."
                )
                % {"current": update.version, "sheet": version},
            )
        )
        return
    if not update.is_open or not update.round.is_open:
        result.errors.append(
            CellError(
                row,
                column("Status"),
                _("Deze rapportering is %(state)s en kan niet meer bewerkt worden.")
                % {"state": update.get_state_display()},
            )
        )
        return
    if _check_pair(result, form, row, column):
        result.saves.append(PlannedSave(update=update, version=version, values=values_now))


def _check_pair(result: SheetCheck, form: UpdateForm, row: int, column) -> bool:
    """The status/progress pair rule on a row; False (with its error noted) if broken."""
    error = form.pair_error()
    if error is None:
        return True
    for message in error.messages:
        result.errors.append(CellError(row, column("Voortgang (%)"), message))
    return False


def _differs(update: ActionUpdate, values: dict) -> bool:
    from beleidsmonitor.monitoring.operations.save_update import (
        indicator_value,
        normalise,
        normalise_indicator,
    )

    for name, new in values.items():
        if name == "indicators":
            continue
        if normalise(name, new) != getattr(update, name):
            return True
    current = {value.indicator_id: value for value in update.indicator_values.all()}
    for indicator_id, new in values["indicators"].items():
        value = current[indicator_id]
        if normalise_indicator(value.indicator.kind, new) != indicator_value(value):
            return True
    return False


def _text(value) -> str:
    """A cell as the text a user would have typed in the web form.

    A number cell is written with a decimal comma, as the form reads it
    (`parse_dutch_number`): its value stays exactly what Excel holds. A text cell is
    passed on as typed, so `1.250` in a text cell is read the Dutch way, as in the form.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float | Decimal):
        return format(Decimal(str(value)), "f").replace(".", ",")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _as_int(value) -> int | None:
    try:
        return int(_text(value))
    except ValueError:
        return None
