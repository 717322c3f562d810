"""The meetings page: the sittings of the bodies for the campaign chosen in the window
(created, opened in the meeting editor, deleted while a draft), their documents (built off
the GUI thread), the validation of their minutes after a preview, and their reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.meetings import MinutesStatus
from contrat_desktop.operations.body_sheet import load_bodies
from contrat_desktop.operations.meetings import MeetingSummary, list_meetings
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.formats import format_datetime
from contrat_desktop.ui.models.meetings_table import MeetingTableModel
from contrat_desktop.ui.pages.meeting_documents_bar import MeetingDocumentsBar
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.envelope_table import envelope_table, show_checks
from contrat_desktop.ui.widgets.notice import Notice


class MeetingsPage(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MeetingTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Réunions des instances")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        for number, column in enumerate(self.model.columns):
            self.table.setColumnWidth(number, column.width)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("&Nouvelle réunion…", self)
        self.new_button.clicked.connect(lambda: self.open_meeting(None))
        self.open_button = QPushButton("&Ouvrir…", self)
        self.open_button.setToolTip("Présences, ordre du jour, décisions (Entrée ou double-clic)")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton("&Supprimer…", self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.bodies_button = QPushButton("&Instances…", self)
        self.bodies_button.setToolTip("Instances, présidence, quorum et composition")
        self.bodies_button.clicked.connect(self.edit_bodies)
        for button in (self.new_button, self.open_button, self.delete_button, self.bodies_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.documents = MeetingDocumentsBar(session, self)
        documents = QHBoxLayout()
        documents.addWidget(QLabel("Documents de la réunion choisie :", self))
        documents.addWidget(self.documents)
        documents.addStretch(1)
        self.validate_button = QPushButton("&Valider le compte rendu…", self)
        self.validate_button.clicked.connect(self.validate)
        self.reopen_button = QPushButton("&Rouvrir le compte rendu…", self)
        self.reopen_button.clicked.connect(self.reopen)
        buttons.addWidget(self.validate_button)
        buttons.addWidget(self.reopen_button)
        self.quorum_label = QLabel(self)
        self.quorum_label.setAccessibleName("Quorum de la réunion")
        self.council_label = QLabel(self)
        self.council_label.setWordWrap(True)
        self.council_label.setStyleSheet("color: #5c4400; background: #fff3cd; padding: 4px;")
        self.council_label.setAccessibleName("Présence du conseil citoyen")
        self.envelopes = envelope_table()
        self.frequency = Notice("Fréquence minimale des instances", self)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName("Aucune réunion pour cette campagne")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(documents)
        layout.addWidget(self.frequency)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.quorum_label)
        layout.addWidget(self.council_label)
        layout.addWidget(self.envelopes, 1)
        session.changed.connect(
            lambda entity: entity in {"meeting", "action", "campaign"} and self.reload()
        )
        session.campaign_changed.connect(lambda _campaign: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.open_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, activated=self.open_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_selected)
        self.reload()

    def reload(self) -> None:
        from contrat_desktop.operations.meeting_overview import frequency_warnings

        dossier, year = self.session.dossier, self.session.campaign_year
        meetings = list_meetings(dossier, self.session.campaign_id if year else None)
        self.model.set_rows(meetings)
        self._show_empty(year, bool(meetings))
        warnings = frequency_warnings(dossier, year) if year else []
        bodies = f"{len(warnings)} instance{'s' if len(warnings) > 1 else ''}"
        self.frequency.show_notice(
            f"Fréquence minimale non atteinte en {year} pour {bodies}." if warnings else "",
            warnings,
        )
        self._update_buttons()

    def _show_empty(self, year: int | None, listed: bool) -> None:
        """Say why the list is empty, and where the other years' meetings are."""
        elsewhere = not listed and year is not None and bool(list_meetings(self.session.dossier))
        self.empty_label.setText(
            f"Aucune réunion pour la campagne {year}."
            + (
                " Les réunions des autres années sont listées sous leur campagne."
                if elsewhere
                else ""
            )
        )
        self.empty_label.setVisible(not listed and year is not None)

    def selected(self) -> MeetingSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _show_overview(self) -> None:
        from contrat_desktop.operations.meeting_overview import meeting_overview

        meeting = self.selected()
        if meeting is None:
            self.quorum_label.setText(
                "Choisissez une réunion pour voir son quorum et ses montants face aux enveloppes."
                if self.model.rowCount()
                else ""
            )
            self.council_label.hide()
            self.envelopes.setRowCount(0)
            self.envelopes.hide()
            return
        overview = meeting_overview(self.session.dossier, meeting.id)
        self.quorum_label.setText(overview.quorum)
        self.council_label.setText(overview.council_warning or "")
        self.council_label.setVisible(bool(overview.council_warning))
        show_checks(self.envelopes, overview.envelopes)
        self.envelopes.setVisible(bool(overview.envelopes))

    def _update_buttons(self) -> None:
        self._show_overview()
        meeting = self.selected()
        self.documents.set_meeting(meeting)
        writable = meeting is not None and not self.session.read_only
        validated = meeting is not None and meeting.minutes_status == MinutesStatus.VALIDATED.label
        self.new_button.setEnabled(not self.session.read_only)
        self.open_button.setEnabled(meeting is not None)
        self.delete_button.setEnabled(writable and not validated)
        self.validate_button.setEnabled(writable and not validated)
        self.reopen_button.setEnabled(writable and validated)

    # editing -------------------------------------------------------------------------
    def open_meeting(self, meeting_id: int | None) -> None:
        from contrat_desktop.ui.dialogs.meetings.meeting_dialog import MeetingDialog

        if meeting_id is None and not load_bodies(self.session.dossier):
            QMessageBox.information(
                self,
                "Aucune instance",
                "Créez d'abord une instance (COPIL, comité technique…) et sa composition "
                "avec le bouton « Instances… ».",
            )
            return
        dialog = MeetingDialog(self.session, meeting_id, parent=self)
        dialog.exec()
        saved = dialog.current.meeting.id if dialog.current else None
        self.reload()
        if saved is not None:
            self.select_meeting(saved)

    def edit_bodies(self) -> None:
        from contrat_desktop.ui.dialogs.meetings.bodies_dialog import BodiesDialog

        BodiesDialog(self.session, self).exec()
        self.reload()

    def open_selected(self) -> None:
        meeting = self.selected()
        if meeting is not None:
            self.open_meeting(meeting.id)

    def select_meeting(self, meeting_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row(row).id == meeting_id:
                self.table.selectRow(row)
                return

    def delete_selected(self) -> bool:
        from contrat_desktop.operations.meeting_sheet import load_sheet, write_sheet
        from contrat_desktop.ui.undo import SaveRecordCommand

        meeting = self.selected()
        if meeting is None or self.session.read_only:
            return False
        if meeting.minutes_status == MinutesStatus.VALIDATED.label:
            QMessageBox.warning(
                self,
                "Suppression impossible",
                "Le compte rendu de cette réunion est validé : elle ne peut pas être supprimée.",
            )
            return False
        answer = QMessageBox.question(
            self,
            "Supprimer la réunion",
            f"Supprimer la réunion « {meeting.body} » du {format_datetime(meeting.starts_at)}, "
            "avec ses présences, son ordre du jour et ses décisions ?\n"
            "(Modifier › Annuler la remet en place.)",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        sheet = load_sheet(self.session.dossier, meeting.id)
        command: SaveRecordCommand = SaveRecordCommand(
            self.session, "Supprimer la réunion", "meeting", write_sheet, sheet, None, self
        )
        self.session.push(command)
        return command.error is None

    # validation ----------------------------------------------------------------------
    def validate(self) -> bool:
        from contrat_desktop.operations.minutes_validation import (
            preview_validation,
            validate_minutes,
        )
        from contrat_desktop.operations.validation_alerts import validation_alerts
        from contrat_desktop.ui.dialogs.meetings.minutes_validation_dialog import (
            MinutesValidationDialog,
        )

        meeting = self.selected()
        if meeting is None:
            return False
        try:
            changes = preview_validation(self.session.dossier, meeting.id)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(self, "Validation impossible", str(error))
            return False
        funders = {f.id: f.display_name for f in self.session.references.funders if f.id}
        alerts = validation_alerts(self.session.dossier, meeting.id, changes)
        dialog = MinutesValidationDialog(f"{meeting.body}", changes, funders, self, alerts)
        if dialog.exec() != MinutesValidationDialog.DialogCode.Accepted:
            return False  # nothing written
        try:
            validate_minutes(self.session.dossier, meeting.id, changes)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(self, "Validation impossible", str(error))
            return False
        self.session.undo_stack.clear()  # a validation is undone by reopening, not Ctrl+Z
        self.session.notify("action")
        self.session.notify("meeting")
        return True

    def reopen(self) -> bool:
        from contrat_desktop.operations.minutes_validation import reopen_minutes

        meeting = self.selected()
        if meeting is None:
            return False
        reason, accepted = QInputDialog.getText(
            self, "Rouvrir le compte rendu", "Pourquoi rouvrir ce compte rendu validé ?"
        )
        if not accepted:
            return False
        try:
            reopen_minutes(self.session.dossier, meeting.id, reason)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(self, "Réouverture impossible", str(error))
            return False
        self.session.notify("meeting")
        return True
