"""The main window: areas on the left, the current page on the right, menus and status bar.

Which pages there are and how each is wired is ``window_pages.py``; the « Fichier » menu's
commands (dossiers, copies, backups, help, workbooks and documents) are ``window_files.py``."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.operations.dossiers import backups_of
from contrat_desktop.ui.after_paint import after_next_paint
from contrat_desktop.ui.dialogs.exchange.package_menu import PackageMenu
from contrat_desktop.ui.formats import format_datetime
from contrat_desktop.ui.models.columns import declared_layout
from contrat_desktop.ui.preferences import Preferences
from contrat_desktop.ui.reminders_feed import ReminderFeed, count_text, reminder_feed
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.banner import ReadOnlyBanner
from contrat_desktop.ui.widgets.campaign_selector import CampaignSelector
from contrat_desktop.ui.window_files import WindowFileActions
from contrat_desktop.ui.window_pages import WindowPages


class MainWindow(WindowPages, WindowFileActions, QMainWindow):
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
        self.reminders_button.clicked.connect(lambda: self.show_reminders(""))
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
        self.package_menu.refresh_before(file_menu)
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
    def set_session(self, session: DossierSession, area: str = "dashboard") -> None:
        """Show a (newly) opened dossier on ``area`` (the key of one of ``areas``): pages
        are rebuilt on it, only the one shown now; the others when first opened."""
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
        self._add_areas()
        self.undo_action.setEnabled(True)
        session.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        session.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(session.undo_stack.canUndo())
        self.redo_action.setEnabled(session.undo_stack.canRedo())
        splitter = self.prefs.splitter_state("main")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([200, 1080])
        keys = [key for key, _ in self.areas]
        shown = keys.index(area) if area in keys else 0
        self.nav.setCurrentRow(shown)
        self._show_area_at(shown)  # its page built now (the row may already be current)
        self._show_state()
        self.reminder_feed = reminder_feed(session)  # shared with the page and the card
        self.reminder_feed.updated.connect(self._show_reminder_count)
        # counted a moment after the window (re)paints: the first page is not kept waiting
        feed = self.reminder_feed
        after_next_paint(self, lambda: self._count_reminders_later(feed))
        if old is not None and old is not session:
            old.close()
            gc.unfreeze()  # what start-up set aside (app.collector_paused) can go now

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
                state = self.prefs.table_state(name, declared_layout(table.model()))
                if state is not None:
                    table.horizontalHeader().restoreState(state)
        return self.pages[key]

    def _tables(self, key: str) -> dict[str, QTableView]:
        """The tables of a built page, named for the preferences (``holders/1``)."""
        page = self.pages[key]
        # model-backed lists only: small QTableWidget strips change their columns
        tables = [
            t
            for t in page.findChildren(QTableView)
            if not isinstance(t, QTableWidget) and t.property("savedColumns") is not False
        ]
        return {f"{key}/{number}": table for number, table in enumerate(tables)}

    def _show_area_at(self, row: int) -> None:
        if 0 <= row < len(self.areas):
            self.page(self.areas[row][0])
            self.stack.setCurrentIndex(row)

    def _count_reminders_later(self, feed: ReminderFeed) -> None:
        if feed is self.reminder_feed:  # not that of a dossier replaced before the paint
            feed.ask(later=True)  # unless the home card asked already

    def _show_reminder_count(self, reminders: list[object]) -> None:
        """The campaign chosen above, as the « À faire » page shows it."""
        assert self.reminder_feed is not None
        year = self.reminder_feed.year
        self.reminders_button.setText(count_text(year, len(reminders)))
        where = f"de la campagne {year}" if year is not None else "de toutes les campagnes"
        self.reminders_button.setToolTip(
            f"Bilans en retard, versements, conventions… {where} (ouvrir « À faire »)"
        )
        self.reminders_button.show()

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

    # closing ------------------------------------------------------------------
    def _remember_layout(self) -> None:
        self.prefs.main_window_geometry = self.saveGeometry()
        self.prefs.set_splitter_state("main", self.splitter.saveState())
        for key in self.pages:
            for name, table in self._tables(key).items():
                header = table.horizontalHeader()
                self.prefs.set_table_state(name, header.saveState(), declared_layout(table.model()))
        self.prefs.save()

    def confirm_unsaved(self) -> bool:
        """Before closing or switching dossier: settings typed but not saved are not lost."""
        settings = self.pages.get("settings")
        if settings is None:
            return True
        from contrat_desktop.ui.pages.settings import SettingsPage

        if not isinstance(settings, SettingsPage) or not settings.unsaved():
            return True
        from contrat_desktop.ui.dialogs.unsaved import confirm_leaving

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
