"""A warning on one line, its detail on demand: the summary stays short above a list or a
table, and « Détail » unfolds the full list under it (the list is in the tooltip too)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

WARNING_STYLE = (
    "QFrame#notice { color: #5c4400; background: #fff3cd; border: 1px solid #e0c36a; }"
    "QLabel { color: #5c4400; }"
)


class Notice(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet(WARNING_STYLE)
        self.setAccessibleName(name)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(name)
        self.toggle = QPushButton("&Détail", self)
        self.toggle.setCheckable(True)
        self.toggle.setFlat(True)
        self.toggle.setAccessibleName(f"{name} : détail")
        self.toggle.toggled.connect(self._toggled)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(f"{name} : détail")
        self.detail.hide()
        line = QHBoxLayout()
        line.addWidget(self.summary, 1)
        line.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.detail)
        self.hide()

    def show_notice(self, summary: str, details: Sequence[str]) -> None:
        """Show ``summary`` on one line, ``details`` one per line when asked; hide on empty."""
        self.summary.setText(f"⚠ {summary}")
        listed = "".join(f"<li>{escape(item)}</li>" for item in details)
        self.detail.setText(f"<ul style='margin: 0'>{listed}</ul>")
        self.summary.setToolTip("\n".join(details))
        self.toggle.setVisible(bool(details))
        self.setVisible(bool(summary))

    def clear_notice(self) -> None:
        self.show_notice("", [])

    def _toggled(self, shown: bool) -> None:
        self.detail.setVisible(shown)
        self.toggle.setText("&Masquer le détail" if shown else "&Détail")
