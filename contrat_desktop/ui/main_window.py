"""The main window: areas on the left, the current page on the right, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.operations.dossiers import backups_of
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.exchange.package_menu import PackageMenu
from contrat_desktop.ui.dialogs.unsaved import confirm_leaving
from contrat_desktop.ui.formats import format_datetime
from contrat_desktop.ui.preferences import Preferences
from contrat_desktop.ui.reminders_feed import ReminderFeed
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.banner import ReadOnlyBanner
from contrat_desktop.ui.widgets.campaign_selector import CampaignSelector

if TYPE_CHECKING:  # each page's module is imported when the page is first shown
    from contrat_desktop.ui.pages.holders import HoldersPage
    from contrat_desktop.ui.pages.programmation import ProgrammationPage
    from contrat_desktop.ui.pages.settings import SettingsPage


class MainWindow(QMainWindow):
    open_requested = Signal(Path)  # the app opens a dossier and calls set_session
    new_requested = Signal(Path)
    retry_requested = Signal()

    def __init__(self, prefs: Preferences) -> None:
        super().__init__()
        self.prefs = prefs
        self.session: DossierSession | None = None
        self.pages: dict[str, QWidget] = {}
        self.areas: list[tuple[str, Callable[[], QWidget]]] = []
        self.banner = ReadOnlyBanner(self)
        self.banner.retry_requested.connect(self.retry_requested)
        self.nav = QListWidget(self)
        self.nav.setAccessibleName("Navigation entre les rubriques")
        self.nav.setMaximumWidth(260)
        self.nav.setSpacing(4)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.nav.currentRowChanged.connect(self._show_area_at)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # a workbook dropped on the window is imported
        self.campaign_bar = CampaignSelector(self)
        self.campaign = self.campaign_bar.combo
        self.addToolBar(self.campaign_bar)
        self.lock_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.reminders_button = QPushButton(self)
        self.reminders_button.setFlat(True)
        self.reminders_button.setAccessibleName("Ouvrir la liste des choses à faire")
        self.reminders_button.clicked.connect(lambda: self.show_area("reminders"))
        self.reminders_button.hide()
        self.reminder_feed: ReminderFeed | None = None
        self.statusBar().addPermanentWidget(self.reminders_button)
        self.statusBar().addPermanentWidget(self.lock_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self._build_menus()
        geometry = prefs.main_window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(QSize(1280, 800))

    # menus --------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Fichier")
        self._add(file_menu, "&Nouveau dossier…", self._new_dossier, QKeySequence.StandardKey.New)
        self._add(file_menu, "&Ouvrir…", self._open_dossier, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Ouvrir un dossier &récent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_copy_action = self._add(
            file_menu, "&Enregistrer une copie…", self._save_copy, QKeySequence.StandardKey.SaveAs
        )
        self._add(file_menu, "&Sauvegardes…", self._show_backups)
        file_menu.addSeparator()
        self.import_action = self._add(
            file_menu,
            "&Importer un classeur…",
            lambda: self.import_workbook(),
            QKeySequence("Ctrl+I"),
        )
        self.export_action = self._add(
            file_menu, "E&xporter la programmation…", lambda: self.export_programmation()
        )
        self.open_data_action = self._add(
            file_menu, "Exporter les &subventions (données ouvertes)…", self.export_open_data
        )
        self.bilans_action = self._add(
            file_menu, "Exporter le classeur des &bilans…", self.export_bilans
        )
        self.bilans_action.setEnabled(False)
        self.report_action = self._add(
            file_menu, "&Bilan annuel du contrat (PDF, .odt, .docx)…", self.yearly_report
        )
        self.import_action.setEnabled(False)
        self.export_action.setEnabled(False)
        self.open_data_action.setEnabled(False)
        self.report_action.setEnabled(False)
        self.package_menu = PackageMenu(self)
        file_menu.addMenu(self.package_menu)
        file_menu.addSeparator()
        self._add(file_menu, "&Quitter", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("É&dition")
        self.undo_action = QAction("&Annuler", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self.session and self.session.undo_stack.undo())
        self.redo_action = QAction("&Rétablir", self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(lambda: self.session and self.session.undo_stack.redo())
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        help_menu = self.menuBar().addMenu("&Aide")
        self.help_action = self._add(
            help_menu, "&Guide de l'utilisateur", self.show_help, QKeySequence("F1")
        )
        help_menu.addSeparator()
        self._add(help_menu, "À &propos de contrat_desktop", self._about)

    def _add(self, menu: object, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # session ------------------------------------------------------------------
    def set_session(self, session: DossierSession) -> None:
        """Show a (newly) opened dossier: pages are rebuilt on it."""
        old = self.session
        if old is not None:
            self._remember_layout()
        self.session = session
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages = {}
        self.areas = []
        self.nav.clear()
        self.campaign_bar.set_session(session)
        session.changed.connect(self._on_session_changed)
        self._add_area("dashboard", "Tableau de bord", self._dashboard_page)
        self._add_area("programmation", "Programmation", self._programmation_page)
        self._add_area("reminders", "À faire", self._reminders_page)
        self._add_area("holders", "Porteurs", self._holders_page)
        self._add_area("funders", "Financeurs", self._funders_page)
        self._add_area("years", "Vue pluriannuelle", self._years_page)
        self._add_area("meetings", "Instances et réunions", self._meetings_page)
        self._add_area("council", "Conseil citoyen", self._council_page)
        self._add_area("journal", "Journal des modifications", self._journal_page)
        self._add_area("settings", "Paramètres", self._settings_page)
        self.page("dashboard")  # shown first: built now; the others when first opened
        self.undo_action.setEnabled(True)
        session.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        session.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(session.undo_stack.canUndo())
        self.redo_action.setEnabled(session.undo_stack.canRedo())
        splitter = self.prefs.splitter_state("main")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([200, 1080])
        self.nav.setCurrentRow(0)
        self._show_state()
        self.reminder_feed = ReminderFeed(session, self)
        self.reminder_feed.updated.connect(self._show_reminder_count)
        self.reminder_feed.refresh()
        if old is not None and old is not session:
            old.close()

    def open_action(self, action_id: int | None, tab: str = "") -> None:
        from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog

        assert self.session is not None
        dialog = ActionDialog(self.session, action_id, self)
        dialog.show_tab(tab)
        dialog.exec()
        page = self.pages.get("programmation")
        from contrat_desktop.ui.pages.programmation import ProgrammationPage

        if isinstance(page, ProgrammationPage) and dialog.state and dialog.state.action.id:
            page.select_action(dialog.state.action.id)

    def show_area(self, key: str) -> None:
        keys = [area_key for area_key, _ in self.areas]
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))

    # areas are built lazily: start-up only pays for the page it shows -----------------
    def _add_area(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        self.areas.append((key, factory))
        self.stack.addWidget(QWidget(self.stack))  # placeholder until first shown
        self.nav.addItem(title)
        # the area names stay readable however wide the page on the right wants to be
        margins = 2 * (self.nav.frameWidth() + self.nav.spacing()) + 16
        self.nav.setMinimumWidth(min(self.nav.sizeHintForColumn(0) + margins, 260))

    def page(self, key: str) -> QWidget:
        """The page of an area, built on first use (its tables get their saved columns)."""
        if key not in self.pages:
            index = [area_key for area_key, _ in self.areas].index(key)
            built = self.areas[index][1]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, built)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = built
            for name, table in self._tables(key).items():
                state = self.prefs.table_state(name)
                if state is not None:
                    table.horizontalHeader().restoreState(state)
        return self.pages[key]

    def _tables(self, key: str) -> dict[str, QTableView]:
        """The tables of a built page, named for the preferences (``holders/1``)."""
        page = self.pages[key]
        # model-backed lists only: small QTableWidget strips change their columns
        tables = [t for t in page.findChildren(QTableView) if not isinstance(t, QTableWidget)]
        return {f"{key}/{number}": table for number, table in enumerate(tables)}

    def _show_area_at(self, row: int) -> None:
        if 0 <= row < len(self.areas):
            self.page(self.areas[row][0])
            self.stack.setCurrentIndex(row)

    def _dashboard_page(self) -> QWidget:
        from contrat_desktop.ui.pages.dashboard import DashboardPage

        assert self.session is not None
        page = DashboardPage(self.session, self)
        page.open_programmation.connect(self.show_programmation)
        page.open_area.connect(self.show_area)
        page.open_reminders.connect(self.show_reminders)
        return page

    def show_reminders(self, kind: str) -> None:
        """« À faire » for the campaign shown, on one kind of thing to do ("" for all)."""
        from contrat_desktop.ui.pages.reminders import RemindersPage

        page = self.page("reminders")
        assert isinstance(page, RemindersPage)
        self.show_area("reminders")
        page.show_kind(kind)

    def _reminders_page(self) -> QWidget:
        from contrat_desktop.ui.pages.reminders import RemindersPage

        assert self.session is not None
        page = RemindersPage(self.session, self)
        page.open_action.connect(self.open_action)
        page.open_funder.connect(self.open_funder)
        return page

    def open_funder(self, funder_id: int) -> None:
        from contrat_desktop.ui.pages.funders import FundersPage

        self.show_area("funders")
        page = self.pages.get("funders")
        if isinstance(page, FundersPage):
            page.select_funder(funder_id)

    def _show_reminder_count(self, reminders: list[object]) -> None:
        count = len(reminders)
        self.reminders_button.setText(f"À faire : {count}" if count else "Rien à faire")
        self.reminders_button.setToolTip("Bilans en retard, versements, conventions… (À faire)")
        self.reminders_button.show()

    def _years_page(self) -> QWidget:
        from contrat_desktop.ui.pages.across_years import AcrossYearsPage

        assert self.session is not None
        return AcrossYearsPage(self.session, self)

    def show_programmation(self, filters: dict[str, object]) -> None:
        """The programmation page, filtered as a figure of the dashboard asks."""
        from contrat_desktop.ui.pages.programmation import ProgrammationPage

        page = self.page("programmation")
        assert isinstance(page, ProgrammationPage)
        self.show_area("programmation")
        page.filter_bar.show_only(**filters)

    def _programmation_page(self) -> ProgrammationPage:
        from contrat_desktop.ui.pages.programmation import ProgrammationPage

        assert self.session is not None
        page = ProgrammationPage(self.session, self)
        page.open_action.connect(self.open_action)
        page.new_action.connect(lambda: self.open_action(None))
        return page

    def _holders_page(self) -> HoldersPage:
        from contrat_desktop.ui.pages.holders import HoldersPage

        assert self.session is not None
        page = HoldersPage(self.session, self)
        page.open_action.connect(self.open_action)
        return page

    def _journal_page(self) -> QWidget:
        from contrat_desktop.ui.pages.journal import JournalPage

        assert self.session is not None
        return JournalPage(self.session, self)

    def _funders_page(self) -> QWidget:
        from contrat_desktop.ui.pages.funders import FundersPage

        assert self.session is not None
        return FundersPage(self.session, self)

    def _meetings_page(self) -> QWidget:
        from contrat_desktop.ui.pages.meetings import MeetingsPage

        assert self.session is not None
        return MeetingsPage(self.session, self)

    def _council_page(self) -> QWidget:
        from contrat_desktop.ui.pages.council import CouncilPage

        assert self.session is not None
        return CouncilPage(self.session, self)

    def _settings_page(self) -> SettingsPage:
        from contrat_desktop.ui.pages.settings import SettingsPage

        assert self.session is not None
        page = SettingsPage(self.session, self)
        page.show_area.connect(self.show_area)
        return page

    def _on_session_changed(self, entity: str) -> None:
        if entity in {"campaign", "reference", "settings"}:
            self.campaign_bar.fill()
        if entity == "reference":
            self.refresh_backup_label()

    def _show_state(self) -> None:
        assert self.session is not None
        dossier = self.session.dossier
        self.setWindowTitle(f"{dossier.path.name} – contrat_desktop")
        self.banner.show_reason(dossier.read_only_reason)
        if dossier.read_only:
            self.lock_label.setText(f"Lecture seule : {dossier.read_only_reason}")
        else:
            self.lock_label.setText(f"Dossier ouvert en écriture par {dossier.user}")
        self.save_copy_action.setEnabled(True)
        self.import_action.setEnabled(not dossier.read_only)
        self.export_action.setEnabled(True)
        self.open_data_action.setEnabled(True)
        self.bilans_action.setEnabled(True)
        self.report_action.setEnabled(bool(self.session.references.campaigns))
        self.package_menu.show_session(self.session)
        self.refresh_backup_label()

    def refresh_backup_label(self) -> None:
        assert self.session is not None
        backups = backups_of(self.session.dossier.path)
        when = format_datetime(backups[0].taken_at) if backups else "aucune"
        self.backup_label.setText(f"Dernière sauvegarde : {when}")

    # file actions -----------------------------------------------------------------
    def _new_dossier(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Nouveau dossier", str(Path.home() / "contrat.cdv"), "Dossiers (*.cdv)"
        )
        if path:
            self.new_requested.emit(Path(path if path.endswith(".cdv") else path + ".cdv"))

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
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Enregistrer une copie",
            str(source.with_name(source.stem + "-copie.cdv")),
            "Dossiers (*.cdv)",
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

    # closing ------------------------------------------------------------------
    def _remember_layout(self) -> None:
        self.prefs.main_window_geometry = self.saveGeometry()
        self.prefs.set_splitter_state("main", self.splitter.saveState())
        for key in self.pages:
            for name, table in self._tables(key).items():
                self.prefs.set_table_state(name, table.horizontalHeader().saveState())

    def confirm_unsaved(self) -> bool:
        """Before closing or switching dossier: settings typed but not saved are not lost."""
        settings = self.pages.get("settings")
        if settings is None:
            return True
        from contrat_desktop.ui.pages.settings import SettingsPage

        if not isinstance(settings, SettingsPage) or not settings.unsaved():
            return True
        self.show_area("settings")
        return confirm_leaving(
            self,
            "Les paramètres ont été modifiés sans être enregistrés. Les enregistrer ?",
            settings.save_all,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_unsaved():
            event.ignore()
            return
        if self.session is not None:
            self._remember_layout()
        super().closeEvent(event)
