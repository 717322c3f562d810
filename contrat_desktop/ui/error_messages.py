"""What an error that reached the window says: an SQLite error met while reading the dossier
is told in French, what happened and what to do (« Le dossier n'a pas pu être lu : le fichier
est verrouillé… »), SQLite's own English words kept in the « Détails » part of the box."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.storage.errors import (
    DossierError,
    database_error_details,
    database_error_reason,
)

UNREADABLE = "Le dossier n'a pas pu être lu : "


def read_failure(error: object) -> str:
    """One line for a reading that failed (a page's count, a list), in French."""
    if isinstance(error, sqlite3.Error):
        return UNREADABLE + database_error_reason(error)
    if isinstance(error, DossierError | str):
        return str(error)
    return f"Lecture impossible : {error}"


def error_box(
    error: BaseException, log_path: Path | None, parent: QWidget | None = None
) -> QMessageBox:
    """The box for an error nobody caught: an SQLite one said in French with its technical
    text under « Détails », a storage one (already French) as is, any other as unexpected."""
    journal = f"\n\nLe détail est enregistré dans le journal :\n{log_path}" if log_path else ""
    if isinstance(error, sqlite3.Error):
        title = "Lecture du dossier impossible"
        text = UNREADABLE + database_error_reason(error)
        details = database_error_details(error)
    elif isinstance(error, DossierError):
        title, text, details = "Dossier", str(error), f"{type(error).__name__} : {error}"
    else:
        title = "Erreur inattendue"
        text = "Une erreur inattendue s'est produite."
        details = f"{type(error).__name__} : {error}"
    box = QMessageBox(QMessageBox.Icon.Critical, title, text + journal, parent=parent)
    box.setDetailedText(details)
    return box


_shown: set[QMessageBox] = set()  # the boxes open now (a box without parent needs a holder)


def show_error(error: BaseException, log_path: Path | None) -> QMessageBox:
    """Open ``error_box`` without blocking the caller (an exception hook returns at once;
    the box stays modal to the application until it is closed)."""
    box = error_box(error, log_path)
    _shown.add(box)
    box.finished.connect(lambda _result: _shown.discard(box))
    box.open()
    return box
