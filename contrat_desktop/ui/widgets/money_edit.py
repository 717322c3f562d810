"""An amount field: typed ``1 234,56`` or ``1234,5``, shown ``1 234,56 €``, checked inline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import format_cents, parse_money

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
        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_money(text)
        except ValidationError:
            return None

    def set_cents(self, cents: int | None) -> None:
        self.setText("" if cents is None else format_cents(cents))
        self._check()

    def _check(self) -> None:
        text = self.text().strip()
        self.error = None
        if text:
            try:
                value = parse_money(text)
                if value < 0:
                    self.error = "Le montant ne peut pas être négatif."
            except ValidationError as error:
                self.error = str(error)
        elif not self.optional:
            self.error = None  # empty means zero
        self.setStyleSheet(INVALID_STYLE if self.error else "")
        self.setToolTip(self.error or "Saisissez par exemple 1 234,56")
        self.value_changed.emit()

    def _reformat(self) -> None:
        if not self.error and self.text().strip():
            self.setText(format_cents(self.cents() or 0))
