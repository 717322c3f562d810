"""Save the rows in error (and the warnings) of an import preview as a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from contrat_desktop.exchange.sheet_reader import RowIssue
from contrat_desktop.exchange.workbook_styles import Style
from contrat_desktop.exchange.workbook_writer import (
    BookProperties,
    ColumnSpec,
    PageSetup,
    write_workbook,
)

HEADERS = (
    ("Gravité", 10),
    ("Feuille", 18),
    ("Ligne", 7),
    ("Colonne", 28),
    ("Valeur", 24),
    ("Motif", 70),
)
ROW_STYLES = (Style.TEXT, Style.TEXT, Style.TEXT, Style.TEXT, Style.WRAPPED, Style.WRAPPED)


def write_issues(
    path: str | Path, title: str, errors: Sequence[RowIssue], warnings: Sequence[RowIssue] = ()
) -> Path:
    """Written under a temporary name, then renamed (.xlsx or .ods by the extension)."""
    path = Path(path)
    columns = [
        ColumnSpec(width, Style.WRAPPED if index >= 4 else None)
        for index, (_, width) in enumerate(HEADERS)
    ]
    with write_workbook(path) as book:
        sheet = book.add_sheet("Erreurs", columns)
        sheet.row(0, [title], Style.TITLE)
        sheet.row(2, [header for header, _ in HEADERS], Style.HEADER)
        row = 3
        for severity, issues in (("Erreur", errors), ("Avertissement", warnings)):
            for issue in issues:
                values = (
                    severity,
                    issue.sheet,
                    issue.row,
                    issue.column,
                    issue.value,
                    issue.message,
                )
                sheet.row(row, values, ROW_STYLES)
                row += 1
        sheet.freeze(3, 0)
        sheet.autofilter(2, 0, max(row - 1, 2), len(HEADERS) - 1)
        sheet.page(PageSetup(landscape=True, repeat_rows=(2, 2)))
        book.properties(BookProperties(title=title))
    return path
