"""The .ods backend of ``workbook_writer``: an OpenDocument spreadsheet assembled by odfpy.

odfpy builds the document (styles, columns, pages, validations, filters, settings, metadata,
the package itself); the cells of each row are rendered here straight to their XML, because
one odfpy element per cell is ten times slower than XlsxWriter on a 5 000-row export. Text
cells hold text paragraphs (line breaks, runs of spaces and tabs kept as ODF writes them),
never a formula; the only formula is a ``ColumnTotal``, with its computed value.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from odf import dc, meta
from odf.element import Text
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import (
    ContentValidation,
    ContentValidations,
    DatabaseRange,
    DatabaseRanges,
    ErrorMessage,
    Table,
    TableColumn,
    TableHeaderRows,
    TableRow,
)
from odf.text import P

from contrat_desktop.exchange.cell_address import cell_name, column_letters
from contrat_desktop.exchange.ods_cells import (
    EMPTY,
    attributes,
    blank_rows,
    cell,
    paragraphs,
    repeated,
)
from contrat_desktop.exchange.ods_styles import (
    add_document_styles,
    add_view_settings,
    cell_style_name,
    column_style,
    row_style,
    table_style,
)
from contrat_desktop.exchange.workbook_styles import Style
from contrat_desktop.exchange.workbook_writer import (
    LISTS_SHEET,
    BookProperties,
    ChoiceList,
    ColumnSpec,
    PageSetup,
    Styles,
    cell_text,
)


class _Xml(Text):
    """Already rendered XML, written as it is (odfpy would escape a text node)."""

    def toXml(self, level: int, f: Any) -> None:
        f.write(self.data)


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _range(sheet: str, first_row: int, first: int, last_row: int, last: int) -> str:
    name = _quoted(sheet)
    return f"{name}.{cell_name(first_row, first)}:{name}.{cell_name(last_row, last)}"


class OdsBook:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc = OpenDocumentSpreadsheet()
        add_document_styles(self.doc)
        self.sheets: list[OdsSheet] = []
        self.lists: list[tuple[OdsSheet, ChoiceList, str]] = []
        self.column_styles: dict[str, str] = {}
        self.row_styles: dict[str, str] = {}

    def add_sheet(
        self,
        name: str,
        columns: Sequence[ColumnSpec] = (),
        *,
        lists: Sequence[ChoiceList] = (),
        hidden: bool = False,
    ) -> OdsSheet:
        sheet = OdsSheet(self, name, columns, hidden)
        for choice in lists:
            validation = f"val{len(self.lists) + 1}"
            self.lists.append((sheet, choice, validation))
            sheet.validations.append((choice, validation))
        self.sheets.append(sheet)
        return sheet

    def properties(self, properties: BookProperties) -> None:
        doc = self.doc
        doc.meta.addElement(meta.Generator(text="contrat_desktop"))
        for element, value in (
            (dc.Title, properties.title),
            (dc.Subject, properties.subject),
            (dc.Description, properties.comments),
            (meta.InitialCreator, properties.author),
            (dc.Creator, properties.author),
        ):
            if value:
                doc.meta.addElement(element(text=value))
        extra = dict(properties.extra)
        if properties.company:
            extra = {"Organisation": properties.company, **extra}
        for name, value in extra.items():
            doc.meta.addElement(meta.UserDefined(name=name, valuetype="string", text=str(value)))

    def close(self) -> None:
        doc = self.doc
        if self.lists:
            self._lists_sheet()
            validations = ContentValidations()
            for index, (sheet, choice, name) in enumerate(self.lists):
                validations.addElement(_validation(sheet.name, choice, name, index))
            doc.spreadsheet.addElement(validations)
        for number, sheet in enumerate(self.sheets, start=1):
            doc.spreadsheet.addElement(sheet.table(number))
        filters = [sheet for sheet in self.sheets if sheet.filter is not None]
        if filters:
            ranges = DatabaseRanges()
            for sheet in filters:
                assert sheet.filter is not None
                ranges.addElement(
                    DatabaseRange(
                        name=f"__Anonymous_Sheet_DB__{self.sheets.index(sheet)}",
                        targetrangeaddress=_range(sheet.name, *sheet.filter),
                        displayfilterbuttons="true",
                    )
                )
            doc.spreadsheet.addElement(ranges)
        frozen = {sheet.name: sheet.frozen for sheet in self.sheets if sheet.frozen}
        add_view_settings(doc, frozen, self.sheets[0].name if self.sheets else "")
        doc.save(str(self.path))

    def _lists_sheet(self) -> None:
        values = self.add_sheet(LISTS_SHEET, hidden=True)
        longest = max(len(choice.choices) for _, choice, _ in self.lists)
        for row in range(longest + 1):
            cells = [
                (choice.title, *choice.choices)[row] if row <= len(choice.choices) else None
                for _, choice, _ in self.lists
            ]
            values.row(row, cells)


def _validation(sheet: str, choice: ChoiceList, name: str, index: int) -> Any:
    """The list of ``choice``, read from column ``index`` of the hidden lists sheet."""
    column = column_letters(index)
    last = len(choice.choices) + 1
    validation = ContentValidation(
        name=name,
        condition=f"of:cell-content-is-in-list([$Listes.${column}$2:.${column}${last}])",
        allowemptycell="true",
        displaylist="unsorted",
        basecelladdress=f"{_quoted(sheet)}.{cell_name(choice.first_row, choice.column)}",
    )
    error = ErrorMessage(messagetype="warning", title=choice.title, display="true")
    error.addElement(P(text=choice.message))
    validation.addElement(error)
    return validation


class OdsSheet:
    def __init__(
        self, book: OdsBook, name: str, columns: Sequence[ColumnSpec], hidden: bool
    ) -> None:
        self.book = book
        self.name = name
        self.columns = list(columns)
        self.hidden = hidden
        self.rows: list[tuple[int, str, float | None]] = []  # index, cells' XML, height
        self.validations: list[tuple[ChoiceList, str]] = []
        self.frozen: tuple[int, int] | None = None
        self.filter: tuple[int, int, int, int] | None = None
        self.setup: PageSetup | None = None
        self._attributes: dict[tuple[Style | None, str | None], str] = {}

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
        if styles is None or isinstance(styles, Style):
            each: Sequence[Style | None] = [styles] * len(values)
        else:
            each = styles
        checked = [(c.column, c.first_row, c.last_row, n) for c, n in self.validations]
        validated = {
            column: name for column, first, last, name in checked if first <= index <= last
        }
        known = self._attributes
        cells = [
            f"<table:table-cell{attributes(None, validated[n])}/>" if n in validated else EMPTY
            for n in range(first_column)
        ]
        starts = {first: last for first, last in spans if last > first}
        column = first_column
        skip_to = -1
        for value, style_name in zip(values, each, strict=True):
            if column <= skip_to:
                column += 1
                continue
            key = (style_name, validated.get(column) if validated else None)
            attrs = known.get(key)
            if attrs is None:
                attrs = known[key] = attributes(*key)
            if column in starts:
                run = starts[column] - column + 1
                text = cell_text(value) or ""
                cells.append(
                    f'<table:table-cell{attrs} table:number-columns-spanned="{run}" '
                    f'table:number-rows-spanned="1" office:value-type="string">'
                    f"{paragraphs(text)}</table:table-cell>"
                    f'<table:covered-table-cell table:number-columns-repeated="{run - 1}"/>'
                )
                skip_to = starts[column]
            else:
                cells.append(cell(value, attrs, column))
            column += 1
        for column_index in sorted(validated):
            if column_index >= column:
                cells += [EMPTY] * (column_index - column)
                cells.append(f"<table:table-cell{attributes(None, validated[column_index])}/>")
                column = column_index + 1
        self.rows.append((index, "".join(cells), height))

    def freeze(self, row: int, column: int = 0) -> None:
        self.frozen = (row, column)

    def autofilter(self, first_row: int, first_column: int, last_row: int, last: int) -> None:
        self.filter = (first_row, first_column, last_row, last)

    def page(self, setup: PageSetup) -> None:
        self.setup = setup

    def table(self, number: int) -> Any:
        """The sheet as an odfpy table: columns, then rows (the repeated ones in a header)."""
        doc = self.book.doc
        options: dict[str, Any] = {
            "name": self.name,
            "stylename": table_style(doc, number, self.hidden, self.setup),
        }
        setup = self.setup
        if setup is not None and setup.print_area is not None:
            options["printranges"] = _range(self.name, *setup.print_area)
        table = Table(**options)
        for spec in self.columns:
            column: dict[str, Any] = {
                "stylename": column_style(doc, spec.width, self.book.column_styles)
            }
            if spec.hidden:
                column["visibility"] = "collapse"
            if spec.style is not None:
                column["defaultcellstylename"] = cell_style_name(spec.style)
            table.addElement(TableColumn(**column))
        repeat = setup.repeat_rows if setup is not None else None
        self._add_rows(table, repeat)
        return table

    def _add_rows(self, table: Any, repeat: tuple[int, int] | None) -> None:
        rows = self.rows
        if repeat is None:
            expected = self._emit(table, rows, 0)
        else:
            first, last = repeat
            present = {index for index, _, _ in rows}
            missing = [(n, "", None) for n in range(first, last + 1) if n not in present]
            rows = sorted([*rows, *missing], key=lambda row: row[0])
            expected = self._emit(table, [r for r in rows if r[0] < first], 0)
            if expected < first:
                table.appendChild(_Xml(blank_rows(first - expected)))
            header = TableHeaderRows()
            table.addElement(header)
            expected = self._emit(header, [r for r in rows if first <= r[0] <= last], first)
            expected = self._emit(table, [r for r in rows if r[0] > last], expected)
        tail = self._validated_tail(expected)
        if tail:
            table.appendChild(_Xml(tail))

    def _emit(
        self, target: Any, rows: Sequence[tuple[int, str, float | None]], expected: int
    ) -> int:
        """Append ``rows`` to ``target`` (blank rows fill the gaps); the next row's index."""
        chunk: list[str] = []
        for index, cells, height in rows:
            if index > expected:
                chunk.append(blank_rows(index - expected))
            if height is None:
                chunk.append(f"<table:table-row>{cells or EMPTY}</table:table-row>")
            else:
                _flush(target, chunk)
                element = TableRow(stylename=row_style(self.book.doc, height, self.book.row_styles))
                element.appendChild(_Xml(cells or EMPTY))
                target.addElement(element)
            expected = index + 1
        _flush(target, chunk)
        return expected

    def _validated_tail(self, first: int) -> str:
        """Empty rows below the last one written that keep the drop-down lists."""
        if not self.validations:
            return ""
        last = max(choice.last_row for choice, _ in self.validations)
        if last < first:
            return ""
        cells, column = [], 0
        for choice, name in sorted(self.validations, key=lambda pair: pair[0].column):
            if choice.column > column:
                cells.append(repeated(choice.column - column))
            cells.append(f"<table:table-cell{attributes(None, name)}/>")
            column = choice.column + 1
        return (
            f'<table:table-row table:number-rows-repeated="{last - first + 1}">'
            f"{''.join(cells)}</table:table-row>"
        )


def _flush(target: Any, chunk: list[str]) -> None:
    if chunk:
        target.appendChild(_Xml("".join(chunk)))
        chunk.clear()
