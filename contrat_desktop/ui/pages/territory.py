"""The « Territoire » tab of the settings: the contract's communes and its districts (QPV),
each with the number of actions that target it; edits go through the undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.contract import Commune, District
from contrat_desktop.operations.territory import (
    Territory,
    load_territory,
    write_commune,
    write_district,
)
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand


class TerritoryEditor(QWidget):
    entity = "district"

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.territory = Territory((), (), {})
        intro = QLabel(
            "Les communes couvertes par le contrat et leurs quartiers prioritaires (QPV). Un "
            "contrat intercommunal en compte plusieurs ; les filtres, exports et documents "
            "les reprennent.",
            self,
        )
        intro.setWordWrap(True)
        self.communes = read_only_table(
            ["Commune", "Code INSEE", "Quartiers (QPV)"], "Communes du contrat"
        )
        self.communes.doubleClicked.connect(lambda _index: self.edit_commune())
        self.districts = read_only_table(
            ["Code", "Nom", "Géographie", "Population", "Communes", "Actions"],
            "Quartiers prioritaires",
        )
        self.districts.doubleClicked.connect(lambda _index: self.edit_district())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(
            self._group(
                "Communes du contrat",
                self.communes,
                ("Ajouter une &commune…", lambda: self.edit_commune(new=True)),
                ("&Modifier la commune…", self.edit_commune),
                ("&Retirer la commune", self.remove_commune),
            ),
            1,
        )
        layout.addWidget(
            self._group(
                "Quartiers prioritaires (QPV)",
                self.districts,
                ("Ajouter un &quartier…", lambda: self.edit_district(new=True)),
                ("Mo&difier le quartier…", self.edit_district),
                ("&Supprimer le quartier", self.remove_district),
            ),
            2,
        )
        session.changed.connect(lambda entity: entity == self.entity and self.reload())
        self.reload()

    def _group(
        self, title: str, table: QTableWidget, *buttons: tuple[str, Callable[[], None]]
    ) -> QGroupBox:
        group = QGroupBox(title, self)
        row = QHBoxLayout()
        for text, slot in buttons:
            button = QPushButton(text, group)
            button.clicked.connect(slot)
            button.setEnabled(not self.session.read_only)
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(group)
        column.addWidget(table)
        column.addLayout(row)
        return group

    def reload(self) -> None:
        territory = self.territory = load_territory(self.session.dossier)
        counts = territory.actions_by_district
        commune_rows = []
        for commune in territory.communes:
            attached = territory.districts_of(commune.insee_code)
            codes = ", ".join(d.code for d in attached) or "aucun"
            commune_rows.append([commune.name, commune.insee_code, codes])
        fill(self.communes, commune_rows)
        fill(
            self.districts,
            [
                [
                    d.code,
                    d.name,
                    str(d.generation),
                    format_count(d.population) if d.population else "—",
                    territory.commune_names(d) or "à rattacher",
                    format_count(counts.get(d.id or 0, 0)),
                ]
                for d in territory.districts
            ],
        )

    def _selected(self, table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_commune(self) -> Commune | None:
        row = self._selected(self.communes)
        return self.territory.communes[row] if row is not None else None

    def selected_district(self) -> District | None:
        row = self._selected(self.districts)
        return self.territory.districts[row] if row is not None else None

    def edit_commune(self, new: bool = False) -> None:
        from contrat_desktop.ui.dialogs.directory.territory_dialogs import CommuneDialog

        commune = None if new else self.selected_commune()
        if not new and commune is None:
            QMessageBox.information(self, "Communes", "Choisissez d'abord une commune.")
            return
        CommuneDialog(self.session, commune, self).exec()

    def edit_district(self, new: bool = False) -> None:
        from contrat_desktop.ui.dialogs.directory.territory_dialogs import DistrictDialog

        district = None if new else self.selected_district()
        if not new and district is None:
            QMessageBox.information(self, "Quartiers", "Choisissez d'abord un quartier.")
            return
        DistrictDialog(self.session, district, self).exec()

    def remove_commune(self) -> None:
        commune = self.selected_commune()
        if commune is not None and self._confirm(f"Retirer la commune {commune.name} du contrat ?"):
            self._push(f"Retirer la commune {commune.name}", write_commune, commune)

    def remove_district(self) -> None:
        district = self.selected_district()
        if district is not None and self._confirm(f"Supprimer le quartier {district.code} ?"):
            self._push(f"Supprimer le quartier {district.code}", write_district, district)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, "Territoire du contrat", question)
        return answer == QMessageBox.StandardButton.Yes

    def _push(self, text: str, write, before) -> None:  # type: ignore[no-untyped-def]
        """A removal through the undo stack; a refusal is explained by the command."""
        command = SaveRecordCommand(self.session, text, self.entity, write, before, None, self)
        self.session.push(command)
