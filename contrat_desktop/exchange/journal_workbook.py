"""The journal of the dossier as a workbook: one sheet, one row per change, newest first.

Written through the one workbook path (rows streamed, text kept as text, a temporary name
renamed at the end), so a journal of a million lines neither fills the memory nor leaves
half a file behind; past a sheet's last row, the lines go on in « Journal (2) ».
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from contrat_desktop.domain.journal import JournalLine
from contrat_desktop.exchange.workbook_styles import Style
from contrat_desktop.exchange.workbook_writer import (
    BookWriter,
    ColumnSpec,
    SheetWriter,
    write_workbook,
)

HEADER = ("Quand", "Qui", "Quoi", "Champ", "Ancienne valeur", "Nouvelle valeur")
WIDTHS = (16, 16, 44, 24, 50, 50)
SHEET_ROWS = 1_048_576
FIRST_ROW = 3  # title, filter, blank line, then the header


def write_journal_workbook(
    lines: Iterable[JournalLine], target: str | Path, title: str, described: str
) -> None:
    with write_workbook(target) as book:
        sheet: SheetWriter | None = None
        number = part = 0
        for line in lines:
            if sheet is None or number >= SHEET_ROWS:
                part += 1
                sheet = _new_sheet(book, title, described, part)
                number = FIRST_ROW + 1
            values = (line.when, line.who, line.what, line.field, line.old, line.new)
            sheet.row(number, values, Style.TEXT)
            number += 1


def _new_sheet(book: BookWriter, title: str, described: str, part: int) -> SheetWriter:
    name = "Journal" if part == 1 else f"Journal ({part})"
    sheet = book.add_sheet(name, [ColumnSpec(width) for width in WIDTHS])
    sheet.row(0, [title], Style.TITLE)
    sheet.row(1, [f"Filtre : {described}"], Style.SUBTITLE)
    sheet.row(FIRST_ROW, HEADER, Style.HEADER)
    sheet.freeze(FIRST_ROW + 1, 0)
    return sheet
