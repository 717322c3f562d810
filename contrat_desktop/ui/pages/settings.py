"""The settings page: organisation and documents, reference lists, rule settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.deadline_setting import month_and_day
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.settings import COUNCIL_RULES, DocumentSettings, RuleSettings, Signatory
from contrat_desktop.operations.settings import (
    load_document_settings,
    load_rules,
    read_logo,
    write_documents,
    write_rules,
)
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.pages.reference_lists import ReferenceLists
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand
from contrat_desktop.ui.widgets.money_edit import MoneyEdit


class SettingsPage(QWidget):
    show_area = Signal(str)  # e.g. "funders"

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.documents = DocumentsTab(session, self)
        self.references = ReferenceLists(session, self)
        self.references.show_area.connect(self.show_area)
        self.rules = RulesTab(session, self)
        tabs = QTabWidget(self)
        tabs.addTab(self.documents, "Organisation et documents")
        tabs.addTab(self.references, "Listes de référence")
        tabs.addTab(self.rules, "Règles")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)

    def unsaved(self) -> bool:
        return self.documents.unsaved() or self.rules.unsaved()

    def save_all(self) -> bool:
        saved = True
        for tab in (self.documents, self.rules):
            if tab.unsaved():
                saved = tab.save_settings() and saved
        return saved


def _save_button(parent: QWidget, read_only: bool) -> QPushButton:
    button = QPushButton("&Enregistrer", parent)
    button.setEnabled(not read_only)
    return button


def _push(
    session: DossierSession, parent: QWidget, entity: str, text: str, write, before, after
) -> bool:  # type: ignore[no-untyped-def]
    """Save through the undo stack (Ctrl+Z undoes it); False when refused (message shown).

    Each tab has its own ``entity``: reloading one after its save (or undo) must not wipe
    what is being typed in the other.
    """
    command = SaveRecordCommand(session, text, entity, write, before, after, parent)
    session.push(command)
    return command.error is None


class DocumentsTab(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.organisation = QLineEdit(self)
        self.organisation.setAccessibleName("Nom de l'organisation")
        self.service = QLineEdit(self)
        self.service.setAccessibleName("Nom du service")
        self.logo_preview = QLabel("(aucun logo)", self)
        self.logo_preview.setMinimumHeight(80)
        self.logo_preview.setAccessibleName("Aperçu du logo")
        self.choose_logo = QPushButton("Choisir un &logo…", self)
        self.remove_logo = QPushButton("&Retirer le logo", self)
        self.choose_logo.clicked.connect(lambda: self.set_logo())
        self.remove_logo.clicked.connect(self._remove_logo)
        self.signatories = QTableWidget(0, 2, self)
        self.signatories.setHorizontalHeaderLabels(["Nom", "Fonction"])
        self.signatories.setAccessibleName("Signataires des documents")
        self.signatories.horizontalHeader().setStretchLastSection(True)
        self.signatories.setColumnWidth(0, 260)
        add = QPushButton("&Ajouter un signataire", self)
        add.clicked.connect(lambda: self._add_signatory(Signatory("", "")))
        remove = QPushButton("Retirer le signatai&re", self)
        remove.clicked.connect(lambda: self.signatories.removeRow(self.signatories.currentRow()))
        self.save = _save_button(self, session.read_only)
        self.save.clicked.connect(self.save_settings)
        form = QFormLayout()
        form.addRow("&Organisation :", self.organisation)
        form.addRow("&Service :", self.service)
        logo_buttons = QHBoxLayout()
        logo_buttons.addWidget(self.logo_preview, 1)
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        form.addRow("Logo des documents :", logo_buttons)
        group = QGroupBox("Signataires imprimés sur les documents", self)
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.signatories)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        group_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        self._logo: tuple[str, bytes] | None = None
        self._loaded = DocumentSettings()
        session.changed.connect(lambda entity: entity == "settings" and self.load())
        self.load()

    def unsaved(self) -> bool:
        return self.wanted() != self._loaded

    def load(self) -> None:
        current = load_document_settings(self.session.dossier)
        self._loaded = current
        self.organisation.setText(current.organisation_name)
        self.service.setText(current.service_name)
        self._logo = (current.logo_file_name, current.logo) if current.logo else None
        self._show_logo()
        self.signatories.setRowCount(0)
        for signatory in current.signatories:
            self._add_signatory(signatory)

    def _add_signatory(self, signatory: Signatory) -> None:
        row = self.signatories.rowCount()
        self.signatories.insertRow(row)
        self.signatories.setItem(row, 0, QTableWidgetItem(signatory.name))
        self.signatories.setItem(row, 1, QTableWidgetItem(signatory.role))

    def set_logo(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, "Logo des documents", str(Path.home()), "Images (*.png *.jpg *.jpeg)"
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            self._logo = read_logo(path)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(self, "Logo refusé", str(error))
            return
        self._show_logo()

    def _remove_logo(self) -> None:
        self._logo = None
        self._show_logo()

    def _show_logo(self) -> None:
        if self._logo is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("(aucun logo)")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self._logo[1])
        self.logo_preview.setPixmap(
            pixmap.scaledToHeight(80, Qt.TransformationMode.SmoothTransformation)
        )

    def wanted(self) -> DocumentSettings:
        signatories = []
        for row in range(self.signatories.rowCount()):
            cells = [self.signatories.item(row, c) for c in (0, 1)]
            name, role = (cell.text().strip() if cell else "" for cell in cells)
            if name:
                signatories.append(Signatory(name, role))
        return DocumentSettings(
            organisation_name=self.organisation.text(),
            service_name=self.service.text(),
            logo_file_name=self._logo[0] if self._logo else "",
            logo=self._logo[1] if self._logo else None,
            signatories=tuple(signatories),
        )

    def save_settings(self) -> bool:
        before = load_document_settings(self.session.dossier)
        return _push(
            self.session,
            self,
            "settings",
            "Modifier les paramètres des documents",
            write_documents,
            before,
            self.wanted(),
        )


class RulesTab(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.threshold = MoneyEdit(self)
        self.threshold.setAccessibleName("Seuil de convention par porteur et financeur")
        self.deadline_day = QSpinBox(self)
        self.deadline_day.setRange(1, 31)
        self.deadline_day.setAccessibleName("Jour limite du bilan")
        self.deadline_month = QSpinBox(self)
        self.deadline_month.setRange(1, 12)
        self.deadline_month.setAccessibleName("Mois limite du bilan")
        form = QFormLayout()
        form.addRow("Seuil de &convention (décret 2001-495) :", self.threshold)
        deadline = QHBoxLayout()
        deadline.addWidget(self.deadline_day)
        deadline.addWidget(QLabel("/", self))
        deadline.addWidget(self.deadline_month)
        deadline.addWidget(QLabel("de l'année suivante", self))
        deadline.addStretch(1)
        form.addRow("Bilan attendu au plus tard le :", deadline)
        council = QGroupBox("Conseil citoyen : contrôles de composition (avertissements)", self)
        council_form = QFormLayout(council)
        self.council_enabled: dict[str, QCheckBox] = {}
        self.council_values: dict[tuple[str, str], QSpinBox] = {}
        for key, (label, parameters) in COUNCIL_RULES.items():
            row = QHBoxLayout()
            check = QCheckBox(label, self)
            check.setAccessibleName(f"Contrôle : {label}")
            self.council_enabled[key] = check
            row.addWidget(check, 1)
            for name, parameter_label in parameters.items():
                spin = QSpinBox(self)
                spin.setRange(0, 100)
                spin.setAccessibleName(f"{label} : {parameter_label}")
                spin.setToolTip(parameter_label)
                row.addWidget(QLabel(parameter_label + " :", self))
                row.addWidget(spin)
                self.council_values[(key, name)] = spin
            council_form.addRow(row)
        self.save = _save_button(self, session.read_only)
        self.save.clicked.connect(self.save_settings)
        self._loaded = RuleSettings()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(council)
        layout.addStretch(1)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        session.changed.connect(lambda entity: entity == "rules" and self.load())
        self.load()

    def unsaved(self) -> bool:
        return self.wanted() != self._loaded

    def load(self) -> None:
        rules = load_rules(self.session.dossier)
        self._loaded = rules
        self.threshold.set_cents(rules.convention_threshold_cents)
        month, day = month_and_day(rules.bilan_deadline_month_day)
        self.deadline_day.setValue(day)
        self.deadline_month.setValue(month)
        for key, check in self.council_enabled.items():
            check.setChecked(bool(rules.council.get(key, {}).get("enabled", True)))
        for (key, name), spin in self.council_values.items():
            spin.setValue(int(rules.council.get(key, {}).get(name, 0)))

    def wanted(self) -> RuleSettings:
        council: dict[str, dict[str, int | bool]] = {}
        for key, check in self.council_enabled.items():
            council[key] = {"enabled": check.isChecked()}
        for (key, name), spin in self.council_values.items():
            council[key][name] = spin.value()
        return RuleSettings(
            convention_threshold_cents=self.threshold.cents() or 0,
            bilan_deadline_month_day=(
                f"{self.deadline_month.value():02d}-{self.deadline_day.value():02d}"
            ),
            council=council,
        )

    def save_settings(self) -> bool:
        if self.threshold.error:
            QMessageBox.warning(self, "Enregistrement impossible", self.threshold.error)
            return False
        before = load_rules(self.session.dossier)
        return _push(
            self.session, self, "rules", "Modifier les règles", write_rules, before, self.wanted()
        )
