"""Write a file from the dossier off the GUI thread, with a progress window and a cancel
button; the outcome in the status bar, a failure in a French message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.background import Task, TaskControl, run_in_background
from contrat_desktop.ui.workbook_dialogs import ask_save_path

log = logging.getLogger(__name__)
Work = Callable[[Dossier, TaskControl], Any]


def ask_target(parent: QWidget, title: str, suggested: Path, filters: str) -> Path | None:
    """The file to write (``filters`` joined by ``;;``), as ``ask_save_path`` checks it."""
    return ask_save_path(parent, title, suggested, filters.split(";;"))


def write_in_background(
    parent: QWidget,
    dossier: Dossier,
    title: str,
    work: Work,
    done: Callable[[Any], str],
) -> Task:
    """Run ``work(reader, control)`` on a read-only connection of its own (ARCHITECTURE.md,
    decision 7); ``done(result)``
    is the status-bar message. ``control.report(done, total)`` moves the progress bar."""
    window = parent.window()
    progress = QProgressDialog(f"{title} en cours…", "Annuler", 0, 0, window)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    path, user = dossier.path, dossier.user

    def run(control: TaskControl) -> Any:
        control.check()
        with open_dossier(path, user=user, read_only=True, daily_backup=False) as reader:
            return work(reader, control)

    task = run_in_background(run, window)
    progress.canceled.connect(task.cancel)

    def moved(count: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(count)

    def succeeded(result: Any) -> None:
        _status(window, done(result))

    def failed(error: object) -> None:
        _status(window, f"{title} : rien n'a été écrit.")
        if isinstance(error, (DossierError, ValidationError)):
            message = str(error)
        elif isinstance(error, OSError):
            message = f"Le fichier ne peut pas être écrit : {os_reason(error)}"
        else:
            log.error("%s failed", title, exc_info=error)  # type: ignore[arg-type]
            message = f"Erreur inattendue : {error}"
        QMessageBox.warning(window, title, message)

    task.progressed.connect(moved)
    task.succeeded.connect(succeeded)
    task.failed.connect(failed)
    task.cancelled.connect(lambda: _status(window, f"{title} annulé(e) : rien n'a été écrit."))
    task.finished.connect(progress.reset)
    task.finished.connect(progress.deleteLater)
    return task


def _status(window: QWidget, text: str, timeout: int = 15_000) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout)
