"""Confirm an erasure, naming the person, and choose what becomes of the dossier's backups
that still hold them: listed first (date, reason, file), then rewritten without the person
(the default), deleted, or kept until their rotation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.operations.dossiers import BACKUP_REASONS, BackupFile
from contrat_desktop.operations.privacy_backups import BackupChoice
from contrat_desktop.ui.formats import format_datetime

OUTSIDE = (
    "Les copies faites hors de l'application (exports, copies envoyées par courriel, "
    "« Enregistrer une copie ») ne sont pas connues d'elle et ne sont pas modifiées."
)
CHOICES = (
    (BackupChoice.REWRITE, "&Réécrire ces sauvegardes sans ses données (recommandé)"),
    (BackupChoice.DELETE, "&Supprimer ces sauvegardes"),
    (BackupChoice.KEEP, "Les &garder (elles contiendront ses données jusqu'à leur rotation)"),
)


class ErasureDialog(QDialog):
    def __init__(self, name: str, holding: list[BackupFile], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Anonymiser une personne")
        question = QLabel(
            f"<b>Effacer définitivement les données personnelles de « {name} » ?</b><br><br>"
            "Son nom, ses coordonnées, son année de naissance et son quartier seront effacés "
            "partout dans le dossier (fiches, listes de tirage, procès-verbaux, historique). "
            "Ses mandats restent comptés, sous le nom « Personne anonymisée ». Cette "
            "opération ne peut pas être annulée.",
            self,
        )
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        self.group = QButtonGroup(self)
        self.table: QTableWidget | None = None
        layout.addSpacing(8)
        if holding:
            layout.addWidget(
                QLabel(f"{len(holding)} sauvegarde(s) de ce dossier contiennent ses données :")
            )
            self.table = _backups_table(holding, self)
            layout.addWidget(self.table, 1)
            for choice, label in CHOICES:
                button = QRadioButton(label, self)
                self.group.addButton(button, list(BackupChoice).index(choice))
                layout.addWidget(button)
            self.group.buttons()[0].setChecked(True)
        else:
            layout.addWidget(QLabel("Aucune sauvegarde de ce dossier ne contient ses données."))
        outside = QLabel(OUTSIDE, self)
        outside.setWordWrap(True)
        layout.addWidget(outside)
        if not holding:
            layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton("&Anonymiser", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("Annuler", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # an irreversible act is never the default
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(680, 460 if holding else 240)

    def choice(self) -> BackupChoice:
        checked = self.group.checkedId()
        return list(BackupChoice)[checked] if checked >= 0 else BackupChoice.KEEP

    def choose(self, choice: BackupChoice) -> None:
        button = self.group.button(list(BackupChoice).index(choice))
        if button is not None:
            button.setChecked(True)


def _backups_table(holding: list[BackupFile], parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(holding), 3, parent)
    table.setHorizontalHeaderLabels(["Date", "Motif", "Fichier"])
    table.setAccessibleName("Sauvegardes qui contiennent ses données")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for row, backup in enumerate(holding):
        reason = BACKUP_REASONS.get(backup.reason, backup.reason)
        for column, text in enumerate((format_datetime(backup.taken_at), reason, backup.path.name)):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    return table


def still_holding_text(
    name: str, still: tuple[BackupFile, ...], rewritten: int, deleted: int
) -> str:
    """The report after the erasure: what was done, and exactly which copies still hold them."""
    lines = [f"Les données personnelles de « {name} » sont effacées du dossier."]
    if rewritten:
        lines.append(f"{rewritten} sauvegarde(s) réécrite(s) sans ses données.")
    if deleted:
        lines.append(f"{deleted} sauvegarde(s) supprimée(s).")
    if still:
        lines.append("Ces sauvegardes contiennent encore ses données :")
        lines += [f"  • {format_datetime(b.taken_at)} — {b.path}" for b in still]
    else:
        lines.append("Plus aucune sauvegarde de ce dossier ne contient ses données.")
    lines.append(OUTSIDE)
    return "\n".join(lines)
