"""Write the programmation workbook: made for a person, and able to come back.

Frozen header, autofilter, euro formats, widths, wrapped long texts, landscape print fitted
to the page width with the header rows repeated, drop-down lists on the columns the
préfecture fills, a totals row and a synthesis sheet. Written through ``workbook_writer``
(.xlsx or .ods by the target's extension), so text always stays text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from contrat_desktop.exchange.export_mark import ExportMark, write_export_mark
from contrat_desktop.exchange.layout import CellKind, Column, Layout
from contrat_desktop.exchange.row_fingerprint import columns_fingerprint, row_fingerprint
from contrat_desktop.exchange.workbook_styles import Style, style_for
from contrat_desktop.exchange.workbook_writer import (
    BookProperties,
    BookWriter,
    ChoiceList,
    ColumnSpec,
    ColumnTotal,
    PageSetup,
    SheetWriter,
    write_workbook,
)

TITLE_ROW, SUBTITLE_ROW, BAND_ROW, HEADER_ROW = 0, 1, 2, 3
FIRST_DATA_ROW = 4
LIST_ROWS = 100_000  # rows below the header that keep the drop-down lists


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
    mark: ExportMark | None = None  # what was exported, for the import to come back
    totals: bool = True  # a totals row under the data


def write_programmation(table: ProgrammationTable, path: str | Path) -> Path:
    path = Path(path)
    with write_workbook(path) as book:
        fingerprints = add_table_sheet(book, "Programmation", table)
        _write_synthesis(book.add_sheet("Synthèse", _synthesis_columns(table)), table)
        if table.mark is not None:
            keys = [column.key for column in table.layout.columns]
            write_export_mark(
                book,
                replace(table.mark, columns=columns_fingerprint(keys), fingerprints=fingerprints),
            )
        book.properties(
            BookProperties(
                title=table.title,
                subject="Programmation du contrat de ville",
                author=table.author,
                company=table.organisation,
                comments="Exporté par contrat_desktop. Ne modifiez pas la colonne cachée "
                "« Identifiant » : elle permet de réimporter le classeur.",
                extra=table.properties,
            )
        )
    return path


def add_table_sheet(book: BookWriter, name: str, table: ProgrammationTable) -> dict[str, str]:
    """A sheet laid out as the programmation's (title, band, header, rows, totals), for any
    layout the import reads back: the programmation, a holder's request form, a directory.
    Returns the fingerprint of each row's cells by its identifier (if the layout has one)."""
    columns = table.layout.columns
    sheet = book.add_sheet(
        name, [ColumnSpec(c.width, hidden=c.hidden) for c in columns], lists=_lists(columns)
    )
    return _write_main(sheet, table)


def _lists(columns: Sequence[Column]) -> list[ChoiceList]:
    """Drop-down lists on the columns the préfecture fills."""
    return [
        ChoiceList(
            index,
            FIRST_DATA_ROW,
            FIRST_DATA_ROW + LIST_ROWS,
            column.header,
            tuple(label for _, label in column.choices),
        )
        for index, column in enumerate(columns)
        if column.filled_by_prefecture and column.choices
    ]


