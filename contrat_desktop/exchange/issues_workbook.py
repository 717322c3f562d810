"""Save the rows in error (and the warnings) of an import preview as a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import xlsxwriter

from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.sheet_reader import RowIssue
from contrat_desktop.exchange.workbook_styles import Styles

HEADERS = (
    ("Gravité", 10),
    ("Feuille", 18),
    ("Ligne", 7),
    ("Colonne", 28),
    ("Valeur", 24),
    ("Motif", 70),
)


def write_issues(
    path: str | Path, title: str, errors: Sequence[RowIssue], warnings: Sequence[RowIssue] = ()
) -> Path:
    path = Path(path)
    with replaced_atomically(path) as partial:
        workbook = xlsxwriter.Workbook(str(partial), {"strings_to_formulas": False})
        styles = Styles(workbook)
        sheet = workbook.add_worksheet("Erreurs")
        sheet.write_string(0, 0, title, styles.title)
        for index, (header, width) in enumerate(HEADERS):
            sheet.write_string(2, index, header, styles.header)
            sheet.set_column(index, index, width, styles.wrapped if index >= 4 else None)
        row = 3
        for severity, issues in (("Erreur", errors), ("Avertissement", warnings)):
            for issue in issues:
                sheet.write_string(row, 0, severity, styles.text)
                sheet.write_string(row, 1, issue.sheet, styles.text)
                sheet.write_number(row, 2, issue.row, styles.text)
                sheet.write_string(row, 3, issue.column, styles.text)
                sheet.write_string(row, 4, issue.value, styles.wrapped)
                sheet.write_string(row, 5, issue.message, styles.wrapped)
                row += 1
        sheet.freeze_panes(3, 0)
        sheet.autofilter(2, 0, max(row - 1, 2), len(HEADERS) - 1)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(2)
        workbook.set_properties({"title": title})
        workbook.close()
    return path
