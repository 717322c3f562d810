"""Opening, creating and re-opening dossiers in the main window, with French messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.main_window import MainWindow
from contrat_desktop.ui.preferences import Preferences
from contrat_desktop.ui.session import DossierSession


class DossierController:
    def __init__(self, window: MainWindow, prefs: Preferences) -> None:
        self.window = window
        self.prefs = prefs
        window.open_requested.connect(self.open)
        window.new_requested.connect(self.create)
        window.retry_requested.connect(self.retry)

    def open(self, path: Path, read_only: bool = False) -> bool:
        current = self.window.session
        if current is not None and current.dossier.path.resolve() == path.resolve():
            return True  # already open in this window
        if not self.window.confirm_unsaved():
            return False
        try:
            dossier = open_dossier(path, read_only=read_only)
        except DossierError as error:
            QMessageBox.warning(self.window, "Dossier impossible à ouvrir", str(error))
            return False
        self.prefs.remember_dossier(path)
        self.window.set_session(DossierSession(dossier))
        return True

    def create(self, path: Path) -> None:
        current = self.window.session
        if current is not None and current.dossier.path.resolve() == path.resolve():
            QMessageBox.warning(
                self.window, "Création impossible", "Ce fichier est le dossier ouvert."
            )
            return
        from contrat_desktop.operations.dossiers import create_dossier

        try:
            # the file dialog already asked whether to replace an existing file
            create_dossier(path, force=True)
        except DossierError as error:
            QMessageBox.warning(self.window, "Création impossible", str(error))
            return
        self.open(path)

    def retry(self) -> None:
        """Try again to open the current dossier for writing (its holder may have closed it)."""
        session = self.window.session
        if session is None:
            return
        path = session.dossier.path
        try:
            dossier = open_dossier(path)
        except DossierError as error:
            QMessageBox.warning(self.window, "Dossier impossible à ouvrir", str(error))
            return
        if dossier.read_only:
            reason = dossier.read_only_reason
            dossier.close()
            QMessageBox.information(
                self.window, "Toujours en lecture seule", f"Le dossier est toujours {reason}."
            )
            return
        self.window.set_session(DossierSession(dossier))
