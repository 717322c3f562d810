"""The documents of the selected meeting, written off the GUI thread where the user
chooses, then opened with the system's viewer if asked: minutes, sign-in sheet,
convocations (all in one PDF, or one letter per person in a folder) and the .ics file.
ReportLab is imported by the work itself: this bar is built with the window, at start-up."""

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
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_path

# kind: (button text, file suffix, file filter)
DOCUMENTS = {
    "minutes": ("Compte rendu (PDF)…", "compte-rendu.pdf", "PDF (*.pdf)"),
    "sign_in_sheet": ("Feuille d'émargement…", "emargement.pdf", "PDF (*.pdf)"),
    "convocations": ("Convocations…", "convocations.pdf", "PDF (*.pdf)"),
    "ics": ("Agenda (.ics)…", "reunion.ics", "Agenda (*.ics)"),
    "action_sheets": ("Fiches des actions…", "fiches-actions.pdf", "PDF (*.pdf)"),
}


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
        target = ask_save_path(self, text.rstrip("…"), default, [file_filter])
        if not target:
            return None

        def write(reader: Dossier) -> Path:
            from contrat_desktop.operations.meeting_documents import write_meeting_document

            write_meeting_document(reader, meeting_id, kind, target)
            return target

        return self._run(text.rstrip("…"), write)

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

        def write(reader: Dossier) -> Path:
            from contrat_desktop.operations.meeting_documents import write_convocation_letters

            write_convocation_letters(reader, meeting_id, folder)
            return folder

        return self._run("Convocations (une par personne)", write)

    def _run(self, label: str, work: Callable[[Dossier], Path]) -> Task:
        status = self.window().statusBar() if hasattr(self.window(), "statusBar") else None
        if status is not None:
            status.showMessage(f"Préparation du document « {label} »…")
        self.task = read_in_background(self.session.dossier, work)
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
