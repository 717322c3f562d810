"""The « Dossier de demande » tab of the action editor: the pieces the holder must provide,
each received or not (with its date, its file among the attachments, a note), and whether the
file is complete. Each change is written at once through the undo stack."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.request_file import RequestPiece, attachment_kind_for
from contrat_desktop.operations.attachments import attach_file, extract_for_viewing
from contrat_desktop.operations.request_file import (
    PieceLine,
    RequestFile,
    load_request_file,
    write_piece,
)
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand
from contrat_desktop.ui.widgets.date_edit import DateEdit

COMPLETE_STYLE = "color: #1b5e20; padding: 4px;"
INCOMPLETE_STYLE = "color: #5c4400; background: #fff3cd; padding: 4px; border: 1px solid #e0c36a;"


class RequestFileTab(QWidget):
    changed = Signal()  # a piece was recorded, a file attached

    def __init__(
        self, session: DossierSession, action_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.action_id = action_id
        self.file: RequestFile | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Complétude du dossier de demande")
        self.table = read_only_table(
            ["Pièce", "Obligatoire", "Reçue le", "Fichier", "Note"], "Pièces du dossier de demande"
        )
        self.table.doubleClicked.connect(lambda _index: self.open_file())
        self.day = DateEdit(self)
        self.day.setAccessibleName("Date de réception")
        self.day.set_value(date.today())
        self.received_button = QPushButton("Marquer &reçue le", self)
        self.received_button.clicked.connect(self.mark_received)
        self.not_received_button = QPushButton("Marquer &non reçue", self)
        self.not_received_button.clicked.connect(self.mark_not_received)
        self.attach_button = QPushButton("J&oindre le fichier…", self)
        self.attach_button.clicked.connect(lambda: self.attach())
        self.link_button = QPushButton("Lier un fichier &déjà joint…", self)
        self.link_button.clicked.connect(self.link_attachment)
        self.note_button = QPushButton("No&te…", self)
        self.note_button.clicked.connect(self.edit_note)
        self.open_button = QPushButton("O&uvrir le fichier", self)
        self.open_button.clicked.connect(self.open_file)
        row = QHBoxLayout()
        row.addWidget(self.received_button)
        row.addWidget(self.day)
        for button in (self.not_received_button, self.attach_button, self.link_button):
            row.addWidget(button)
        row.addWidget(self.note_button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        for button in (
            self.received_button, self.not_received_button, self.attach_button,
            self.link_button, self.note_button,
        ):  # fmt: skip
            button.setEnabled(not session.read_only)
        session.changed.connect(self._on_changed)  # an undo from the window's menu
        self.reload()

    def _on_changed(self, entity: str) -> None:
        if entity != "action":
            return
        try:
            self.reload()
        except DossierError:  # the action itself went (its creation undone)
            self.file = None
            self.table.setRowCount(0)
            self.summary.setText("Cette action n'existe plus.")
            self.setEnabled(False)

    def reload(self) -> None:
        chosen = self.table.currentRow()
        self.file = file = load_request_file(self.session.dossier, self.action_id)
        fill(
            self.table,
            [
                [
                    line.kind.label + ("" if line.kind.active else " (plus demandée)"),
                    "Oui" if line.kind.required else "Non",
                    format_date(line.received_on) or "—",
                    line.file_name,
                    line.piece.note if line.piece else "",
                ]
                for line in file.lines
            ],
        )
        self.summary.setText(file.summary())
        self.summary.setStyleSheet(COMPLETE_STYLE if file.complete else INCOMPLETE_STYLE)
        if 0 <= chosen < self.table.rowCount():
            self.table.selectRow(chosen)

    def selected(self) -> PieceLine | None:
        rows = self.table.selectionModel().selectedRows()
        if self.file is None or not rows:
            QMessageBox.information(self, "Dossier de demande", "Choisissez d'abord une pièce.")
            return None
        return self.file.lines[rows[0].row()]

    def _base(self, line: PieceLine) -> RequestPiece:
        return line.piece or RequestPiece(self.action_id, line.kind.id or 0)

    def _write(self, text: str, line: PieceLine, wanted: RequestPiece | None) -> bool:
        command = SaveRecordCommand(
            self.session, text, "action", write_piece, line.piece, wanted, self
        )
        self.session.push(command)
        self.reload()
        self.changed.emit()
        return command.error is None

    def mark_received(self) -> None:
        line = self.selected()
        if line is not None:
            on = self.day.value() or date.today()
            wanted = replace(self._base(line), received_on=on)
            self._write(f"Pièce « {line.kind.label} » reçue", line, wanted)

    def mark_not_received(self) -> None:
        line = self.selected()
        if line is not None and line.piece is not None:
            wanted = replace(line.piece, received_on=None, attachment_id=None)
            self._write(f"Pièce « {line.kind.label} » non reçue", line, wanted)

    def edit_note(self) -> None:
        line = self.selected()
        if line is None:
            return
        current = line.piece.note if line.piece else ""
        note, accepted = QInputDialog.getText(
            self, "Note sur la pièce", f"{line.kind.label} :", text=current
        )
        if accepted and note.strip() != current:
            wanted = replace(self._base(line), note=note.strip())
            self._write(f"Note sur « {line.kind.label} »", line, wanted)

    def attach(self, path: Path | None = None) -> None:
        """Attach a file to the action and record it as the selected piece, received today
        (unless already received)."""
        line = self.selected()
        if line is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, f"Joindre : {line.kind.label}", str(Path.home())
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            attachment = attach_file(
                self.session.dossier, self.action_id, path, attachment_kind_for(line.kind.label)
            )
        except (DossierError, ValidationError) as error:
            QMessageBox.warning(self, "Pièce jointe refusée", str(error))
            return
        base = self._base(line)
        wanted = replace(
            base, attachment_id=attachment.id, received_on=base.received_on or date.today()
        )
        self._write(f"Fichier de « {line.kind.label} »", line, wanted)

    def link_attachment(self) -> None:
        line = self.selected()
        if line is None or self.file is None:
            return
        attachments = list(self.file.attachments)
        if not attachments:
            QMessageBox.information(
                self, "Dossier de demande", "L'action n'a pas encore de pièce jointe."
            )
            return
        names = [f"{a.file_name} ({a.kind.label})" for a in attachments]
        name, accepted = QInputDialog.getItem(
            self, "Lier une pièce jointe", f"Fichier de « {line.kind.label} » :", names, 0, False
        )
        if accepted:
            attachment = attachments[names.index(name)]
            base = self._base(line)
            wanted = replace(
                base, attachment_id=attachment.id, received_on=base.received_on or date.today()
            )
            self._write(f"Fichier de « {line.kind.label} »", line, wanted)

    def open_file(self) -> None:
        line = self.selected()
        if line is None or self.file is None or line.piece is None:
            return
        attachment = next(
            (a for a in self.file.attachments if a.id == line.piece.attachment_id), None
        )
        if attachment is None:
            QMessageBox.information(self, "Dossier de demande", "Aucun fichier pour cette pièce.")
            return
        try:
            path = extract_for_viewing(self.session.dossier, attachment)
        except (OSError, DossierError) as error:
            QMessageBox.warning(self, "Ouverture impossible", str(error))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
