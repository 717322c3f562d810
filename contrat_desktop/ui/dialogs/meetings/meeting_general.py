"""The meeting editor's first tab: body, date and time, duration, place, title, who writes
the minutes, and the next meeting."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.meetings import Meeting

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


class MeetingGeneralTab(QWidget):
    changed = Signal()
    body_changed = Signal(int)

    def __init__(self, bodies: list[Body], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QComboBox(self)
        for body in bodies:
            self.body.addItem(body.name, body.id)
        self.starts_at = QDateTimeEdit(self)
        self.starts_at.setLocale(FRENCH)
        self.starts_at.setDisplayFormat("dddd dd/MM/yyyy 'à' HH:mm")
        self.starts_at.setCalendarPopup(True)
        self.duration = QSpinBox(self)
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        self.place = QLineEdit(self)
        self.place.setPlaceholderText("ex. Hôtel de ville, salle du conseil")
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("ex. Programmation 2026 : examen des dossiers")
        self.author = QLineEdit(self)
        self.author.setPlaceholderText("qui rédige le compte rendu")
        self.next_meeting = QLineEdit(self)
        self.next_meeting.setPlaceholderText("ex. Automne 2026, date à fixer")
        form = QFormLayout(self)
        form.addRow("&Instance :", self.body)
        form.addRow("&Date et heure :", self.starts_at)
        form.addRow("Durée &prévue :", self.duration)
        form.addRow("&Lieu :", self.place)
        form.addRow("&Objet :", self.title)
        form.addRow("&Rédacteur du compte rendu :", self.author)
        form.addRow("Prochaine &réunion :", self.next_meeting)
        for edit in (self.place, self.title, self.author, self.next_meeting):
            edit.textEdited.connect(self.changed)
        self.starts_at.dateTimeChanged.connect(self.changed)
        self.duration.valueChanged.connect(self.changed)
        self.body.currentIndexChanged.connect(self._body_changed)

    def _body_changed(self) -> None:
        if self.body.currentData() is not None:
            self.body_changed.emit(int(self.body.currentData()))
        self.changed.emit()

    def load(self, meeting: Meeting, *, new: bool) -> None:
        for widget in (self.body, self.starts_at, self.duration):
            widget.blockSignals(True)
        self.body.setCurrentIndex(max(self.body.findData(meeting.body_id), 0))
        self.body.setEnabled(new)  # convened members follow the body: chosen once
        at = meeting.starts_at
        self.starts_at.setDateTime(QDateTime(at.year, at.month, at.day, at.hour, at.minute, 0))
        self.duration.setValue(meeting.duration_minutes)
        for widget in (self.body, self.starts_at, self.duration):
            widget.blockSignals(False)
        self.place.setText(meeting.place)
        self.title.setText(meeting.title)
        self.author.setText(meeting.author)
        self.next_meeting.setText(meeting.next_meeting)

    def starts(self) -> datetime:
        value = self.starts_at.dateTime()
        day, time = value.date(), value.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())

    def collect(self, meeting: Meeting) -> Meeting:
        return replace(
            meeting,
            body_id=int(self.body.currentData() or meeting.body_id),
            starts_at=self.starts(),
            duration_minutes=self.duration.value(),
            place=self.place.text().strip(),
            title=self.title.text().strip(),
            author=self.author.text().strip(),
            next_meeting=self.next_meeting.text().strip(),
        )

    def set_editable(self, editable: bool, *, new: bool) -> None:
        for edit in (self.place, self.title, self.author, self.next_meeting):
            edit.setReadOnly(not editable)
        self.starts_at.setReadOnly(not editable)
        self.duration.setReadOnly(not editable)
        self.body.setEnabled(editable and new)
