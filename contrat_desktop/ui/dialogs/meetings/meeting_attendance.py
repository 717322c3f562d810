"""The meeting editor's attendance tab: the convened persons (the body's members and
invitees), their presence, who represents the absent, and the quorum and conseil citoyen
presence computed live."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.meetings import Attendance, Presence
from contrat_desktop.domain.persons import Person, Seat
from contrat_desktop.domain.quorum import check_quorum, council_warning
from contrat_desktop.operations.meeting_context import MeetingContext
from contrat_desktop.ui.widgets.table_editing import (
    editable_table,
    set_cell_widget,
    set_table_editable,
)

HEADERS = ["Nom", "Organisation", "Fonction", "Qualité", "Présence", "Représenté(e) par"]
PRESENCE, REPRESENTED_BY = 4, 5
WARNING_STYLE = "color: #5c4400; background: #fff3cd; padding: 4px;"


class InviteDialog(QDialog):
    """Invite someone already known, or a new person (name, organisation, role)."""

    def __init__(self, persons: list[Person], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inviter une personne")
        self.known = QComboBox(self)
        self.known.addItem("(nouvelle personne)", None)
        for person in sorted(persons, key=lambda p: p.name):
            label = f"{person.name} — {person.organisation}" if person.organisation else person.name
            self.known.addItem(label, person.id)
        self.name = QLineEdit(self)
        self.organisation = QLineEdit(self)
        self.role = QLineEdit(self)
        self.known.currentIndexChanged.connect(self._toggle)
        form = QFormLayout(self)
        form.addRow("Personne &connue :", self.known)
        form.addRow("&Nom :", self.name)
        form.addRow("&Organisation :", self.organisation)
        form.addRow("&Fonction :", self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _toggle(self) -> None:
        new = self.known.currentData() is None
        for edit in (self.name, self.organisation, self.role):
            edit.setEnabled(new)

    def choice(self) -> int | Person:
        """A known person's id, or the new person to create."""
        if self.known.currentData() is not None:
            return int(self.known.currentData())
        return Person(self.name.text().strip(), self.organisation.text().strip(), self.role.text())


