"""A French date field (dd/mm/yyyy) with a calendar, that can be left empty.

Empty (« jj/mm/aaaa ») or with all its text selected, the field takes a date as a person types
it: ``15032026``, ``15/03/2026``, ``1/3/2026``, or ``15/03/26`` once the field is left
(``domain.french_dates.typed_date``); keys that cannot make a date are refused. Otherwise Qt's
own editing by day, month and year applies. Emptied text leaves the field empty.

The field is as wide as a date, in a form as in a row: it does not stretch across a dialog
(a 500 px field for ten characters reads as a text to type)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QSizePolicy, QWidget

from contrat_desktop.domain.french_dates import typed_date

EMPTY = QDate(1900, 1, 1)
_SEPARATORS = "/.- "
_STATES = {
    "complete": QValidator.State.Acceptable,
    "partial": QValidator.State.Intermediate,
    "wrong": QValidator.State.Invalid,
}


class DateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typing = False  # a date being typed freely, not section by section
        self._before = EMPTY  # the date the field had when that typing began
        self.setLocale(QLocale(QLocale.Language.French, QLocale.Country.France))
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY)
        self.setSpecialValueText("jj/mm/aaaa")  # shown when the date is empty
        self.setDate(EMPTY)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, self.sizePolicy().verticalPolicy())

    def value(self) -> date | None:
        current = self.date()
        if current == EMPTY:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(EMPTY if value is None else QDate(value.year, value.month, value.day))

    # Typing a date freely --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed, line = event.text(), self.lineEdit()
        if typed[:1].isdigit() and not self._typing:
            whole = line.selectedText() == line.text()
            if line.text() == self.specialValueText() or (whole and line.text()):
                self._typing, self._before = True, self.date()
                self._show("")
        if self._typing and len(typed) == 1 and (typed.isdigit() or typed in _SEPARATORS):
            wanted = line.text() + typed
            if typed_date(wanted).state != "wrong":
                self._show(wanted)
            self._finish_if_complete()
            event.accept()
            return
        if self._typing and event.key() == Qt.Key.Key_Backspace:
            self._show(line.text()[:-1])
            event.accept()
            return
        if self._typing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._complete_typing()
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        if self._typing:
            self._complete_typing()  # Tab after a typed date leaves the field, whatever section
        elif self.date() != EMPTY:
            return super().focusNextPrevChild(forward)  # Qt's walk: day, month, year
        # « jj/mm/aaaa » has no sections to walk: Qt's walk would keep Tab here for ever
        return QAbstractSpinBox.focusNextPrevChild(self, forward)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._complete_typing()
        super().focusOutEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.date() == EMPTY:  # arrows on an empty field start from today
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._typing:  # the date changes once typed whole, not on the way
            return _STATES[typed_date(text).state], text, pos
        if not text.strip():
            return QValidator.State.Acceptable, text, pos  # emptied: no date
        return super().validate(text, pos)

    def dateTimeFromText(self, text: str) -> QDateTime:
        if not text.strip():
            return QDateTime(EMPTY, QTime(0, 0))
        typed = typed_date(text)
        if not self._typing or typed.value is None:
            return super().dateTimeFromText(text)
        day = typed.value
        return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))

    def _show(self, text: str) -> None:
        """Text typed so far, kept from the spin box's section logic until it is a date."""
        line = self.lineEdit()
        blocked = line.blockSignals(True)
        line.setText(text)
        line.blockSignals(blocked)

    def _finish_if_complete(self) -> None:
        typed = typed_date(self.lineEdit().text())
        if typed.value is not None:
            self._settle(typed.value)

    def _complete_typing(self) -> None:
        """The field left or Entrée pressed: a two-digit year is read; text that cannot make a
        date gives back the date the field had, no text leaves it empty."""
        if self._typing:
            text = self.lineEdit().text()
            typed = typed_date(text, finished=True)
            self._settle(typed.value if typed.value or not text.strip() else self._before)

    def _settle(self, value: date | QDate | None) -> None:
        self._typing = False
        self._show("")  # so that the spin box rewrites its text and cursor from the date
        if isinstance(value, QDate):
            self.setDate(value)
        else:
            self.set_value(value)
        self.setCurrentSection(QDateEdit.Section.YearSection)  # Tab then leaves the field
