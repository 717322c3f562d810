"""The one question asked before unsaved edits would be lost, and the dialogs that ask it
whichever way they are left (Escape, "Fermer", the window's close button), with their
« Enregistrer » (Ctrl+S) and « Fermer » buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

Buttons = QMessageBox.StandardButton


def confirm_leaving(parent: QWidget, question: str, save: Callable[[], bool]) -> bool:
    """Ask "save, discard or cancel?"; True when the caller may go on (saved or discarded)."""
    answer = QMessageBox.question(
        parent,
        "Modifications non enregistrées",
        question,
        Buttons.Save | Buttons.Discard | Buttons.Cancel,
    )
    if answer == Buttons.Save:
        return save()
    return answer == Buttons.Discard


class GuardedDialog(QDialog):
    """An editor with a ``dirty`` flag and a ``save()``: leaving it with unsaved edits asks
    first. Subclasses say what is being edited in ``unsaved_question``."""

    dirty = False

    def save(self) -> bool:
        raise NotImplementedError

    def reload_saved(self) -> None:
        """After a conflict: drop the edits and show what the other person saved."""
        raise NotImplementedError

    def add_buttons(
        self, accept: Callable[[], object] | None = None, *, reload: bool = False
    ) -> QDialogButtonBox:
        """« Enregistrer » (``accept``, by default ``save``; Ctrl+S saves) and « Fermer »
        (asks first when edits are unsaved), with « Recharger la fiche » hidden until a
        conflict when ``reload``: ``self.buttons``, ``self.save_button``..."""
        role = QDialogButtonBox.ButtonRole
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("&Enregistrer", role.AcceptRole)
        self.save_button.setAccessibleName("Enregistrer (Ctrl+S)")
        self.close_button = self.buttons.addButton("&Fermer", role.RejectRole)
        if reload:
            self.reload_button = self.buttons.addButton("Rec&harger la fiche", role.ResetRole)
            self.reload_button.setAccessibleName(
                "Recharger la fiche enregistrée par l'autre personne"
            )
            self.reload_button.clicked.connect(self.reload_saved)
            self.reload_button.hide()
        self.buttons.accepted.connect(accept or self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        return self.buttons

    def unsaved_question(self, when: str) -> str:
        return f"Des modifications ne sont pas enregistrées. Les enregistrer {when} ?"

    def ask_save(self, when: str = "avant de fermer") -> bool:
        """True when the caller may go on: saved, or the edits discarded."""
        if confirm_leaving(self, self.unsaved_question(when), self.save):
            self.dirty = False
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self.ask_save():
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape, "Fermer" and the window's close button all come here."""
        if self.dirty and not self.ask_save():
            return
        super().reject()
