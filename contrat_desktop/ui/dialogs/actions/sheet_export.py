"""Documents about actions and holders written off the GUI thread where the user says, then
opened: action sheets (the editor's action, the programmation's selection or, with nothing
selected, every action its filters show: a funder's share...), a holder's request form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_path

PDF = "PDF (*.pdf)"


def export_action_sheets(
    parent: QWidget, session: DossierSession, action_ids: list[int], file_stem: str
) -> Task | None:
    if not action_ids:
        QMessageBox.information(parent, "Fiches action", "Aucune action à mettre en fiche.")
        return None
    target = choose_target(parent, session, "Fiches action (PDF)", f"{file_stem}.pdf", PDF)
    if target is None:
        return None
    ids = list(action_ids)

    def write(reader: Dossier) -> Path:
        from contrat_desktop.operations.action_sheets import write_action_sheets

        write_action_sheets(reader, ids, target)
        return target

    return write_document(parent, session, f"{len(ids)} fiche(s) action", write)


def choose_target(
    parent: QWidget, session: DossierSession, title: str, name: str, filters: str
) -> Path | None:
    """The file to write, proposed beside the dossier; ``None`` when the user cancels."""
    return ask_save_path(parent, title, session.dossier.path.parent / name, filters.split(";;"))


def write_document(
    parent: QWidget, session: DossierSession, what: str, write: Callable[[Dossier], Path]
) -> Task:
    """Run ``write(reader)`` in the background, say it in the status bar, open the file."""
    window = parent.window()
    status = window.statusBar() if hasattr(window, "statusBar") else None
    if status is not None:
        status.showMessage(f"Préparation : {what}…")
    task = read_in_background(session.dossier, write, parent)

    def written(path: object) -> None:
        if status is not None:
            status.showMessage(f"Écrit : {path}", 8000)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    task.succeeded.connect(written)
    task.failed.connect(lambda error: QMessageBox.warning(parent, "Document non écrit", str(error)))
    return task
