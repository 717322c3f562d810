"""The read-only banner: says who holds the dossier and offers to try again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

STYLE = (
    "#readOnlyBanner { background: #fff3cd; border: 1px solid #e0c36a; } QLabel { color: #5c4400; }"
)


class ReadOnlyBanner(QWidget):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Bandeau lecture seule")
        self.retry = QPushButton("&Réessayer en écriture", self)
        self.retry.setAccessibleName("Réessayer d'ouvrir le dossier en écriture")
        self.retry.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry)

    def show_reason(self, reason: str | None) -> None:
        if reason:
            # styled when first shown: the first style sheet costs the start-up ~10 ms
            self.setStyleSheet(STYLE)
            self.label.setText(
                f"<b>Lecture seule</b> — ce dossier est {reason}. "
                "Vous pouvez le consulter ; les modifications sont désactivées."
            )
        self.setVisible(bool(reason))
