"""The bodies (instances) and their composition: kind, name, chairs, minimum number of
meetings a year, quorum rule, conseil citoyen required; members with organisation, role and
seat (titular or substitute). Each body is saved as one sheet through the undo stack."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.bodies import Body
from contrat_desktop.operations.body_sheet import (
    BodySheet,
    has_meetings,
    load_bodies,
    load_body_sheet,
    write_body_sheet,
)
from contrat_desktop.operations.settings import body_kinds
from contrat_desktop.ui.dialogs.meetings.body_composition import BodyComposition
from contrat_desktop.ui.dialogs.unsaved import GuardedDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand
from contrat_desktop.ui.widgets.table_editing import commit_open_editors

QUORUM_MODES = ["Pas de quorum", "Nombre de membres", "Part des titulaires (%)"]
ERROR_STYLE = "color: #b71c1c; background: #fdecea; padding: 6px; border: 1px solid #e57373;"


class BodiesDialog(GuardedDialog):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Instances et composition")
        self.session = session
        self.current: BodySheet | None = None
        self.dirty = False
        self._loading = False
        self.list = QListWidget(self)
        self.list.setAccessibleName("Instances")
        self.list.setMaximumWidth(340)
        self.list.setWordWrap(True)
        self.new_button = QPushButton("&Nouvelle instance", self)
        self.new_button.clicked.connect(self.new_body)
        self.delete_button = QPushButton("Supprimer l'instance…", self)
        self.delete_button.clicked.connect(self.delete_body)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.delete_button)
        self.kind = QComboBox(self)
        for kind in body_kinds(session.dossier):
            self.kind.addItem(kind.label, kind.code)
        self.name = QLineEdit(self)
        self.chairs = QLineEdit(self)
        self.chairs.setPlaceholderText("ex. Le maire et le préfet")
        self.min_meetings = QSpinBox(self)
        self.min_meetings.setRange(0, 52)
        self.min_meetings.setSuffix(" par an")
        self.quorum_mode = QComboBox(self)
        self.quorum_mode.addItems(QUORUM_MODES)
        self.quorum_value = QSpinBox(self)
        self.quorum_value.setRange(1, 100)
        self.council = QCheckBox("Le conseil citoyen doit y être représenté", self)
        quorum = QHBoxLayout()
        quorum.addWidget(self.quorum_mode)
        quorum.addWidget(self.quorum_value)
        form = QFormLayout()
        form.addRow("&Type :", self.kind)
        form.addRow("&Nom :", self.name)
        form.addRow("&Présidence :", self.chairs)
        form.addRow("Réunions &minimum :", self.min_meetings)
        quorum_label = QLabel("&Quorum :", self)
        quorum_label.setBuddy(self.quorum_mode)
        form.addRow(quorum_label, quorum)
        form.addRow("", self.council)
        self.composition = BodyComposition(session, self)
        self.composition.changed.connect(self._mark_dirty)
        self.messages = QLabel(self)
        self.messages.setWordWrap(True)
        self.messages.setStyleSheet(ERROR_STYLE)
        self.messages.hide()
        right = QVBoxLayout()
        right.addWidget(self.messages)
        right.addLayout(form)
        right.addWidget(QLabel("<b>Composition</b>", self))
        right.addWidget(self.composition, 1)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right, 1)
        self.add_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        for edit in (self.name, self.chairs):
            edit.textEdited.connect(self._mark_dirty)
        for spin in (self.min_meetings, self.quorum_value):
            spin.valueChanged.connect(self._mark_dirty)
        self.kind.currentIndexChanged.connect(self._mark_dirty)
        self.quorum_mode.currentIndexChanged.connect(self._quorum_mode_changed)
        self.council.toggled.connect(self._mark_dirty)
        self.list.currentRowChanged.connect(self._switch)
        self.resize(1120, 640)
        self._fill_list()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.new_body()
        self._apply_read_only()

    # list ----------------------------------------------------------------------------
    def _fill_list(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for body in load_bodies(self.session.dossier):
            self.list.addItem(body.name)
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, body.id)
        self.list.blockSignals(False)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == select:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)

    def _switch(self, row: int) -> None:
        if row < 0:
            return
        body_id = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        if self.current is not None and self.current.body.id == body_id:
            return
        if self.dirty and not self.ask_save("avant de changer d'instance"):
            self._fill_list(self.current.body.id if self.current else None)
            return
        self._load(load_body_sheet(self.session.dossier, int(body_id)))

    def new_body(self) -> None:
        if self.dirty and not self.ask_save("avant de changer d'instance"):
            return
        code = self.kind.itemData(0) or "autre"
        self.current = None
        self._load(BodySheet(Body(str(code), "")))
        self.list.clearSelection()
        self.name.setFocus()

    # content -------------------------------------------------------------------------
    def _load(self, sheet: BodySheet) -> None:
        self._loading = True
        if sheet.body.id is not None:
            self.current = sheet
        body = sheet.body
        self.kind.setCurrentIndex(max(self.kind.findData(body.kind_code), 0))
        self.name.setText(body.name)
        self.chairs.setText(body.chairs)
        self.min_meetings.setValue(body.min_meetings_per_year)
        if body.quorum_count is not None:
            self.quorum_mode.setCurrentIndex(1)
            self.quorum_value.setValue(body.quorum_count)
        elif body.quorum_fraction_percent is not None:
            self.quorum_mode.setCurrentIndex(2)
            self.quorum_value.setValue(body.quorum_fraction_percent)
        else:
            self.quorum_mode.setCurrentIndex(0)
        writable = not self.session.read_only
        self._show_quorum_value()
        met = body.id is not None and has_meetings(self.session.dossier, body.id)
        self.kind.setEnabled(writable and not met)
        self.kind.setToolTip(
            "Le type ne change plus : l'instance a déjà des réunions (un COPIL accorde, "
            "un comité technique propose)."
            if met
            else ""
        )
        self.council.setChecked(body.council_required)
        self.composition.load(body.id or 0, sheet.members, sheet.persons)
        self._loading = False
        self.dirty = False
        self.messages.hide()
        self.delete_button.setEnabled(self.current is not None and not self.session.read_only)

    def _show_quorum_value(self) -> None:
        """« Pas de quorum » has no value: the box is hidden rather than showing a stray « 1 »."""
        mode = self.quorum_mode.currentIndex()
        self.quorum_value.setVisible(mode != 0)
        self.quorum_value.setEnabled(not self.session.read_only and mode != 0)
        self.quorum_value.setSuffix(" %" if mode == 2 else " membre(s)")

    def _quorum_mode_changed(self) -> None:
        self._show_quorum_value()
        if self.quorum_mode.currentIndex() == 2 and not self._loading:
            self.quorum_value.setValue(50)
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        if not self._loading:
            self.dirty = True

    # saving --------------------------------------------------------------------------
    def _collect(self) -> BodySheet:
        base = self.current.body if self.current else Body("", "")
        mode, value = self.quorum_mode.currentIndex(), self.quorum_value.value()
        body = replace(
            base,
            kind_code=str(self.kind.currentData()),
            name=self.name.text().strip(),
            chairs=self.chairs.text().strip(),
            min_meetings_per_year=self.min_meetings.value(),
            quorum_count=value if mode == 1 else None,
            quorum_fraction_percent=value if mode == 2 else None,
            council_required=self.council.isChecked(),
        )
        members, persons = self.composition.collect()
        return BodySheet(body=body, members=members, persons=persons)

    def save(self) -> bool:
        if self.session.read_only:
            return False
        commit_open_editors(self)  # Ctrl+S leaves the focus in the cell being typed
        if self.current is not None and not self.dirty:
            return True  # nothing to write: no empty step in the undo history
        wanted = self._collect()
        problems = wanted.problems()
        if problems:
            listed = "\n• ".join(str(p) for p in problems)
            self.messages.setText(f"Enregistrement impossible :\n• {listed}")
            self.messages.show()
            return False
        verb = "Créer" if self.current is None else "Modifier"
        command: SaveRecordCommand[BodySheet] = SaveRecordCommand(
            self.session,
            f"{verb} l'instance « {wanted.body.name} »",
            "meeting",
            write_body_sheet,
            self.current,
            wanted,
            self,
        )
        self.session.push(command)
        if command.error is not None or command.saved is None:
            return False
        self._load(command.saved)
        self._fill_list(command.saved.body.id)
        return True

    def delete_body(self) -> bool:
        if self.current is None or self.session.read_only:
            return False
        name = self.current.body.name
        answer = QMessageBox.question(
            self, "Supprimer l'instance", f"Supprimer l'instance « {name} » et sa composition ?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        command: SaveRecordCommand[BodySheet] = SaveRecordCommand(
            self.session,
            f"Supprimer l'instance « {name} »",
            "meeting",
            write_body_sheet,
            self.current,
            None,
            self,
        )
        self.session.push(command)
        if command.error is not None:
            return False
        self.current = None
        self.dirty = False
        self._fill_list()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.new_body()
        return True

    def _apply_read_only(self) -> None:
        writable = not self.session.read_only
        for widget in (
            self.new_button,
            self.save_button,
            self.min_meetings,
            self.quorum_mode,
            self.quorum_value,
            self.council,
        ):
            widget.setEnabled(writable)
        for edit in (self.name, self.chairs):
            edit.setReadOnly(not writable)
        self.composition.set_editable(writable)
        if not writable:
            self.setWindowTitle(self.windowTitle() + " (lecture seule)")

    def unsaved_question(self, when: str) -> str:
        return f"Cette instance a des modifications non enregistrées. Les enregistrer {when} ?"
