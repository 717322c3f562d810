"""The « Fichier » and « Aide » menus' commands of the window: new, open, recent dossiers,
a copy, the backups, help and about; importing a workbook (menu or drop on the window) and
exporting the programmation, the open data, the bilans and the yearly report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.preferences import Preferences
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_path

DOSSIERS = "Dossiers (*.cdv)"


class WindowFileActions:
    """Part of ``MainWindow``: what its file and help menus do."""

    session: DossierSession | None
    prefs: Preferences

    def _new_dossier(self) -> None:
        path = ask_save_path(self, "Nouveau dossier", Path.home() / "contrat.cdv", [DOSSIERS])
        if path:
            self.new_requested.emit(path)

    def _open_dossier(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Ouvrir un dossier", str(Path.home()), "Dossiers (*.cdv);;Tous les fichiers (*)"
        )
        if path:
            self.open_requested.emit(Path(path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.prefs.recent_dossiers:
            action = self.recent_menu.addAction(str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _checked=False, p=path: self.open_requested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(aucun)").setEnabled(False)

    def _save_copy(self) -> None:
        from contrat_desktop.operations.dossiers import save_copy

        assert self.session is not None
        source = self.session.dossier.path
        path = ask_save_path(
            self, "Enregistrer une copie", source.with_name(source.stem + "-copie.cdv"), [DOSSIERS]
        )
        if not path:
            return
        try:
            save_copy(self.session.dossier, path)
        except DossierError as error:
            QMessageBox.warning(self, "Copie impossible", str(error))
            return
        self.statusBar().showMessage(f"Copie enregistrée : {path}", 8000)

    def _show_backups(self) -> None:
        from contrat_desktop.ui.dialogs.dossier.backups_dialog import BackupsDialog

        assert self.session is not None
        dialog = BackupsDialog(self.session, self)
        dialog.exec()
        self.refresh_backup_label()

    def show_help(self) -> None:
        from contrat_desktop.ui.dialogs.dossier.help_dialog import HelpDialog

        if getattr(self, "help_dialog", None) is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def _about(self) -> None:
        from contrat_desktop.ui.dialogs.dossier.help_dialog import AboutDialog

        dialog = AboutDialog(self.session.dossier.path if self.session else None, self)
        dialog.exec()

    # Excel exchange (ui/dialogs/exchange/) ---------
    def import_workbook(self, path: Path | None = None) -> None:
        from contrat_desktop.ui.dialogs.exchange.import_dialog import ImportFlow, choose_workbook

        if self.session is None:
            return
        path = path or choose_workbook(self)
        if path is not None:
            self.import_flow = ImportFlow(self.session, self)
            self.import_flow.applied.connect(lambda _result: self.refresh_backup_label())
            self.import_flow.start(path)

    def export_programmation(self) -> None:
        from contrat_desktop.ui.dialogs.exchange.export_programmation import (
            export_programmation_from,
        )

        if self.session is not None:
            self.export_task = export_programmation_from(self, self.session)

    def yearly_report(self) -> None:
        from contrat_desktop.ui.dialogs.documents.yearly_report_dialog import YearlyReportDialog

        if self.session is not None:
            self.report_dialog = YearlyReportDialog(self.session, self)
            self.report_dialog.show()

    def export_open_data(self) -> None:
        from contrat_desktop.ui.dialogs.documents.open_data_export import export_open_data

        if self.session is not None:
            self.open_data_task = export_open_data(self, self.session)

    def export_bilans(self) -> None:
        from contrat_desktop.ui.dialogs.funding.bilan_export import export_bilans_from

        if self.session is not None:
            self.bilans_task = export_bilans_from(self, self.session)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from contrat_desktop.ui.dialogs.exchange.import_dialog import dropped_file

        if self.session is not None and dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()  # other files are refused on drop, with a reason

    def dropEvent(self, event: QDropEvent) -> None:
        from contrat_desktop.ui.dialogs.exchange.import_dialog import dropped_file

        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            # after the drop returns: the file manager must not wait on our dialogs
            QTimer.singleShot(0, lambda: self.import_workbook(path))