def _write_main(sheet: SheetWriter, table: ProgrammationTable) -> dict[str, str]:
    columns = table.layout.columns
    last = len(columns) - 1
    sheet.row(TITLE_ROW, [table.title], Style.TITLE, first_column=1, height=22)
    sheet.row(SUBTITLE_ROW, [table.subtitle], Style.SUBTITLE, first_column=1)
    _write_header(sheet, columns)
    keys = [column.key for column in columns]
    styles = tuple(style_for(column) for column in columns)  # one tuple: formats looked up once
    money = [i for i, column in enumerate(columns) if column.kind is CellKind.MONEY]
    totals = dict.fromkeys(money, 0)  # cents, summed as the rows go
    labelled = (CellKind.CHOICE, CellKind.FRAMEWORK)  # codes written as their labels
    labels = [
        (i, dict(column.choices)) for i, column in enumerate(columns) if column.kind in labelled
    ]
    identifier = keys.index("identifier") if "identifier" in keys else None
    fingerprints: dict[str, str] = {}
    row_index = FIRST_DATA_ROW
    for row in table.rows:
        get = row.get
        values = [get(key) for key in keys]  # text, dates and numbers go as they are
        for index in money:
            cents = values[index]
            if cents is not None:
                totals[index] += cents
                values[index] = cents / 100
        for index, label in labels:
            code = values[index]
            if code:
                code = str(code)
                values[index] = label.get(code, code)
        sheet.row(row_index, values, styles)
        if identifier is not None and values[identifier]:
            fingerprints[str(values[identifier])] = row_fingerprint(values)
        row_index += 1
    if table.totals:
        _write_totals(sheet, table, row_index, totals)
    last_data = max(row_index - 1, FIRST_DATA_ROW)
    sheet.freeze(FIRST_DATA_ROW, 3)
    sheet.autofilter(HEADER_ROW, 0, last_data, last)
    sheet.page(
        PageSetup(
            landscape=True,
            paper="A3",  # the funder columns stay legible once fitted to the width
            repeat_rows=(BAND_ROW, HEADER_ROW),
            header=table.title,
            page_numbers=True,
            print_area=(0, 1, row_index, last),
            margins=(0.4, 0.4, 0.6, 0.6),
        )
    )
    return fingerprints


def _write_header(sheet: SheetWriter, columns: Sequence[Column]) -> None:
    """The band of funder names (merged over their columns), then the header row."""
    band: list[str | None] = [None] * len(columns)
    spans = []
    band_start = 0
    for index, column in enumerate(columns):
        is_last = index == len(columns) - 1 or columns[index + 1].group != column.group
        if column.group and is_last:
            band[band_start] = column.group
            spans.append((band_start, index))
        if is_last:
            band_start = index + 1
    sheet.row(BAND_ROW, band, Style.BAND, spans=spans)
    sheet.row(
        HEADER_ROW,
        [column.header for column in columns],
        [Style.HEADER_PREFECTURE if c.filled_by_prefecture else Style.HEADER for c in columns],
        height=36,
    )


def _write_totals(
    sheet: SheetWriter, table: ProgrammationTable, row: int, totals: Mapping[int, int]
) -> None:
    """The totals row: ``totals`` holds each money column's sum in cents, by position."""
    values: list[Any] = [f"Total ({len(table.rows)} actions)"]
    styles: list[Style | None] = [Style.TOTAL_LABEL]
    last_data = max(row - 1, FIRST_DATA_ROW)
    for index, column in enumerate(table.layout.columns[2:], start=2):
        if column.kind is CellKind.MONEY:
            values.append(ColumnTotal(FIRST_DATA_ROW, last_data, totals[index] / 100))
            styles.append(Style.TOTAL_MONEY)
        else:
            values.append("")
            styles.append(Style.TOTAL_BLANK)
    sheet.row(row, values, styles, first_column=1)


def _synthesis_columns(table: ProgrammationTable) -> list[ColumnSpec]:
    widest = max((len(s.column_headers) + 1 + bool(s.counts) for s in table.synthesis), default=1)
    return [ColumnSpec(40), *[ColumnSpec(15)] * max(widest - 1, 2)]


def _write_synthesis(sheet: SheetWriter, table: ProgrammationTable) -> None:
    sheet.row(0, [f"Synthèse – {table.title}"], Style.TITLE)
    row = 2
    for synthesis in table.synthesis:
        sheet.row(row, [synthesis.title], Style.SUBTITLE)
        row += 1
        headers = [synthesis.row_header, *synthesis.column_headers]
        if synthesis.counts:
            headers.append(synthesis.count_header)
        sheet.row(row, headers, Style.HEADER)
        row += 1
        for position, (label, amounts) in enumerate(synthesis.rows):
            is_total = position == len(synthesis.rows) - 1
            label_style = Style.TOTAL_LABEL if is_total else Style.TEXT
            money_style = Style.TOTAL_MONEY if is_total else Style.MONEY
            values: list[Any] = [label, *(cents / 100 for cents in amounts)]
            styles: list[Style | None] = [label_style, *[money_style] * len(amounts)]
            if synthesis.counts:
                values.append(synthesis.counts[position])
                styles.append(label_style)
            sheet.row(row, values, styles)
            row += 1
        row += 2
    sheet.page(PageSetup(landscape=True, paper="A4"))
