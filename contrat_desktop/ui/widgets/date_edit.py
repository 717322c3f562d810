"""A French date field (dd/mm/yyyy) with a calendar, that can be left empty."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QWidget

EMPTY = QDate(1900, 1, 1)


class DateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(QLocale(QLocale.Language.French, QLocale.Country.France))
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY)
        self.setSpecialValueText("jj/mm/aaaa")  # shown when the date is empty
        self.setDate(EMPTY)

    def value(self) -> date | None:
        current = self.date()
        if current == EMPTY:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(EMPTY if value is None else QDate(value.year, value.month, value.day))
