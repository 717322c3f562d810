"""The .xlsx backend of ``workbook_writer``: XlsxWriter in constant-memory mode.

Every cell goes through a typed ``write_*`` call (never XlsxWriter's guessing ``write``),
and the guessing options are off besides.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell

from contrat_desktop.exchange.workbook_styles import CELL_STYLES, FONT, CellStyle, Style
from contrat_desktop.exchange.workbook_writer import (
    LISTS_SHEET,
    BookProperties,
    ChoiceList,
    ColumnSpec,
    ColumnTotal,
    PageSetup,
    Styles,
    cell_text,
)

OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "constant_memory": True,
}
PAPER = {"A4": 9, "A3": 8}


def format_spec(style: CellStyle) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "font_name": FONT,
        "font_size": style.size,
        "valign": "vcenter" if style.middle else "top",
    }
    if style.bold:
        spec["bold"] = True
    if style.italic:
        spec["italic"] = True
    if style.color:
        spec["font_color"] = style.color
    if style.fill:
        spec["bg_color"] = style.fill
    if style.border:
        spec["border"] = 1
    if style.top_rule:
        spec["top"] = 2
    if style.wrap:
        spec["text_wrap"] = True
    if style.centred:
        spec["align"] = "center"
    elif style.left:
        spec["align"] = "left"
    if style.number is not None:
        spec["num_format"] = style.number.value
    return spec


class XlsxBook:
    def __init__(self, path: Path) -> None:
        self.book = xlsxwriter.Workbook(str(path), OPTIONS)
        self.formats = {
            name: self.book.add_format(format_spec(s)) for name, s in CELL_STYLES.items()
        }
        self.lists: list[tuple[XlsxSheet, ChoiceList]] = []

    def add_sheet(
        self,
        name: str,
        columns: Sequence[ColumnSpec] = (),
        *,
        lists: Sequence[ChoiceList] = (),
        hidden: bool = False,
    ) -> XlsxSheet:
        sheet = XlsxSheet(self, self.book.add_worksheet(name))
        for index, column in enumerate(columns):
            fmt = self.formats[column.style] if column.style else None
            options = {"hidden": True} if column.hidden else None
            sheet.sheet.set_column(index, index, column.width, fmt, options)
        if hidden:
            sheet.sheet.hide()
        self.lists += [(sheet, choice) for choice in lists]
        return sheet

    def properties(self, properties: BookProperties) -> None:
        self.book.set_properties(
            {
                "title": properties.title,
                "subject": properties.subject,
                "author": properties.author,
                "company": properties.company,
                "comments": properties.comments,
                "created": datetime.now(),
                **properties.extra,
            }
        )

    def close(self) -> None:
        if self.lists:
            self._write_lists()
        self.book.close()

    def _write_lists(self) -> None:
        """Each list's values in a column of a hidden sheet, referenced by the validation."""
        values = self.book.add_worksheet(LISTS_SHEET)
        values.hide()
        longest = max(len(choice.choices) for _, choice in self.lists)
        for row in range(longest + 1):
            for index, (_, choice) in enumerate(self.lists):
                cells = (choice.title, *choice.choices)
                if row < len(cells):
                    values.write_string(row, index, cells[row])
        for index, (sheet, choice) in enumerate(self.lists):
            first = xl_rowcol_to_cell(1, index, row_abs=True, col_abs=True)
            last = xl_rowcol_to_cell(len(choice.choices), index, row_abs=True, col_abs=True)
            sheet.sheet.data_validation(
                choice.first_row,
                choice.column,
                choice.last_row,
                choice.column,
                {
                    "validate": "list",
                    "source": f"={quote_sheetname(LISTS_SHEET)}!{first}:{last}",
                    "error_title": choice.title[:32],
                    "error_message": choice.message,
                    "error_type": "warning",
                },
            )


