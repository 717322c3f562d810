"""The user guide (``resources/aide/guide.html``) in a browser window, and the About dialog."""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop import __version__
from contrat_desktop.paths import log_file, resource_path, user_data_dir

LICENCE = "MIT"


def guide_path() -> Path:
    return resource_path("aide", "guide.html")


class HelpDialog(QDialog):
    """Not modal: the guide stays open beside the window while one works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Guide de l'utilisateur – contrat_desktop")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName("Guide de l'utilisateur")
        path = guide_path()
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setHtml(f"<p>Le guide est introuvable : <code>{path}</code>.</p>")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Rechercher dans le guide…")
        self.search.setAccessibleName("Rechercher dans le guide")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.status = QLabel(self)
        home = QPushButton("&Sommaire", self)
        home.clicked.connect(self.browser.home)
        back = QPushButton("< &Retour", self)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(home)
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        buttons.addButton("&Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.resize(820, 680)

    def find_next(self) -> bool:
        """Select the next occurrence of the searched text (wrapping round once)."""
        text = self.search.text().strip()
        if not text:
            return False
        found = self.browser.find(text)
        if not found:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text)
        self.status.setText("" if found else "Introuvable")
        return found


def about_facts(dossier: Path | None) -> list[tuple[str, str]]:
    """What the About dialog shows (and copies for the IT staff)."""
    return [
        ("Version", __version__),
        ("Dossier ouvert", str(dossier) if dossier else "(aucun)"),
        ("Dossier des données", str(user_data_dir())),
        ("Fichier journal", str(log_file())),
        ("Qt / PySide6", f"{qVersion()} / {pyside_version}"),
        ("Python", f"{platform.python_version()} ({sys.platform})"),
        ("Licence", LICENCE),
    ]


class AboutDialog(QDialog):
    def __init__(self, dossier: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("À propos de contrat_desktop")
        self.facts = about_facts(dossier)
        rows = "".join(
            f"<tr><td><b>{name}</b>&nbsp;:&nbsp;</td><td>{html.escape(value)}</td></tr>"
            for name, value in self.facts
        )
        self.label = QLabel(
            f"<h3>contrat_desktop {__version__}</h3>"
            "<p>Pilotage du Contrat de ville : programmation, cofinancement, instances, "
            "échanges avec la préfecture.</p>"
            f"<table>{rows}</table>",
            self,
        )
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        buttons.addButton("&Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        copy = buttons.addButton("&Copier les informations", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_facts)
        folder = buttons.addButton(
            "Ouvrir le dossier des &données", QDialogButtonBox.ButtonRole.ActionRole
        )
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(user_data_dir())))
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)

    def facts_text(self) -> str:
        return "\n".join(f"{name} : {value}" for name, value in self.facts)

    def copy_facts(self) -> None:
        QGuiApplication.clipboard().setText(self.facts_text())


if __name__ == "__main__":  # pragma: no cover - preview
    from PySide6.QtWidgets import QApplication

    application = QApplication(sys.argv)
    HelpDialog().show()
    AboutDialog(Path("exemple.cdv")).show()
    application.exec()
