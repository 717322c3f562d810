"""The editor of a conseil citoyen: name, districts covered, recognition arrêté, host
structure, internal rules, installation and renewal dates (undoable, like every record)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from contrat_desktop.domain.council import CitizenCouncil
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.council_records import find_council, load_council, write_council
from contrat_desktop.operations.settings import load_districts
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit

T = TypeVar("T")


class DatedRecordDialog(RecordDialog[T]):
    """A record editor whose date fields (``DateEdit``) count as changes too."""

    def _track(self, editor: QWidget) -> None:
        if isinstance(editor, QDateEdit):
            editor.dateChanged.connect(lambda *_args: self._changed())
            return
        super()._track(editor)


class CouncilDialog(DatedRecordDialog[CitizenCouncil]):
    entity = "council"
    noun = "ce conseil citoyen"

    def __init__(
        self, session: DossierSession, council_id: int | None, parent: QWidget | None = None
    ) -> None:
        record = load_council(session.dossier, council_id) if council_id else None
        super().__init__(session, record, parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("ex. Conseil citoyen des Hautes-Noues")
        self.districts = QListWidget(self)
        self.districts.setMaximumHeight(110)
        for district in load_districts(session.dossier):
            item = QListWidgetItem(f"{district.name} ({district.code})", self.districts)
            item.setData(Qt.ItemDataRole.UserRole, district.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.districts.itemChanged.connect(lambda _item: self._changed())
        self.act_number = QLineEdit(self)
        self.act_number.setPlaceholderText("ex. 2015/1234")
        self.act_date = DateEdit(self)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("ex. Centre social Arc-en-ciel")
        self.rules = QPlainTextEdit(self)
        self.rules.setPlaceholderText("Règlement intérieur, charte, modalités de fonctionnement…")
        self.rules.setMaximumHeight(90)
        self.installed = DateEdit(self)
        self.renewal = DateEdit(self)
        self.add_field("&Nom* :", "name", self.name, "Nom du conseil citoyen")
        self.add_field("&Quartiers couverts* :", "district_codes", self.districts, "Quartiers")
        self.add_field("N° de l'&arrêté préfectoral :", "act", self.act_number, "Arrêté")
        self.add_field("Date de l'arrêt&é :", "act_date", self.act_date, "Date de l'arrêté")
        self.add_field("Structure &porteuse :", "host", self.host, "Structure porteuse")
        self.add_field("&Règlement intérieur :", "rules", self.rules, "Règlement intérieur")
        self.add_field("&Installé le :", "installed_on", self.installed, "Date d'installation")
        self.add_field(
            "Re&nouvellement prévu le :", "renewal_due_on", self.renewal, "Date de renouvellement"
        )
        self.resize(580, 520)
        self.finish()

    def _codes(self) -> tuple[str, ...]:
        items = [self.districts.item(n) for n in range(self.districts.count())]
        return tuple(
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    def load(self, record: CitizenCouncil | None) -> None:
        council = record or CitizenCouncil(name="")
        self.name.setText(council.name)
        for n in range(self.districts.count()):
            item = self.districts.item(n)
            held = item.data(Qt.ItemDataRole.UserRole) in council.district_codes
            item.setCheckState(Qt.CheckState.Checked if held else Qt.CheckState.Unchecked)
        self.act_number.setText(council.recognition_act_number)
        self.act_date.set_value(council.recognition_act_date)
        self.host.setText(council.host_structure)
        self.rules.setPlainText(council.internal_rules)
        self.installed.set_value(council.installed_on)
        self.renewal.set_value(council.renewal_due_on)

    def wanted(self) -> CitizenCouncil:
        return replace(
            self.record or CitizenCouncil(name=""),
            name=self.name.text().strip(),
            district_codes=self._codes(),
            recognition_act_number=self.act_number.text().strip(),
            recognition_act_date=self.act_date.value(),
            host_structure=self.host.text().strip(),
            internal_rules=self.rules.toPlainText().strip(),
            installed_on=self.installed.value(),
            renewal_due_on=self.renewal.value(),
        )

    def problems(self) -> list[ValidationError]:
        return self.wanted().problems()

    def write(
        self,
    ) -> Callable[[Dossier, CitizenCouncil | None, CitizenCouncil | None], CitizenCouncil | None]:
        return write_council

    def fetch(self, record: CitizenCouncil) -> CitizenCouncil | None:
        return find_council(self.session.dossier, record.id or 0)

    def describe(self, record: CitizenCouncil | None) -> str:
        if record is None or not record.name:
            return "Nouveau conseil citoyen"
        return record.name


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(lambda session: CouncilDialog(session, None).exec())
