"""The backups of the dossier: list, back up now, restore one (after a safety copy)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.file_sizes import format_size
from contrat_desktop.operations.dossiers import (
    BACKUP_REASONS,
    BackupFile,
    back_up_now,
    backup_folder,
    backups_of,
    restore_backup,
)
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.formats import format_datetime
from contrat_desktop.ui.session import DossierSession


class BackupsDialog(QDialog):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Sauvegardes du dossier")
        self.resize(720, 420)
        folder = backup_folder(session.dossier.path)
        intro = QLabel(f"Les sauvegardes sont rangées dans « {folder} ».", self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Date", "Motif", "Taille"])
        self.table.setAccessibleName("Liste des sauvegardes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.backup_now = QPushButton("&Sauvegarder maintenant", self)
        self.restore = QPushButton("&Restaurer la sauvegarde choisie…", self)
        buttons.addButton(self.backup_now, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_now.clicked.connect(self._backup_now)
        self.restore.clicked.connect(self._restore)
        self.restore.setEnabled(not session.read_only)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._backups: list[BackupFile] = []
        self._fill()

    def _fill(self) -> None:
        self._backups = backups_of(self.session.dossier.path)
        self.table.setRowCount(len(self._backups))
        for row, backup in enumerate(self._backups):
            size = format_size(backup.size_bytes)
            reason = BACKUP_REASONS.get(backup.reason, backup.reason)
            for column, text in enumerate((format_datetime(backup.taken_at), reason, size)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self._backups:
            self.table.selectRow(0)

    def _backup_now(self) -> None:
        backup = back_up_now(self.session.dossier)
        self._fill()
        QMessageBox.information(self, "Sauvegarde", f"Sauvegarde créée :\n{backup.path}")

    def _restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        backup = self._backups[rows[0].row()]
        answer = QMessageBox.question(
            self,
            "Restaurer une sauvegarde",
            f"Remplacer le contenu du dossier par la sauvegarde du "
            f"{format_datetime(backup.taken_at)} ?\n\nL'état actuel est d'abord sauvegardé : "
            "vous pourrez revenir en arrière.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            restore_backup(self.session.dossier, backup.path)
        except DossierError as error:
            QMessageBox.warning(self, "Restauration impossible", str(error))
            return
        self.session.undo_stack.clear()
        self.session.reload_references()
        self._fill()
        QMessageBox.information(self, "Restauration", "La sauvegarde a été restaurée.")
