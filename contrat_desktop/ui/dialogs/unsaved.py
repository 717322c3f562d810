"""The one question asked before unsaved edits would be lost, and the dialogs that ask it
whichever way they are left (Escape, "Fermer", the window's close button)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

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
