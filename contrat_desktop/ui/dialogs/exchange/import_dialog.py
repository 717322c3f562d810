"""Import a workbook from the window: read it off-thread (progress bar, cancel), choose the
sheet, correct the column mapping, preview, then apply on the GUI thread.

Threading: the reading (``operations.import_reading.read_workbook``) runs in
``background.run_in_background`` on a read-only connection the worker opens itself; the plan
it returns is plain data. Applying writes, so it runs here on the GUI thread with the
session's dossier (it takes the backup).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.import_plan import ImportPlan
from contrat_desktop.operations.import_reading import ImportReading, ReadRequest, read_workbook
from contrat_desktop.operations.imports import TARGETS, ImportResult, apply_import
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.background import Task, run_in_background
from contrat_desktop.ui.dialogs.exchange.import_mapping import MappingDialog, SheetDialog
from contrat_desktop.ui.dialogs.exchange.import_preview import PreviewDialog
from contrat_desktop.ui.dialogs.exchange.import_year import ask_campaign_year
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import OPEN_FILTER

log = logging.getLogger(__name__)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")
TITLE = "Importer un classeur"


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES


def dropped_file(mime: QMimeData) -> Path | None:
    """The first local file of a drag, if any (a workbook or not: refused later, in French)."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None


def choose_workbook(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, TITLE, str(Path.home()), OPEN_FILTER)
    return Path(path) if path else None


