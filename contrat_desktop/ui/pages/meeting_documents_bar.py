"""The documents of the selected meeting, written off the GUI thread where the user
chooses, then opened with the system's viewer if asked: minutes, sign-in sheet,
convocations (all in one PDF, or one letter per person in a folder) and the .ics file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from contrat_desktop.domain.file_names import slug
from contrat_desktop.operations.meetings import MeetingSummary
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.ui.background import Task, TaskControl, run_in_background
from contrat_desktop.ui.session import DossierSession

# kind: (button text, file suffix, file filter)
DOCUMENTS = {
    "minutes": ("Compte rendu (PDF)…", "compte-rendu.pdf", "PDF (*.pdf)"),
    "sign_in_sheet": ("Feuille d'émargement…", "emargement.pdf", "PDF (*.pdf)"),
    "convocations": ("Convocations…", "convocations.pdf", "PDF (*.pdf)"),
    "ics": ("Agenda (.ics)…", "reunion.ics", "Agenda (*.ics)"),
}


def write_document(
    dossier_path: Path, user: str, meeting_id: int, kind: str, target: Path, control: TaskControl
) -> Path:
    """Runs off the GUI thread, on its own read-only connection."""
    from contrat_desktop.operations.meeting_documents import write_meeting_document

    control.check()
    with open_dossier(dossier_path, user=user, read_only=True, daily_backup=False) as dossier:
        write_meeting_document(dossier, meeting_id, kind, target)
    return target


def write_letters(
    dossier_path: Path, user: str, meeting_id: int, folder: Path, control: TaskControl
) -> Path:
    from contrat_desktop.operations.meeting_documents import write_convocation_letters

    control.check()
    with open_dossier(dossier_path, user=user, read_only=True, daily_backup=False) as dossier:
        write_convocation_letters(dossier, meeting_id, folder)
    return folder


class MeetingDocumentsBar(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id: int | None = None
        self.file_stem = "reunion"  # e.g. 2015-04-28-comite-de-pilotage-politique
        self.task: Task | None = None
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind, (text, _suffix, _filter) in DOCUMENTS.items():
            button = QPushButton(text, self)
            if kind == "convocations":
                menu = QMenu(button)
                menu.addAction(
                    "Toutes dans un seul PDF…", lambda: self.save_document("convocations")
                )
                menu.addAction("Une lettre par personne (dans un dossier)…", self.save_letters)
                button.setMenu(menu)
            else:
                button.clicked.connect(lambda _checked=False, k=kind: self.save_document(k))
            layout.addWidget(button)
            self.buttons[kind] = button
        self.open_after = QCheckBox("&Ouvrir une fois écrit", self)
        self.open_after.setChecked(True)
        self.open_after.setToolTip("Ouvre le document avec la visionneuse du poste")
        layout.addWidget(self.open_after)
        self.set_meeting(None)

    def set_meeting(self, meeting: MeetingSummary | None) -> None:
        self.meeting_id = meeting.id if meeting else None
        if meeting is not None:
            self.file_stem = f"{meeting.starts_at[:10]}-{slug(meeting.body, 'reunion')}"
        for button in self.buttons.values():
            button.setEnabled(meeting is not None)

    def save_document(self, kind: str) -> Task | None:
        if self.meeting_id is None:
            return None
        meeting_id = self.meeting_id
        text, suffix, file_filter = DOCUMENTS[kind]
        default = self.session.dossier.path.parent / f"{self.file_stem}-{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, text.rstrip("…"), str(default), file_filter)
        if not chosen:
            return None
        target = Path(chosen)
        path, user = self.session.dossier.path, self.session.dossier.user
        return self._run(
            text.rstrip("…"),
            lambda control: write_document(path, user, meeting_id, kind, target, control),
        )

    def save_letters(self) -> Task | None:
        if self.meeting_id is None:
            return None
        meeting_id = self.meeting_id
        chosen = QFileDialog.getExistingDirectory(
            self,
            "Dossier où écrire une convocation par personne",
            str(self.session.dossier.path.parent),
        )
        if not chosen:
            return None
        folder = Path(chosen)
        path, user = self.session.dossier.path, self.session.dossier.user
        return self._run(
            "Convocations (une par personne)",
            lambda control: write_letters(path, user, meeting_id, folder, control),
        )

    def _run(self, label: str, work: Callable[[TaskControl], Any]) -> Task:
        status = self.window().statusBar() if hasattr(self.window(), "statusBar") else None
        if status is not None:
            status.showMessage(f"Préparation du document « {label} »…")
        self.task = run_in_background(work)
        self.task.succeeded.connect(lambda written: self._written(Path(written), status))
        self.task.failed.connect(
            lambda error: QMessageBox.warning(self, "Document non écrit", str(error))
        )
        return self.task

    def _written(self, written: Path, status: Any) -> None:
        if status is not None:
            status.showMessage(f"Document écrit : {written}", 8000)
        if self.open_after.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
