"""The « Suivi » tab of the action editor: the current status, one button per move the
workflow allows from it, and the history of the status changes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contrat_desktop.domain.workflow import ActionStatus, allowed_transitions
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table, status_rows


class StatusTab(QWidget):
    move_asked = Signal(object)  # the ActionStatus chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setAccessibleName("Statut de l'action")
        self.buttons = QHBoxLayout()
        self.table = read_only_table(["Date", "De", "Vers", "Par", "Commentaire"], "Suivi")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)

    def show_status(self, status: ActionStatus, changes: list, *, movable: bool) -> None:
        """``movable``: the action exists and the dossier is writable."""
        self.label.setText(f"Statut actuel : <b>{status.label}</b>")
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for target in allowed_transitions(status):
            button = QPushButton(f"→ {target.label}", self)
            button.setAccessibleName(f"Passer au statut {target.label}")
            button.clicked.connect(lambda _c=False, t=target: self.move_asked.emit(t))
            button.setEnabled(movable)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        fill(self.table, status_rows(changes))