class ImportFlow(QObject):
    """One import, from the file to the applied plan; the window keeps it while it runs."""

    read = Signal(object)  # ImportReading, each time a reading arrives
    applied = Signal(object)  # ImportResult
    ended = Signal()  # however it ended (applied, cancelled, refused)

    def __init__(self, session: DossierSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.window = parent
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.result: ImportResult | None = None

    # steps ----------------------------------------------------------------------
    def start(self, path: Path) -> bool:
        """Check the file and start reading it; False when refused at once."""
        if not is_workbook(path):
            QMessageBox.warning(
                self.window,
                TITLE,
                f"Le fichier « {path.name} » n'est pas un classeur .xlsx (Excel) ou .ods "
                "(LibreOffice, OpenDocument), ni une liste .csv : seuls ces fichiers peuvent "
                "être importés. Si c'est un classeur d'un autre format (.xls), ouvrez-le dans "
                "votre tableur et enregistrez-le en .xlsx ou .ods.",
            )
            self.ended.emit()
            return False
        if self.session.read_only:
            QMessageBox.warning(
                self.window,
                TITLE,
                "Le dossier est ouvert en lecture seule "
                f"({self.session.dossier.read_only_reason}) : rien ne peut y être importé.",
            )
            self.ended.emit()
            return False
        self._read(ReadRequest(path), next_step="sheet")
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _read(self, request: ReadRequest, next_step: str) -> None:
        dossier = self.session.dossier
        progress = QProgressDialog(
            f"Lecture du classeur « {request.path.name} »…", "Annuler", 0, 0, self.window
        )
        progress.setWindowTitle(TITLE)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress
        path, user = dossier.path, dossier.user
        task = run_in_background(
            lambda control: read_workbook(path, user, request, control), dossier=dossier
        )
        self.task = task
        progress.canceled.connect(task.cancel)
        task.progressed.connect(self._progressed)
        for outcome in (task.succeeded, task.failed, task.cancelled):
            # first: the progress (and its "Annuler") goes before the next dialogs come up
            outcome.connect(lambda *_outcome: self._reading_ended(task))
        task.succeeded.connect(lambda reading: self._on_read(reading, request, next_step))
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    def _reading_ended(self, task: Task) -> None:
        if task is not self.task:
            return
        self.task = None
        if self.progress is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # nothing connected any more
                self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_failed(self, error: object) -> None:
        if isinstance(error, (WorkbookRefused, DossierError, ValidationError)):
            QMessageBox.warning(self.window, "Fichier refusé", str(error))
        elif isinstance(error, OSError):
            QMessageBox.warning(
                self.window, "Fichier illisible", f"Le fichier ne peut pas être lu : {error}"
            )
        else:
            log.error("import reading failed", exc_info=error)  # type: ignore[arg-type]
            QMessageBox.critical(
                self.window, TITLE, f"Erreur inattendue pendant la lecture du classeur : {error}"
            )
        self.ended.emit()

    def _on_cancelled(self) -> None:
        self.window_status("Import annulé : rien n'a été modifié.")
        self.ended.emit()

    def _on_read(self, reading: ImportReading, request: ReadRequest, next_step: str) -> None:
        self.read.emit(reading)
        plan = reading.plan
        if next_step == "sheet" and len(reading.sheets) > 1:
            sheets = SheetDialog(plan.file_name, reading.sheets, plan.sheet, parent=self.window)
            if sheets.exec() != QDialog.DialogCode.Accepted:
                return self._abandon()
            chosen = sheets.chosen_sheet()
            if chosen and chosen != plan.sheet:
                again = ReadRequest(request.path, chosen, sheets.include_hidden, year=request.year)
                return self._read(again, next_step="mapping")
        if next_step in ("sheet", "mapping"):
            mapping = MappingDialog(plan, reading.layout, parent=self.window)
            if mapping.exec() != QDialog.DialogCode.Accepted:
                return self._abandon()
            chosen_mapping = mapping.mapping()
            if chosen_mapping != plan.mapping:
                again = ReadRequest(
                    request.path, plan.sheet, request.include_hidden, chosen_mapping, request.year
                )
                return self._read(again, next_step="preview")
        if plan.year_needed and request.year is None:
            year = ask_campaign_year(self.window, plan, reading.campaign_years)
            if year is not None:
                again = replace(request, sheet=plan.sheet, mapping=dict(plan.mapping), year=year)
                return self._read(again, next_step="preview")
        self._preview(plan)

    def _preview(self, plan: ImportPlan) -> None:
        dialog = PreviewDialog(
            plan,
            creates_by_default=TARGETS[plan.layout].creates_by_default,
            read_only=self.session.read_only,
            dossier=self.session.dossier,
            parent=self.window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return self._abandon()
        self.apply(plan, dialog.skip_invalid.isChecked(), dialog.create_missing.isChecked())

    def apply(self, plan: ImportPlan, skip_invalid: bool, create_missing: bool) -> None:
        """Write the plan with the session's dossier, on the GUI thread."""
        try:
            result = apply_import(
                self.session.dossier,
                plan,
                skip_invalid_rows=skip_invalid,
                create_missing=create_missing,
            )
        except (DossierError, ValidationError) as error:
            QMessageBox.warning(self.window, "Import non appliqué", str(error))
            self.ended.emit()
            return
        self.result = result
        left_out = (
            f"{result.not_created} ligne(s) nouvelle(s) non créée(s) (option « Créer les "
            "porteurs/actions inconnus » non cochée, ou ligne incomplète).\n\n"
            if result.not_created
            else ""
        )
        QMessageBox.information(
            self.window,
            "Import terminé",
            f"Classeur « {plan.file_name} » importé : {result.created} ligne(s) créée(s), "
            f"{result.updated} mise(s) à jour, {result.unchanged} inchangée(s), "
            f"{result.skipped} ignorée(s).\n\n{left_out}"
            f"Une sauvegarde du dossier a été faite avant l'import : {result.backup_path}",
        )
        self.session.notify("action")
        self.session.notify("holder")
        self.window_status(
            f"Import de « {plan.file_name} » : {result.created} créée(s), "
            f"{result.updated} mise(s) à jour."
        )
        self.applied.emit(result)
        self.ended.emit()

    def _abandon(self) -> None:
        self.window_status("Import abandonné : rien n'a été modifié.")
        self.ended.emit()

    def window_status(self, text: str) -> None:
        status = getattr(self.window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 8000)
