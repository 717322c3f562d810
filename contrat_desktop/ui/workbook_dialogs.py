"""File dialogs for workbooks: both formats offered (Excel .xlsx, OpenDocument .ods), the
extension of the chosen filter added when the name has none it knows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

XLSX_FILTER = "Classeur Excel (*.xlsx)"
ODS_FILTER = "Classeur OpenDocument – LibreOffice (*.ods)"
PDF_FILTER = "Document PDF (*.pdf)"
OPEN_FILTER = "Classeurs et listes (*.xlsx *.xlsm *.ods *.csv);;Tous les fichiers (*)"
_SUFFIXES = {XLSX_FILTER: ".xlsx", ODS_FILTER: ".ods", PDF_FILTER: ".pdf"}


def ask_save_workbook(
    parent: QWidget, title: str, default: Path, extra: Sequence[str] = ()
) -> Path | None:
    """The path to write, or None when cancelled. ``default``'s suffix picks the filter shown
    first; ``extra`` adds filters (``PDF_FILTER``)."""
    filters = [XLSX_FILTER, ODS_FILTER, *extra]
    first = next((f for f in filters if _SUFFIXES.get(f) == default.suffix.lower()), filters[0])
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, str(default), ";;".join(filters), first
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() not in {_SUFFIXES[f] for f in filters}:
        suffix = _SUFFIXES.get(chosen_filter, default.suffix or ".xlsx")
        target = target.with_name(target.name + suffix)
    return target
