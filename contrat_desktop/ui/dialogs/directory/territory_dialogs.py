"""Editors of the contract's territory: a commune (name, INSEE code) and a district (QPV code,
name, population, communes), each code checked as it is typed; saved through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QSpinBox, QWidget

from contrat_desktop.domain.contract import Commune, District
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.territory import (
    commune_problems,
    district_generation,
    district_problems,
    normalise_code,
)
from contrat_desktop.operations.territory import (
    find_commune,
    find_district,
    load_territory,
    write_commune,
    write_district,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.session import DossierSession


class CommuneDialog(RecordDialog[Commune]):
    entity = "district"  # the filters and lists that name districts name their communes too
    noun = "cette commune"

    def __init__(
        self, session: DossierSession, commune: Commune | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, commune, parent)
        self.others = [
            c for c in load_territory(session.dossier).communes if commune is None or c != commune
        ]
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("ex. Vitry-sur-Seine")
        self.insee_code = QLineEdit(self)
        self.insee_code.setPlaceholderText("5 caractères, ex. 94081")
        self.insee_code.setMaxLength(5)
        self.add_field("&Nom de la commune* :", "name", self.name, "Nom de la commune")
        self.add_field("Code &INSEE* :", "insee_code", self.insee_code, "Code INSEE de la commune")
        self.resize(460, 200)
        self.finish()

    def load(self, record: Commune | None) -> None:
        self.name.setText(record.name if record else "")
        self.insee_code.setText(record.insee_code if record else "")

    def wanted(self) -> Commune:
        base = self.record or Commune(insee_code="", name="")
        return replace(base, name=self.name.text().strip(), insee_code=self.insee_code.text())

    def problems(self) -> list[ValidationError]:
        wanted = self.wanted()
        return commune_problems(
            replace(wanted, insee_code=normalise_code(wanted.insee_code)), self.others
        )

    def write(self) -> Callable[[Dossier, Commune | None, Commune | None], Commune | None]:
        return write_commune

    def fetch(self, record: Commune) -> Commune | None:
        return find_commune(self.session.dossier, record.id or 0)

    def describe(self, record: Commune | None) -> str:
        return f"Commune {record.name}" if record and record.name else "Nouvelle commune"


class DistrictDialog(RecordDialog[District]):
    entity = "district"
    noun = "ce quartier"

    def __init__(
        self, session: DossierSession, district: District | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, district, parent)
        self.territory = load_territory(session.dossier)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("ex. QP094043 (2015) ou QN09401M (2024)")
        self.code.setMaxLength(8)
        self.generation = QLabel(self)
        self.generation.setAccessibleName("Géographie prioritaire du quartier")
        self.code.textChanged.connect(self._show_generation)
        self.name = QLineEdit(self)
        self.population = QSpinBox(self)
        self.population.setRange(0, 10_000_000)
        self.population.setGroupSeparatorShown(True)
        self.population.setSpecialValueText("non renseignée")
        self.communes = QListWidget(self)
        self.communes.setMaximumHeight(120)
        for commune in self.territory.communes:
            item = QListWidgetItem(f"{commune.name} ({commune.insee_code})", self.communes)
            item.setData(Qt.ItemDataRole.UserRole, commune.insee_code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.communes.itemChanged.connect(lambda _item: self._changed())
        self.add_field("&Code du quartier* :", "code", self.code, "Code du quartier (QPV)")
        self.form.addRow("Géographie :", self.generation)
        self.add_field("&Nom* :", "name", self.name, "Nom du quartier")
        self.add_field("&Population :", "population", self.population, "Population du quartier")
        self.add_field("Co&mmunes* :", "commune_codes", self.communes, "Communes du quartier")
        self.resize(520, 380)
        self.finish()

    def _show_generation(self) -> None:
        generation = district_generation(normalise_code(self.code.text()))
        self.generation.setText(
            f"quartier prioritaire de {generation}" if generation else "selon le code saisi"
        )

    def load(self, record: District | None) -> None:
        district = record or District(code="", name="")
        self.code.setText(district.code)
        self.name.setText(district.name)
        self.population.setValue(district.population or 0)
        chosen = set(district.commune_codes)
        if record is None and len(self.territory.communes) == 1:
            chosen = {self.territory.communes[0].insee_code}  # the usual one-commune contract
        for row in range(self.communes.count()):
            item = self.communes.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._show_generation()

    def wanted(self) -> District:
        base = self.record or District(code="", name="")
        code = normalise_code(self.code.text())
        checked = [
            self.communes.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.communes.count())
            if self.communes.item(row).checkState() == Qt.CheckState.Checked
        ]
        return replace(
            base,
            code=code,
            name=self.name.text().strip(),
            generation=district_generation(code) or base.generation,
            population=self.population.value() or None,
            commune_codes=tuple(checked),
        )

    def problems(self) -> list[ValidationError]:
        return district_problems(self.wanted(), self.territory.communes)

    def write(self) -> Callable[[Dossier, District | None, District | None], District | None]:
        return write_district

    def fetch(self, record: District) -> District | None:
        return find_district(self.session.dossier, record.id or 0)

    def describe(self, record: District | None) -> str:
        return f"Quartier {record.code}" if record and record.code else "Nouveau quartier"


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(
        lambda session: DistrictDialog(session, load_territory(session.dossier).districts[0]).exec()
    )
