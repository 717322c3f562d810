"""Before the preview of an import: which sheet to read, and which field each column fills."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.exchange.layout import Column, Layout
from contrat_desktop.exchange.workbook_file import SheetInfo
from contrat_desktop.operations.import_plan import ImportPlan

IGNORED = "— ignorer cette colonne —"


class SheetDialog(QDialog):
    """Choose the sheet to import; hidden sheets are listed only on request."""

    def __init__(
        self,
        file_name: str,
        sheets: tuple[SheetInfo, ...],
        detected: str,
        include_hidden: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importer un classeur – feuille")
        self.sheets = sheets
        intro = QLabel(
            f"Le classeur « {file_name} » contient plusieurs feuilles. "
            f"La feuille « {detected} » a été reconnue : choisissez celle à importer.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Feuilles du classeur")
        self.show_hidden = QCheckBox("Afficher aussi les feuilles &masquées", self)
        self.show_hidden.setChecked(include_hidden)
        self.show_hidden.setEnabled(any(sheet.hidden for sheet in sheets))
        self.show_hidden.toggled.connect(lambda _on: self._fill(self.chosen_sheet() or detected))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Continuer")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_hidden)
        layout.addWidget(buttons)
        self._fill(detected)
        self.resize(460, 320)

    def _fill(self, selected: str) -> None:
        self.list.clear()
        for sheet in self.sheets:
            if sheet.hidden and not self.show_hidden.isChecked():
                continue
            item = QListWidgetItem(sheet.name + (" (masquée)" if sheet.hidden else ""))
            item.setData(256, sheet.name)  # Qt.UserRole
            self.list.addItem(item)
            if sheet.name == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def chosen_sheet(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(256))

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(256) == name:
                self.list.setCurrentRow(row)

    @property
    def include_hidden(self) -> bool:
        return self.show_hidden.isChecked()


def column_label(column: Column) -> str:
    return f"{column.group} – {column.header}" if column.group else column.header


class MappingDialog(QDialog):
    """Each column header of the sheet with the field it fills, prefilled and editable."""

    def __init__(self, plan: ImportPlan, layout: Layout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.layout_ = layout
        self.setWindowTitle("Importer un classeur – correspondance des colonnes")
        recognised = sum(1 for index in range(len(plan.headers)) if index in plan.mapping)
        intro = QLabel(
            f"<b>{plan.file_name}</b> – feuille « {plan.sheet} », en-têtes en ligne "
            f"{plan.header_row}, modèle « {layout.title} ».<br>"
            f"{recognised} colonne(s) sur {len(plan.headers)} associée(s) "
            f"(correspondance {plan.mapping_origin.value}). Vérifiez ou corrigez le champ "
            "rempli par chaque colonne ; la correspondance sera retenue pour les prochains "
            "classeurs de même forme.",
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(plan.headers), 3, self)
        self.table.setAccessibleName("Correspondance des colonnes")
        self.table.setHorizontalHeaderLabels(["Colonne du classeur", "État", "Champ rempli"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for index, text in enumerate(plan.headers):
            name = QTableWidgetItem(text or f"(colonne {index + 1} sans en-tête)")
            name.setToolTip(text)
            state = QTableWidgetItem("reconnue" if index in plan.mapping else "non reconnue")
            if index not in plan.mapping:
                font = QFont(state.font())
                font.setBold(True)
                state.setFont(font)
                state.setForeground(QColor("#8a5a00"))
            combo = QComboBox(self.table)
            combo.setAccessibleName(f"Champ rempli par la colonne « {text} »")
            combo.addItem(IGNORED, None)
            for column in layout.columns:
                combo.addItem(column_label(column), column.key)
            found = combo.findData(plan.mapping.get(index))
            combo.setCurrentIndex(max(found, 0))
            combo.currentIndexChanged.connect(self._check)
            self.table.setItem(index, 0, name)
            self.table.setItem(index, 1, state)
            self.table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Voir l'aperçu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout_ = QVBoxLayout(self)
        layout_.addWidget(intro)
        layout_.addWidget(self.table, 1)
        layout_.addWidget(self.problem)
        layout_.addWidget(self.buttons)
        self.resize(820, 560)
        self._check()

    def mapping(self) -> dict[int, str]:
        """Sheet column index → column key, for the columns not ignored."""
        chosen = {index: combo.currentData() for index, combo in enumerate(self.combos)}
        return {index: key for index, key in chosen.items() if key is not None}

    def set_field(self, index: int, key: str | None) -> None:
        combo = self.combos[index]
        combo.setCurrentIndex(max(combo.findData(key), 0))

    def _check(self) -> None:
        mapping = self.mapping()
        twice = [key for key, count in Counter(mapping.values()).items() if count > 1]
        problems = []
        if twice:
            names = ", ".join(f"« {column_label(self.layout_.column(k))} »" for k in twice)
            problems.append(f"Un champ ne peut être rempli que par une colonne : {names}.")
        if not mapping:
            problems.append("Aucune colonne n'est associée à un champ.")
        missing = [c.key for c in self.layout_.columns if c.key in self.layout_.required]
        missing = [k for k in missing if k not in mapping.values()]
        if missing and not problems:
            names = ", ".join(f"« {column_label(self.layout_.column(k))} »" for k in missing)
            self.problem.setStyleSheet("color: #8a5a00;")
            self.problem.setText(f"Attention : aucune colonne ne remplit {names}.")
        else:
            self.problem.setStyleSheet("color: #a00000;")
            self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(self.problem.text()))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)


def sample_reading() -> tuple[ImportPlan, Layout]:
    """A plan on the demo dossier, for the ``__main__`` previews of the import dialogs."""
    import tempfile
    from pathlib import Path

    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.operations.imports import plan_import, target_layout
    from contrat_desktop.operations.programmation_export import export_programmation
    from contrat_desktop.samples import fill_demo
    from contrat_desktop.storage.database import open_dossier

    folder = Path(tempfile.mkdtemp())
    with open_dossier(create_dossier(folder / "demo.cdv", fill=fill_demo)) as dossier:
        exported = export_programmation(dossier, 2016, folder / "programmation-2016.xlsx")
        plan = plan_import(dossier, exported.path)
        return plan, target_layout(dossier, plan.layout)


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    sample, columns = sample_reading()
    MappingDialog(sample, columns).exec()
