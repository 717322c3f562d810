"""The journal of the dossier as a workbook: one sheet, one row per change, newest first.

Written row by row (XlsxWriter's constant-memory mode) under a temporary name, so a journal
of a million lines neither fills the memory nor leaves half a file behind. Text that looks
like a formula (``=HYPERLINK(...)`` typed in a name) stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from contrat_desktop.domain.journal import JournalLine
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.workbook_styles import Styles

HEADER = ("Quand", "Qui", "Quoi", "Champ", "Ancienne valeur", "Nouvelle valeur")
WIDTHS = (16, 16, 44, 24, 50, 50)
SHEET_ROWS = 1_048_576
FIRST_ROW = 3  # title, filter, blank line, then the header


def write_journal_workbook(
    lines: Iterable[JournalLine], target: str | Path, title: str, described: str
) -> None:
    import xlsxwriter

    with replaced_atomically(target) as temporary:
        book = xlsxwriter.Workbook(
            str(temporary),
            {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )
        styles = Styles(book)
        sheet, number, part = None, 0, 0
        for line in lines:
            if sheet is None or number >= SHEET_ROWS:
                part += 1
                sheet = _new_sheet(book, styles, title, described, part)
                number = FIRST_ROW + 1
            sheet.write_string(number, 0, line.when, styles.text)
            for column, value in enumerate(
                (line.who, line.what, line.field, line.old, line.new), start=1
            ):
                sheet.write_string(number, column, value, styles.text)
            number += 1
        book.close()


def _new_sheet(book: object, styles: Styles, title: str, described: str, part: int) -> object:
    name = "Journal" if part == 1 else f"Journal ({part})"
    sheet = book.add_worksheet(name)  # type: ignore[attr-defined]
    sheet.write_string(0, 0, title, styles.title)
    sheet.write_string(1, 0, f"Filtre : {described}", styles.subtitle)
    for column, (header, width) in enumerate(zip(HEADER, WIDTHS, strict=True)):
        sheet.write_string(FIRST_ROW, column, header, styles.header)
        sheet.set_column(column, column, width)
    sheet.freeze_panes(FIRST_ROW + 1, 0)
    sheet.autofilter(FIRST_ROW, 0, FIRST_ROW, len(HEADER) - 1)
    return sheet
