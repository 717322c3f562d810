"""Export the campaign's programmation to a workbook, from the page or the File menu.

The file name is asked on the GUI thread; the workbook is built off-thread by
``export_programmation`` on a read-only connection the worker opens itself (the session's
connection stays on the GUI thread). The writer goes through a temporary file renamed at the
end, so a failed export leaves no half-written workbook. The outcome shows in the status bar.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.operations.programmation_export import ExportSummary, export_programmation
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_workbook

log = logging.getLogger(__name__)
TITLE = "Exporter la programmation"


def default_export_path(session: DossierSession, year: int) -> Path:
    return session.dossier.path.parent / f"programmation-{year}.xlsx"


def export_programmation_from(parent: QWidget, session: DossierSession) -> Task | None:
    """Ask where to write the current campaign's programmation, then write it in the
    background. Returns the running task (None when there is nothing to do)."""
    year = session.campaign_year
    if year is None:
        QMessageBox.information(parent, TITLE, "Ce dossier ne contient encore aucune campagne.")
        return None
    target = ask_save_workbook(parent, f"{TITLE} {year}", default_export_path(session, year))
    if target is None:
        return None
    window = parent.window()
    _status(window, f"Export de la programmation {year} en cours…", 0)
    task = read_in_background(
        session.dossier, lambda reader: export_programmation(reader, year, target)
    )

    def done(summary: ExportSummary) -> None:
        _status(
            window,
            f"Programmation {year} exportée ({format_count(summary.actions)} actions) : "
            f"{summary.path}",
        )

    def failed(error: object) -> None:
        _status(window, "Export non réalisé.")
        if isinstance(error, (DossierError, ValidationError)):
            message = str(error)
        elif isinstance(error, OSError):
            message = f"Le classeur « {target} » ne peut pas être écrit : {os_reason(error)}"
        else:
            log.error("programmation export failed", exc_info=error)  # type: ignore[arg-type]
            message = f"Erreur inattendue pendant l'export : {error}"
        QMessageBox.warning(window, TITLE, message)

    task.succeeded.connect(done)
    task.failed.connect(failed)
    return task


def _status(window: QWidget, text: str, timeout: int = 15_000) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout)