class MeetingAttendanceTab(QWidget):
    changed = Signal()

    def __init__(
        self, create_person: Callable[[Person], Person | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.create_person = create_person
        self.context: MeetingContext | None = None
        self.rows: list[Attendance] = []
        self.starts_at: datetime | None = None  # the council is not said absent before
        self.editable = True
        self.table = editable_table(HEADERS, "Personnes convoquées et présences", self)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((190, 220, 170, 170, 130)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self._item_changed)
        self.invite_button = QPushButton("&Inviter une personne…", self)
        self.invite_button.clicked.connect(self.invite)
        self.remove_button = QPushButton("&Retirer l'invité(e)", self)
        self.remove_button.clicked.connect(self.remove_current)
        self.all_present_button = QPushButton("&Tous présents", self)
        self.all_present_button.clicked.connect(self.all_present)
        self.quorum = QLabel(self)
        self.quorum.setAccessibleName("Quorum")
        self.council = QLabel(self)
        self.council.setWordWrap(True)
        self.council.setStyleSheet(WARNING_STYLE)
        self.council.setAccessibleName("Présence du conseil citoyen")
        buttons = QHBoxLayout()
        for button in (self.invite_button, self.remove_button, self.all_present_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.quorum)
        layout.addWidget(self.council)
        self._loading = False

    # content -------------------------------------------------------------------------
    def load(self, rows: tuple[Attendance, ...], context: MeetingContext) -> None:
        self.context = context
        names = {pid: p.name for pid, p in context.persons.items()}
        self.rows = sorted(rows, key=lambda a: (a.invited, names.get(a.person_id, "")))
        self._show()

    def collect(self) -> tuple[Attendance, ...]:
        return tuple(self.rows)

    def _show(self) -> None:
        assert self.context is not None
        seats = {m.person_id: m.seat for m in self.context.members}
        self._loading = True
        self.table.setRowCount(len(self.rows))
        for row, attendance in enumerate(self.rows):
            person = self.context.persons.get(attendance.person_id) or Person("?")
            seat = seats.get(attendance.person_id)
            quality = "Invité(e)" if seat is None else Seat(seat).label
            if person.council_member:
                quality += " · conseil citoyen"
            for column, text in enumerate((person.name, person.organisation, person.role, quality)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            combo = QComboBox(self.table)
            combo.setAccessibleName(f"Présence de {person.name}")
            for presence in Presence:
                combo.addItem(presence.label, presence.value)
            combo.setCurrentIndex(combo.findData(attendance.presence.value))
            combo.setEnabled(self.editable)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._presence_changed(c))
            set_cell_widget(self.table, row, PRESENCE, combo)
            self.table.setItem(row, REPRESENTED_BY, QTableWidgetItem(attendance.represented_by))
        self._loading = False
        self._refresh_checks()

    def _presence_changed(self, combo: QComboBox) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, PRESENCE) is combo:
                self.rows[row] = replace(self.rows[row], presence=Presence(combo.currentData()))
        self._refresh_checks()
        self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != REPRESENTED_BY:
            return
        row = item.row()
        self.rows[row] = replace(self.rows[row], represented_by=item.text().strip())
        self.changed.emit()

    def _refresh_checks(self) -> None:
        if self.context is None:
            return
        context = self.context
        quorum = check_quorum(context.body, context.members, self.rows)
        came = sum(1 for a in self.rows if a.presence is Presence.PRESENT)
        present = f" {came} personne(s) présente(s) sur {len(self.rows)}." if quorum.entered else ""
        self.quorum.setText(quorum.message + present)
        held = self.starts_at is None or self.starts_at <= datetime.now()
        warning = council_warning(
            context.body, context.steering, self.rows, context.persons, held=held
        )
        self.council.setText(warning or "")
        self.council.setVisible(bool(warning))

    def set_start(self, starts_at: datetime) -> None:
        """When the meeting starts (moved in the « Réunion » tab): the warnings follow."""
        self.starts_at = starts_at
        self._refresh_checks()

    def errors(self) -> list[str]:
        found = []
        for attendance in self.rows:
            for problem in attendance.problems():
                name = self.context.persons[attendance.person_id].name if self.context else ""
                found.append(f"Présences, {name} : {problem}")
        return found

    # editing -------------------------------------------------------------------------
    def set_presence(self, person_id: int, presence: Presence, represented_by: str = "") -> None:
        """What a user does with the row's combo (and the next cell), for one person."""
        row = next(i for i, a in enumerate(self.rows) if a.person_id == person_id)
        if represented_by:
            self.table.item(row, REPRESENTED_BY).setText(represented_by)
        combo = self.table.cellWidget(row, PRESENCE)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(presence.value))

    def all_present(self) -> None:
        self.rows = [replace(a, presence=Presence.PRESENT, represented_by="") for a in self.rows]
        self._show()
        self.changed.emit()

    def invite(self, choice: int | Person | None = None) -> None:
        if self.context is None:
            return
        convened = {a.person_id for a in self.rows}
        if choice is None:
            others = [p for pid, p in self.context.persons.items() if pid not in convened]
            dialog = InviteDialog(others, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        if isinstance(choice, Person):
            created = self.create_person(choice)
            if created is None or created.id is None:
                return  # refused: the message was shown
            self.context.persons[created.id] = created
            choice = created.id
        if choice in convened:
            return
        meeting_id = self.rows[0].meeting_id if self.rows else 0
        self.rows.append(Attendance(meeting_id, choice, invited=True))
        self._show()
        self.table.selectRow(len(self.rows) - 1)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self.context is None:
            return
        if not self.rows[row].invited:
            self.quorum.setText(
                "Seul(e) un(e) invité(e) peut être retiré(e) : un membre de l'instance reste "
                "convoqué (indiquez « Excusé(e) » ou « Absent(e) »)."
            )
            return
        del self.rows[row]
        self._show()
        self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        set_table_editable(self.table, editable)
        for row in range(self.table.rowCount()):  # the lists of the rows shown
            widget = self.table.cellWidget(row, PRESENCE)
            if widget is not None:
                widget.setEnabled(editable)
        for button in (self.invite_button, self.remove_button, self.all_present_button):
            button.setEnabled(editable)
