"""A label under a form that says, before anything is written, what the rules warn about
and which status moves the write will bring."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from contrat_desktop.domain.workflow import ActionStatus

WARNING_STYLE = "color: #5c4400; background: #fff3cd; padding: 6px; border: 1px solid #e0c36a;"
INFO_STYLE = "color: #1b5e20; padding: 4px;"


class VerdictLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Avertissements et changements de statut")
        self.hide()

    def show_verdict(self, warnings: Sequence[str], moves: Sequence[ActionStatus]) -> None:
        lines = [f"⚠ {text}" for text in warnings]
        if moves:
            path = " → ".join(f"« {status.label} »" for status in moves)
            lines.append(f"Le statut de l'action passera à {path}.")
        self.setText("\n".join(lines))
        self.setStyleSheet(WARNING_STYLE if warnings else INFO_STYLE)
        self.setVisible(bool(lines))
