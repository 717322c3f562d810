"""The one QApplication, in French: Qt's own texts (Oui, Non, Annuler, Enregistrer, Fermer,
the calendar) come from its French translation, shipped with the app, and dates and numbers
follow the French locale."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication


def french_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(sys.argv[:1]))
    if app.property("contrat_desktop_french"):
        return app
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    translator = QTranslator(app)  # a child of the app: kept as long as it lives
    for folder in _translation_folders():
        if translator.load("qtbase_fr", folder):
            app.installTranslator(translator)
            break
    app.setProperty("contrat_desktop_french", True)
    return app


def _translation_folders() -> list[str]:
    """Where Qt says its translations are, then beside the PySide6 package (a frozen app)."""
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]
