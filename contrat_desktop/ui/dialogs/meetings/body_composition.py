"""The composition of a body in its editor: members in order, with their organisation and
role (edited in place) and their seat (titular or substitute); members added from the known
persons or as a new person, and removed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.persons import BodyMember, Person, Seat
from contrat_desktop.operations.meeting_context import add_person, load_person, load_persons
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.meetings.meeting_attendance import InviteDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.table_editing import (
    editable_table,
    set_cell_widget,
    set_table_editable,
)

HEADERS = ["Nom", "Organisation", "Fonction", "Siège"]
NAME, ORGANISATION, ROLE, SEAT = range(4)


class BodyComposition(QWidget):
    changed = Signal()

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.body_id = 0
        self.members: list[BodyMember] = []
        self.persons: dict[int, Person] = {}
        self.editable = not session.read_only
        self._loading = False
        self.table = editable_table(HEADERS, "Composition de l'instance", self)
        for column, width in enumerate((200, 230, 230)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton("&Ajouter un membre…", self)
        self.add_button.clicked.connect(lambda: self.add_member())
        self.remove_button = QPushButton("&Retirer le membre", self)
        self.remove_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def load(
        self, body_id: int, members: tuple[BodyMember, ...], persons: tuple[Person, ...]
    ) -> None:
        self.body_id = body_id
        self.members = list(members)
        self.persons = {p.id: p for p in persons if p.id is not None}
        self._show()

    def collect(self) -> tuple[tuple[BodyMember, ...], tuple[Person, ...]]:
        return tuple(self.members), tuple(self.persons[m.person_id] for m in self.members)

    def _show(self) -> None:
        self._loading = True
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            person = self.persons.get(member.person_id) or Person("?")
            name = QTableWidgetItem(person.name)
            name.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, NAME, name)
            self.table.setItem(row, ORGANISATION, QTableWidgetItem(person.organisation))
            self.table.setItem(row, ROLE, QTableWidgetItem(person.role))
            seat = QComboBox(self.table)
            seat.setAccessibleName(f"Siège de {person.name}")
            for choice in Seat:
                seat.addItem(choice.label, choice.value)
            seat.setCurrentIndex(seat.findData(member.seat.value))
            seat.setEnabled(self.editable)
            seat.currentIndexChanged.connect(lambda _i, box=seat: self._seat_changed(box))
            set_cell_widget(self.table, row, SEAT, seat)
        self._loading = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        person_id = self.members[item.row()].person_id
        person = self.persons[person_id]
        text = item.text().strip()
        changed = (
            replace(person, organisation=text)
            if item.column() == ORGANISATION
            else replace(person, role=text)
        )
        self.persons[person_id] = changed
        self.changed.emit()

    def _seat_changed(self, box: QComboBox) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, SEAT) is box:
                self.members[row] = replace(self.members[row], seat=Seat(box.currentData()))
        self.changed.emit()

    def add_member(self, choice: int | Person | None = None) -> None:
        present = {m.person_id for m in self.members}
        if choice is None:
            known = [p for p in load_persons(self.session.dossier) if p.id not in present]
            dialog = InviteDialog(known, self)
            dialog.setWindowTitle("Ajouter un membre")
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        if isinstance(choice, Person):
            try:
                choice = add_person(self.session.dossier, choice)
            except (ValidationError, DossierError) as error:
                QMessageBox.warning(self, "Ajout impossible", str(error))
                return
        person = (
            choice if isinstance(choice, Person) else load_person(self.session.dossier, int(choice))
        )
        if person.id is None or person.id in present:
            return
        self.persons[person.id] = person
        self.members.append(BodyMember(self.body_id, person.id))
        self._show()
        self.table.selectRow(len(self.members) - 1)
        self.changed.emit()

    def remove_member(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.members):
            removed = self.members.pop(row)
            self.persons.pop(removed.person_id, None)
            self._show()
            self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        set_table_editable(self.table, editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        for row in range(self.table.rowCount()):
            seat = self.table.cellWidget(row, SEAT)
            if seat is not None:
                seat.setEnabled(editable)
