"""Save dialogs: the one way the window asks where to write a file.

The extension chooses the format among the dialog's filters (``exchange/file_format.py``
says the same for the command line): a name without one gets the chosen filter's, a name
with another is refused by name in French, nothing written. Workbook dialogs offer both
formats (Excel .xlsx, OpenDocument .ods).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contrat_desktop.exchange.file_format import refusal

XLSX_FILTER = "Classeur Excel (*.xlsx)"
ODS_FILTER = "Classeur OpenDocument – LibreOffice (*.ods)"
PDF_FILTER = "Document PDF (*.pdf)"
OPEN_FILTER = "Classeurs et listes (*.xlsx *.xlsm *.ods *.csv);;Tous les fichiers (*)"
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,9}")  # ".2026" or ". v2" is no extension


def ask_save_path(
    parent: QWidget, title: str, default: Path, filters: Sequence[str]
) -> Path | None:
    """The path to write, or None when cancelled or refused. ``default``'s suffix picks the
    filter shown first."""
    first = next((f for f in filters if default.suffix.lower() in suffixes(f)), filters[0])
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, str(default), ";;".join(filters), first
    )
    if not chosen:
        return None
    return checked_target(parent, title, Path(chosen), filters, chosen_filter or first)


def checked_target(
    parent: QWidget, title: str, target: Path, filters: Sequence[str], chosen_filter: str
) -> Path | None:
    """``target`` with the chosen filter's extension when it has none; None (said in a
    French message) when its extension is not one of ``filters``'."""
    allowed = [s for f in filters for s in suffixes(f)]
    if target.suffix.lower() in allowed:
        return target
    if not _EXTENSION.fullmatch(target.suffix):
        picked = [s for s in suffixes(chosen_filter) if s in allowed] or allowed
        return target.with_name(target.name + picked[0])
    QMessageBox.warning(parent, title, refusal(target, allowed))
    return None


def suffixes(file_filter: str) -> list[str]:
    """The extensions a filter such as ``"Classeur Excel (*.xlsx)"`` names, lower case."""
    return [s.lower() for s in re.findall(r"\*(\.\w+)", file_filter)]


def ask_save_workbook(
    parent: QWidget, title: str, default: Path, extra: Sequence[str] = ()
) -> Path | None:
    """A workbook to write (.xlsx or .ods); ``extra`` adds filters (``PDF_FILTER``)."""
    return ask_save_path(parent, title, default, [XLSX_FILTER, ODS_FILTER, *extra])
