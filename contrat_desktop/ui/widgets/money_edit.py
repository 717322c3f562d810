"""An amount field: typed ``1 234,56`` or ``1234,5``, shown ``1 234,56 €``, checked inline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import amount_or_none, format_cents, parse_optional_amount

INVALID_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fdecea; }"


class MoneyEdit(QLineEdit):
    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0,00 €" if not optional else "—")
        self.error: str | None = None
        self.editingFinished.connect(self._reformat)
        self.textEdited.connect(lambda _text: self._check())

    def cents(self) -> int | None:
        """The amount in cents; ``None`` when empty (or invalid: see ``error``)."""
        return amount_or_none(self.text())

    def set_cents(self, cents: int | None) -> None:
        self.setText("" if cents is None else format_cents(cents))
        self._check()

    def _check(self) -> None:
        self.error = None
        try:
            parse_optional_amount(self.text())
        except ValidationError as error:
            self.error = str(error)
        self.setStyleSheet(INVALID_STYLE if self.error else "")
        self.setToolTip(self.error or "Saisissez par exemple 1 234,56")
        self.value_changed.emit()

    def _reformat(self) -> None:
        if not self.error and self.text().strip():
            self.setText(format_cents(self.cents() or 0))
