"""Write the programmation workbook (XlsxWriter): made for a person, and able to come back.

Frozen header, autofilter, euro formats, widths, wrapped long texts, landscape print fitted
to the page width with the header rows repeated, drop-down lists on the columns the
préfecture fills, a totals row and a synthesis sheet. Text is always written as text, so a
title starting with ``=`` never becomes a formula. Written to a temporary file, then renamed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.cells import cell_value
from contrat_desktop.exchange.layout import CellKind, Column, Layout
from contrat_desktop.exchange.workbook_styles import Styles

TITLE_ROW, SUBTITLE_ROW, BAND_ROW, HEADER_ROW = 0, 1, 2, 3
FIRST_DATA_ROW = 4
LISTS_SHEET = "Listes"


@dataclass(frozen=True, slots=True)
class SynthesisTable:
    """A cross table: one row per label, one amount (cents) per column header."""

    title: str
    row_header: str
    column_headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    count_header: str = "Actions"
    counts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgrammationTable:
    layout: Layout
    title: str
    subtitle: str
    rows: Sequence[Mapping[str, Any]]  # column key → domain value
    synthesis: tuple[SynthesisTable, ...] = ()
    author: str = ""
    organisation: str = ""
    properties: dict[str, str] = field(default_factory=dict)


def write_programmation(table: ProgrammationTable, path: str | Path) -> Path:
    path = Path(path)
    with replaced_atomically(path) as partial:
        workbook = xlsxwriter.Workbook(
            str(partial),
            {
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "constant_memory": True,
            },
        )
        styles = Styles(workbook)
        sheet = workbook.add_worksheet("Programmation")
        _write_main(workbook, sheet, styles, table)
        for_synthesis = workbook.add_worksheet("Synthèse")
        _write_synthesis(for_synthesis, styles, table)
        _write_lists(workbook, sheet, table.layout)
        workbook.set_properties(
            {
                "title": table.title,
                "subject": "Programmation du contrat de ville",
                "author": table.author,
                "company": table.organisation,
                "comments": "Exporté par contrat_desktop. Ne modifiez pas la colonne cachée "
                "« Identifiant » : elle permet de réimporter le classeur.",
                "created": datetime.now(),
                **table.properties,
            }
        )
        workbook.close()
    return path


def _write_main(workbook: Any, sheet: Any, styles: Styles, table: ProgrammationTable) -> None:
    columns = table.layout.columns
    last = len(columns) - 1
    sheet.write_string(TITLE_ROW, 1, table.title, styles.title)
    sheet.set_row(TITLE_ROW, 22)
    sheet.write_string(SUBTITLE_ROW, 1, table.subtitle, styles.subtitle)
    _write_header(sheet, styles, columns)
    writers = [_cell_writer(sheet, column, styles) for column in columns]
    row_index = FIRST_DATA_ROW
    for row in table.rows:
        for index, column in enumerate(columns):
            value = row.get(column.key)
            if value is not None and value != "":
                writers[index](row_index, index, cell_value(column, value))
        row_index += 1
    _write_totals(sheet, styles, table, row_index)
    last_data = max(row_index - 1, FIRST_DATA_ROW)
    sheet.freeze_panes(FIRST_DATA_ROW, 3)
    sheet.autofilter(HEADER_ROW, 0, last_data, last)
    sheet.set_landscape()
    sheet.set_paper(8)  # A3: the funder columns stay legible once fitted to the width
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(BAND_ROW, HEADER_ROW)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(f"&L&8{_header_text(table.title)}&R&8&D")
    sheet.set_footer("&C&8Page &P / &N")
    sheet.print_area(0, 1, row_index, last)


def _header_text(text: str) -> str:
    return text.replace("&", "&&")[:200]


def _write_header(sheet: Any, styles: Styles, columns: Sequence[Column]) -> None:
    """The band of funder names (merged), then the header row: in row order (constant memory)."""
    band_start = 0
    for index, column in enumerate(columns):
        is_last = index == len(columns) - 1 or columns[index + 1].group != column.group
        if column.group and is_last:
            if band_start == index:
                sheet.write_string(BAND_ROW, index, column.group, styles.band)
            else:
                sheet.merge_range(BAND_ROW, band_start, BAND_ROW, index, column.group, styles.band)
        if is_last:
            band_start = index + 1
    sheet.set_row(HEADER_ROW, 36)
    for index, column in enumerate(columns):
        header_format = styles.header_prefecture if column.filled_by_prefecture else styles.header
        sheet.write_string(HEADER_ROW, index, column.header, header_format)
        options = {"hidden": True} if column.hidden else None
        sheet.set_column(index, index, column.width, None, options)


def _cell_writer(sheet: Any, column: Column, styles: Styles) -> Any:
    fmt = styles.for_column(column)
    if column.kind in (CellKind.MONEY, CellKind.INTEGER):
        return lambda r, c, v: sheet.write_number(r, c, v, fmt)
    if column.kind is CellKind.DATE:
        return lambda r, c, v: sheet.write_datetime(
            r, c, datetime(v.year, v.month, v.day) if isinstance(v, date) else v, fmt
        )
    return lambda r, c, v: sheet.write_string(r, c, str(v), fmt)


def _write_totals(sheet: Any, styles: Styles, table: ProgrammationTable, row: int) -> None:
    columns = table.layout.columns
    sheet.write_string(row, 1, f"Total ({len(table.rows)} actions)", styles.total_label)
    for index, column in enumerate(columns):
        if index <= 1:
            continue
        if column.kind is not CellKind.MONEY:
            sheet.write_blank(row, index, None, styles.total_blank)
            continue
        total = sum(r.get(column.key) or 0 for r in table.rows) / 100
        first = xl_rowcol_to_cell(FIRST_DATA_ROW, index)
        last = xl_rowcol_to_cell(max(row - 1, FIRST_DATA_ROW), index)
        sheet.write_formula(row, index, f"=SUBTOTAL(9,{first}:{last})", styles.total_money, total)


def _write_lists(workbook: Any, sheet: Any, layout: Layout) -> None:
    """Drop-down lists (from a hidden sheet) on the columns the préfecture fills."""
    choices = [c for c in layout.columns if c.filled_by_prefecture and c.choices]
    if not choices:
        return
    lists = workbook.add_worksheet(LISTS_SHEET)
    lists.hide()
    for list_index, column in enumerate(choices):
        lists.write_string(0, list_index, column.header)
        for offset, (_, label) in enumerate(column.choices, start=1):
            lists.write_string(offset, list_index, label)
        index = layout.columns.index(column)
        first = xl_rowcol_to_cell(1, list_index, row_abs=True, col_abs=True)
        last = xl_rowcol_to_cell(len(column.choices), list_index, row_abs=True, col_abs=True)
        source = f"={LISTS_SHEET}!{first}:{last}"
        sheet.data_validation(
            FIRST_DATA_ROW,
            index,
            FIRST_DATA_ROW + 100_000,
            index,
            {
                "validate": "list",
                "source": source,
                "error_title": column.header,
                "error_message": "Choisissez une valeur dans la liste.",
                "error_type": "warning",
            },
        )


def _write_synthesis(sheet: Any, styles: Styles, table: ProgrammationTable) -> None:
    sheet.write_string(0, 0, f"Synthèse – {table.title}", styles.title)
    sheet.set_column(0, 0, 40)
    row = 2
    widest = 1
    for synthesis in table.synthesis:
        sheet.write_string(row, 0, synthesis.title, styles.subtitle)
        row += 1
        headers = [synthesis.row_header, *synthesis.column_headers]
        if synthesis.counts:
            headers.append(synthesis.count_header)
        for index, text in enumerate(headers):
            sheet.write_string(row, index, text, styles.header)
        widest = max(widest, len(headers))
        row += 1
        for position, (label, amounts) in enumerate(synthesis.rows):
            is_total = position == len(synthesis.rows) - 1
            label_format = styles.total_label if is_total else styles.text
            money_format = styles.total_money if is_total else styles.money
            sheet.write_string(row, 0, label, label_format)
            for index, cents in enumerate(amounts, start=1):
                sheet.write_number(row, index, cents / 100, money_format)
            if synthesis.counts:
                sheet.write_number(row, len(amounts) + 1, synthesis.counts[position], label_format)
            row += 1
        row += 2
    sheet.set_column(1, max(widest, 2), 15)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
