"""The home page's « À faire » card: how many things are due in the chosen campaign, per
kind (late bilans, payments to make, conventions to sign…), each row opening the « À faire »
page on that kind. The reminders are read off the GUI thread (``read_in_background``), after
the campaign changes and after each saved change, so the figures of the page never wait
for them (nor for their modules, loaded at the first reading)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.pages.dashboard_cards import FigureTable
from contrat_desktop.ui.session import DossierSession

DELAY_MS = 300  # several saves in a row: one reading


class RemindersCard(QGroupBox):
    open_reminders = Signal(str)  # the kind's code, "" for all

    def __init__(self, session: DossierSession, parent: QWidget) -> None:
        super().__init__("À faire", parent)
        self.session = session
        self.counts: dict[str, int] | None = None  # None until read
        self.kinds: list[str] = []  # the kind behind each row
        self.task: Task | None = None
        self.year: int | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = FigureTable(("À faire", "Nombre"), self._open_row, "Choses à faire", self)
        self.table.setToolTip("Cliquez une ligne pour ouvrir « À faire » sur ce type")
        self.all_button = QPushButton("Ouvrir « À &faire »", self)
        self.all_button.clicked.connect(lambda: self.open_reminders.emit(""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.all_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.reload)
        self._show()

    def reload_later(self) -> None:
        """Read again in a moment; another campaign's counts are not shown meanwhile."""
        if self.session.campaign_year != self.year:
            self.year, self.counts = self.session.campaign_year, None
            self._show()
        self.timer.start()

    def reload(self) -> None:
        """Count the reminders of the campaign shown, off the GUI thread."""
        if self.task is not None:  # a reading is under way: read again when it ends
            self.timer.start()
            return
        year = self.session.campaign_year
        if year is None:
            self.year, self.counts = None, {}
            self._show()
            return

        from contrat_desktop.operations.reminders import count_by_kind, list_reminders

        def count(reader: Dossier) -> dict[str, int]:
            return count_by_kind(list_reminders(reader, year))

        self.task = read_in_background(self.session.dossier, count, self)
        self.task.succeeded.connect(lambda counts: self._received(year, counts))
        self.task.failed.connect(
            lambda error: self.summary.setText(f"Lecture impossible : {error}")
        )
        self.task.finished.connect(self._finished)

    def _finished(self) -> None:
        self.task = None

    def _received(self, year: int, counts: dict[str, int]) -> None:
        if year != self.session.campaign_year:
            return  # another campaign was chosen meanwhile: its reading follows
        self.year, self.counts = year, counts
        self._show()

    def _show(self) -> None:
        counts = self.counts
        if counts is None:
            self.summary.setText("Lecture en cours…")
            self.kinds = []
            self.table.fill([])
            self.table.hide()
            return
        from contrat_desktop.operations.reminders import kind_labels

        labels = kind_labels()
        self.kinds = list(counts)
        self.table.fill([[labels[kind], format_count(counts[kind])] for kind in self.kinds])
        self.table.setVisible(bool(counts))
        total = sum(counts.values())
        where = f"la campagne {self.year}" if self.year is not None else "ce dossier"
        self.summary.setText(
            f"<b>{format_count(total)}</b> chose(s) à faire pour {where}."
            if total
            else f"Rien à faire pour {where}."
        )

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.kinds):
            self.open_reminders.emit(self.kinds[row])
