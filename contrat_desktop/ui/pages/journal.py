"""The journal page: every change of the dossier (when, who, what, old → new), newest
first, filtered by period, author and kind of record, searchable, exported to Excel and
printed to PDF. Lines are read a page at a time as the table scrolls."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.journal import RECORD_KINDS, JournalFilter, JournalLine
from contrat_desktop.operations.journal import (
    journal_authors,
    journal_count,
    journal_page,
    write_journal,
)
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, TaskControl, read_in_background
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.journal_model import WIDTHS, JournalModel
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit
from contrat_desktop.ui.workbook_dialogs import ask_save_workbook

ALL = "Tous"
SEARCH_DELAY_MS = 250


class JournalPage(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.since = DateEdit(self)
        self.since.setAccessibleName("Journal : à partir du")
        self.until = DateEdit(self)
        self.until.setAccessibleName("Journal : jusqu'au")
        self.who = QComboBox(self)
        self.who.setAccessibleName("Journal : auteur")
        self.who.addItem(ALL, None)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Journal : type d'élément")
        self.kind.addItem(ALL, None)
        for key, label in RECORD_KINDS.items():
            self.kind.addItem(label, key)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Rechercher (valeur, auteur, référence d'action, champ)…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Recherche dans le journal")
        self.clear_button = QPushButton("Effacer les filtres", self)
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton("E&xporter (Excel)…", self)
        self.export_button.clicked.connect(lambda: self.write_file(".xlsx"))
        self.print_button = QPushButton("&Imprimer (PDF)…", self)
        self.print_button.clicked.connect(lambda: self.write_file(".pdf"))
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Nombre de modifications affichées")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #9c2a00")
        self.model = JournalModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Journal des modifications")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for number, width in enumerate(WIDTHS):
            header.resizeSection(number, width)
        for number in (4, 5):  # old and new values side by side, both in view
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        for text, widget in (
            ("&Du", self.since),
            ("&au", self.until),
            ("&Par", self.who),
            ("&Type", self.kind),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.clear_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        title = QLabel("<b>Journal des modifications</b> — chaque changement du dossier", self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _date: self.reload())
        for combo in (self.who, self.kind):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        session.changed.connect(lambda _entity: self.reload())
        self.count_task: Task | None = None
        self.file_task: Task | None = None
        self.reload()
        self._load_authors()

    # filters ------------------------------------------------------------------
    def criteria(self) -> JournalFilter:
        return JournalFilter(
            since=self.since.value(),
            until=self.until.value(),
            who=self.who.currentData(),
            kind=self.kind.currentData(),
            text=self.search.text(),
        )

    def set_period(self, since: date | None, until: date | None) -> None:
        for edit, value in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.set_value(value)
            edit.blockSignals(False)
        self.reload()

    def clear_filters(self) -> None:
        for widget in (self.since, self.until, self.who, self.kind, self.search):
            widget.blockSignals(True)
        self.since.set_value(None)
        self.until.set_value(None)
        self.who.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.since, self.until, self.who, self.kind, self.search):
            widget.blockSignals(False)
        self.reload()

    def _load_authors(self) -> None:
        task = read_in_background(self.session.dossier, journal_authors, self)
        task.succeeded.connect(self._show_authors)

    def _show_authors(self, names: list[str]) -> None:
        current = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(ALL, None)
        for name in names:
            self.who.addItem(name, name)
        self.who.setCurrentIndex(max(self.who.findData(current), 0) if current else 0)
        self.who.blockSignals(False)

    # data ---------------------------------------------------------------------
    def reload(self) -> None:
        """The newest page of lines at once; their count arrives from a background read."""
        self._search_timer.stop()
        wanted = self.criteria()
        try:
            wanted.check()
        except ValidationError as error:
            self.message.setText(str(error))
            self.message.show()
            self.model.reset(lambda _after: [])
            self.count_label.setText("")
            return
        names = self.session.references.names()
        dossier = self.session.dossier

        def page(after: JournalLine | None) -> list[JournalLine]:
            return journal_page(dossier, wanted, after, names, self.model.page_size)

        self.model.reset(page)
        self.table.scrollToTop()
        if self.model.rowCount() == 0:
            self.message.setText(
                f"Aucune modification ne correspond au filtre ({wanted.describe()})."
            )
        self.message.setVisible(self.model.rowCount() == 0)
        self.count_label.setText("Comptage…")
        if self.count_task is not None:
            self.count_task.cancel()
        task = read_in_background(dossier, lambda reader: journal_count(reader, wanted), self)
        task.succeeded.connect(lambda count, w=wanted: self._show_count(w, count))
        self.count_task = task

    def _show_count(self, wanted: JournalFilter, count: int) -> None:
        if wanted == self.criteria():
            self.count_label.setText(f"{format_count(count)} modification(s)")

    # files --------------------------------------------------------------------
    def write_file(self, suffix: str) -> None:
        from contrat_desktop.ui.dialogs.documents.written_file import (
            ask_target,
            write_in_background,
        )

        wanted = self.criteria()
        excel = suffix == ".xlsx"
        title = "Exporter le journal" if excel else "Imprimer le journal"
        if self.model.rowCount() == 0:
            self.message.setText(
                f"Aucune modification ne correspond au filtre ({wanted.describe()}) : "
                "rien à écrire."
            )
            self.message.show()
            return
        suggested = self.session.dossier.path.parent / f"journal-{date.today():%Y-%m-%d}{suffix}"
        if excel:  # .xlsx or .ods, as chosen in the dialog
            target = ask_save_workbook(self, title, suggested)
        else:
            target = ask_target(self, title, suggested, "Documents PDF (*.pdf)")
        if target is None:
            return
        names = self.session.references.names()
        organisation = load_document_settings(self.session.dossier).organisation_name

        def work(reader: Dossier, control: TaskControl) -> int:
            return write_journal(
                reader, wanted, target, names, organisation=organisation, progress=control.report
            )

        self.file_task = write_in_background(
            self,
            self.session.dossier,
            title,
            work,
            lambda count: f"Journal écrit ({format_count(count)} lignes) : {target}",
        )
