"""Write action sheets (fiches action) chosen in the window into one PDF, off the GUI thread,
where the user says, then open it: the editor's action, or the programmation's selection (or,
with nothing selected, every action shown by its filters: a funder's share, a theme...)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.session import DossierSession


def export_action_sheets(
    parent: QWidget, session: DossierSession, action_ids: list[int], file_stem: str
) -> Task | None:
    if not action_ids:
        QMessageBox.information(parent, "Fiches action", "Aucune action à mettre en fiche.")
        return None
    default = session.dossier.path.parent / f"{file_stem}.pdf"
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Fiches action (PDF)", str(default), "PDF (*.pdf)"
    )
    if not chosen:
        return None
    target = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    ids = list(action_ids)

    def write(reader: Dossier) -> Path:
        from contrat_desktop.operations.action_sheets import write_action_sheets

        write_action_sheets(reader, ids, target)
        return target

    window = parent.window()
    status = window.statusBar() if hasattr(window, "statusBar") else None
    if status is not None:
        status.showMessage(f"Préparation de {len(ids)} fiche(s) action…")
    task = read_in_background(session.dossier, write, parent)

    def written(path: object) -> None:
        if status is not None:
            status.showMessage(f"Fiches action écrites : {path}", 8000)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    task.succeeded.connect(written)
    task.failed.connect(
        lambda error: QMessageBox.warning(parent, "Fiches action non écrites", str(error))
    )
    return task
