"""The one question asked before unsaved edits would be lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

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
