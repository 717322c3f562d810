"""The RGPD processing notice of the conseil citoyen, filled in from the dossier, shown to
read and saved as an HTML page to print or publish."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.council_notice import privacy_notice, write_privacy_notice
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_path


class PrivacyNoticeDialog(QDialog):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Traitement des données du conseil citoyen (RGPD)")
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName("Mention d'information RGPD")
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            "&Enregistrer (HTML)…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton("&Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 700)
        try:
            self.text.setHtml(privacy_notice(session.dossier, date.today()))
        except (DossierError, ValidationError, OSError, KeyError) as error:
            self.text.setPlainText(f"Le texte du traitement n'a pas pu être préparé : {error}")
            self.save_button.setEnabled(False)

    def save(self) -> Path | None:
        default = self.session.dossier.path.parent / "traitement-rgpd-conseil-citoyen.html"
        chosen = ask_save_path(self, "Enregistrer la mention RGPD", default, ["Page web (*.html)"])
        if not chosen:
            return None
        try:
            return write_privacy_notice(self.session.dossier, chosen, date.today())
        except (DossierError, ValidationError, OSError) as error:
            QMessageBox.warning(
                self, "Mention non enregistrée", f"Écriture de « {chosen} » impossible : {error}"
            )
            return None


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(lambda session: PrivacyNoticeDialog(session).exec())