class XlsxSheet:
    def __init__(self, book: XlsxBook, sheet: Any) -> None:
        self.book = book
        self.sheet = sheet
        self._styles: tuple[Style | None, ...] = ()  # the last tuple of styles, and its formats
        self._formats: list[Any] = []

    def row(
        self,
        index: int,
        values: Sequence[Any],
        styles: Styles = None,
        *,
        first_column: int = 0,
        height: float | None = None,
        spans: Sequence[tuple[int, int]] = (),
    ) -> None:
        sheet = self.sheet
        if height is not None:
            sheet.set_row(index, height)
        cell_formats = self._cell_formats(styles, len(values))
        if spans:
            self._spanned_row(index, values, cell_formats, first_column, spans)
            return
        write_string, write_number = sheet.write_string, sheet.write_number
        column = first_column
        for value, fmt in zip(values, cell_formats, strict=True):
            if value is not None:
                kind = type(value)
                if kind is str and value:
                    write_string(index, column, value, fmt)
                elif kind is float or kind is int:
                    write_number(index, column, value, fmt)
                elif kind is date and fmt is not None:  # as ``_write`` does, one call less
                    sheet.write_datetime(index, column, value, fmt)
                else:
                    _write(sheet, index, column, value, fmt, self.book.formats)
            column += 1

    def _cell_formats(self, styles: Styles, count: int) -> list[Any]:
        """Each cell's format; a tuple of styles (the same for every data row of a sheet)
        is looked up once."""
        formats = self.book.formats
        if styles is None or isinstance(styles, Style):
            return [formats[styles] if styles else None] * count
        if styles is self._styles:
            return self._formats
        found = [formats[s] if s else None for s in styles]
        if isinstance(styles, tuple):
            self._styles, self._formats = styles, found
        return found

    def _spanned_row(
        self,
        index: int,
        values: Sequence[Any],
        cell_formats: list[Any],
        column: int,
        spans: Sequence[tuple[int, int]],
    ) -> None:
        starts = {first: last for first, last in spans if last > first}
        skip_to = -1
        for value, fmt in zip(values, cell_formats, strict=True):
            if column <= skip_to:
                pass
            elif column in starts:
                text = cell_text(value) or ""
                self.sheet.merge_range(index, column, index, starts[column], text, fmt)
                skip_to = starts[column]
            else:
                _write(self.sheet, index, column, value, fmt, self.book.formats)
            column += 1

    def freeze(self, row: int, column: int = 0) -> None:
        self.sheet.freeze_panes(row, column)

    def autofilter(self, first_row: int, first_column: int, last_row: int, last: int) -> None:
        self.sheet.autofilter(first_row, first_column, last_row, last)

    def page(self, setup: PageSetup) -> None:
        sheet = self.sheet
        if setup.landscape:
            sheet.set_landscape()
        sheet.set_paper(PAPER.get(setup.paper, 9))
        if setup.fit_width:
            sheet.fit_to_pages(1, 0)
        if setup.repeat_rows is not None:
            sheet.repeat_rows(*setup.repeat_rows)
        if setup.margins is not None:
            left, right, top, bottom = setup.margins
            sheet.set_margins(left=left, right=right, top=top, bottom=bottom)
        if setup.header:
            sheet.set_header(f"&L&8{setup.header.replace('&', '&&')[:200]}&R&8&D")
        if setup.page_numbers:
            sheet.set_footer("&C&8Page &P / &N")
        if setup.print_area is not None:
            sheet.print_area(*setup.print_area)


def _write(sheet: Any, row: int, column: int, value: Any, fmt: Any, formats: Any) -> None:
    if value is None:
        return
    kind = type(value)
    if kind is str:
        if value:
            sheet.write_string(row, column, value, fmt)
        elif fmt is not None:
            sheet.write_blank(row, column, None, fmt)
    elif kind is float or kind is int:
        sheet.write_number(row, column, value, fmt)
    elif kind is date or kind is datetime:  # a date as it is: XlsxWriter counts its days
        sheet.write_datetime(row, column, value, fmt or formats[Style.DATE])
    elif kind is ColumnTotal:
        first = xl_rowcol_to_cell(value.first_row, column)
        last = xl_rowcol_to_cell(value.last_row, column)
        sheet.write_formula(row, column, f"=SUBTOTAL(9,{first}:{last})", fmt, value.value)
    else:
        text = cell_text(value)
        if text:
            sheet.write_string(row, column, text, fmt)
