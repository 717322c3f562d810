"""The first-start wizard: organisation and service, where the dossier lives, a logo.

Shown once, when there is no last dossier and no deployment file answers
(``contrat_desktop.deployment``). It only gathers the answers (``choice()``);
``operations.first_start.set_up_dossier`` makes the dossier.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from contrat_desktop.deployment import Deployment, dossier_file_name
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.first_start import FirstStart, Location
from contrat_desktop.operations.settings import read_logo
from contrat_desktop.paths import DOSSIER_SUFFIX, default_dossier_path
from contrat_desktop.storage.errors import DossierError

FILTER = f"Dossiers (*{DOSSIER_SUFFIX})"


def path_row(parent: QWidget, edit: QLineEdit, choose: object) -> QWidget:
    """A path field with its « Choisir… » button."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QPushButton("Choisir…", row)
    button.setAccessibleName(f"Choisir : {edit.accessibleName()}")
    button.clicked.connect(choose)  # type: ignore[arg-type]
    layout.addWidget(button)
    return row


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


class IdentityPage(QWizardPage):
    def __init__(self, deployment: Deployment | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Bienvenue")
        self.setSubTitle(
            "Quelques questions pour préparer votre dossier. Tout pourra être modifié ensuite "
            "dans Paramètres."
        )
        self.organisation = QLineEdit(deployment.organisation if deployment else "", self)
        self.organisation.setPlaceholderText("Ville de …")
        self.organisation.setAccessibleName("Organisation")
        self.service = QLineEdit(deployment.service if deployment else "", self)
        self.service.setPlaceholderText("Service politique de la ville")
        self.service.setAccessibleName("Service")
        form = QFormLayout(self)
        form.addRow("&Organisation :", self.organisation)
        form.addRow("&Service :", self.service)
        hint = QLabel("Ces noms figurent en tête des documents (comptes rendus, notifications).")
        hint.setWordWrap(True)
        form.addRow(hint)


class LocationPage(QWizardPage):
    """New file, existing file, a shared folder (file name proposed) or the demo."""

    def __init__(self, identity: IdentityPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity = identity
        self.setTitle("Où se trouve le dossier ?")
        self.setSubTitle(
            "Un dossier est un seul fichier (.cdv) qui contient tout le contrat de ville."
        )
        self.group = QButtonGroup(self)
        self.buttons: dict[Location, QRadioButton] = {}
        self.new_path = QLineEdit(self)
        self.new_path.setAccessibleName("Nouveau fichier")
        self.existing_path = QLineEdit(self)
        self.existing_path.setAccessibleName("Fichier existant")
        self.shared_folder = QLineEdit(self)
        self.shared_folder.setAccessibleName("Dossier partagé")
        self.shared_name = QLineEdit(self)
        self.shared_name.setAccessibleName("Nom du fichier dans le dossier partagé")
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        texts = {
            Location.NEW: "Créer un &nouveau dossier sur cet ordinateur",
            Location.EXISTING: "Ouvrir un dossier &existant",
            Location.SHARED: "Travailler dans un dossier &partagé (lecteur réseau)",
            Location.DEMO: "Découvrir l'application avec le dossier de &démonstration",
        }
        fields: dict[Location, list[QWidget]] = {
            Location.NEW: [path_row(self, self.new_path, self._choose_new)],
            Location.EXISTING: [path_row(self, self.existing_path, self._choose_existing)],
            Location.SHARED: [
                path_row(self, self.shared_folder, self._choose_folder),
                self._labelled("Nom du fichier :", self.shared_name),
            ],
            Location.DEMO: [],
        }
        for location, text in texts.items():
            button = QRadioButton(text, self)
            self.group.addButton(button)
            self.buttons[location] = button
            layout.addWidget(button)
            for field in fields[location]:
                field.setContentsMargins(24, 0, 0, 0)
                layout.addWidget(field)
                button.toggled.connect(field.setEnabled)
                field.setEnabled(False)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.buttons[Location.NEW].setChecked(True)

    def _labelled(self, text: str, edit: QLineEdit) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text, row)
        label.setBuddy(edit)
        layout.addWidget(label)
        layout.addWidget(edit, 1)
        return row

    def initializePage(self) -> None:
        name = dossier_file_name(self.identity.service.text())
        if not self.new_path.text():
            self.new_path.setText(str(Path.home() / "Documents" / name))
        if not self.shared_name.text():
            self.shared_name.setText(name)

    @property
    def location(self) -> Location:
        return next(loc for loc, button in self.buttons.items() if button.isChecked())

    def chosen_path(self) -> Path | None:
        location = self.location
        if location is Location.NEW:
            return with_suffix(self.new_path.text())
        if location is Location.EXISTING:
            return Path(self.existing_path.text().strip())
        if location is Location.SHARED:
            name = self.shared_name.text().strip() or dossier_file_name(
                self.identity.service.text()
            )
            return Path(self.shared_folder.text().strip()) / with_suffix(name)
        return None

    def problem(self) -> str:
        """Why the answer cannot be used yet ('' when it can)."""
        location, path = self.location, self.chosen_path()
        if location is Location.NEW:
            if not self.new_path.text().strip() or path is None:
                return "Indiquez le fichier à créer."
            if path.exists():
                return f"« {path.name} » existe déjà : choisissez « Ouvrir un dossier existant »."
            if not path.parent.is_dir() and not path.parent.parent.is_dir():
                return f"Le dossier « {path.parent} » n'existe pas."
        if location is Location.EXISTING and (path is None or not path.is_file()):
            return "Choisissez un fichier de dossier (.cdv) existant."
        if location is Location.SHARED:
            folder = Path(self.shared_folder.text().strip())
            if not self.shared_folder.text().strip() or not folder.is_dir():
                return "Choisissez un dossier partagé accessible (lecteur réseau connecté)."
            if not self.shared_name.text().strip():
                return "Indiquez le nom du fichier dans le dossier partagé."
        return ""

    def validatePage(self) -> bool:
        self.error.setText(self.problem())
        return not self.error.text()

    def _choose_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Nouveau dossier", self.new_path.text(), FILTER)
        if path:
            self.new_path.setText(str(with_suffix(path)))

    def _choose_existing(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Ouvrir un dossier", str(Path.home()), f"{FILTER};;Tous les fichiers (*)"
        )
        if path:
            self.existing_path.setText(path)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Dossier partagé", str(Path.home()))
        if folder:
            self.shared_folder.setText(folder)


class LogoPage(QWizardPage):
    def __init__(self, location: LocationPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location_page = location
        self.setTitle("Logo des documents (facultatif)")
        self.setSubTitle("Une image PNG ou JPEG de 2 Mo au plus, imprimée en tête des documents.")
        self.path = QLineEdit(self)
        self.path.setAccessibleName("Fichier du logo")
        self.path.setPlaceholderText("aucun logo")
        self.preview = QLabel(self)
        self.preview.setFixedHeight(80)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.error = error_label(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(path_row(self, self.path, self._choose))
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        self.path.textChanged.connect(self._show_preview)

    def initializePage(self) -> None:
        page = self.location_page
        path = page.chosen_path() or default_dossier_path()
        what = {
            Location.NEW: "sera créé",
            Location.EXISTING: "sera ouvert",
            Location.SHARED: "sera ouvert s'il existe déjà, créé sinon",
            Location.DEMO: "de démonstration sera créé (données inventées)",
        }[page.location]
        self.summary.setText(f"Le dossier {what} :\n{path}")

    def logo(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if text else None

    def validatePage(self) -> bool:
        self.error.clear()
        logo = self.logo()
        if logo is not None:
            try:
                read_logo(logo)
            except (DossierError, ValidationError) as error:
                self.error.setText(str(error))
                return False
        return True

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Logo des documents", str(Path.home()), "Images (*.png *.jpg *.jpeg)"
        )
        if path:
            self.path.setText(path)

    def _show_preview(self, text: str) -> None:
        pixmap = QPixmap(text.strip()) if text.strip() else QPixmap()
        if pixmap.isNull():
            self.preview.clear()
        else:
            self.preview.setPixmap(
                pixmap.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation)
            )


class FirstStartWizard(QWizard):
    def __init__(self, deployment: Deployment | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Premier lancement – contrat_desktop")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, "&Suivant >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< &Précédent")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Terminer")
        self.setButtonText(QWizard.WizardButton.CancelButton, "&Quitter")
        self.identity = IdentityPage(deployment, self)
        self.location = LocationPage(self.identity, self)
        self.logo = LogoPage(self.location, self)
        for page in (self.identity, self.location, self.logo):
            self.addPage(page)
        self.resize(620, 460)

    def choice(self) -> FirstStart:
        return FirstStart(
            location=self.location.location,
            path=self.location.chosen_path(),
            organisation=self.identity.organisation.text().strip(),
            service=self.identity.service.text().strip(),
            logo=self.logo.logo(),
        )


def with_suffix(text: str) -> Path:
    text = text.strip()
    return Path(text if text.lower().endswith(DOSSIER_SUFFIX) else text + DOSSIER_SUFFIX)


def ask_first_start(deployment: Deployment | None = None) -> FirstStart | None:
    """Show the wizard (modal); ``None`` when the user quits it."""
    wizard = FirstStartWizard(deployment)
    return wizard.choice() if wizard.exec() == QWizard.DialogCode.Accepted else None


if __name__ == "__main__":  # pragma: no cover - preview
    import sys

    from PySide6.QtWidgets import QApplication

    application = QApplication(sys.argv)
    print(ask_first_start())
