"""The home page's « À faire » card: how many things are due in the chosen campaign, per
kind (late bilans, payments to make, conventions to sign…), each row opening the « À faire »
page on that kind. The reminders are those the window's feed reads off the GUI thread for the
status bar and the « À faire » page (``reminders_feed``), after the campaign changes and
after each saved change: the figures of the page never wait for them (nor for their
modules, loaded at the first reading)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.pages.dashboard_cards import FigureTable
from contrat_desktop.ui.reminders_feed import reminder_feed
from contrat_desktop.ui.session import DossierSession

if TYPE_CHECKING:  # the reminders' modules are loaded at the first reading, after start-up
    from contrat_desktop.domain.reminders import Reminder


class RemindersCard(QGroupBox):
    open_reminders = Signal(str)  # the kind's code, "" for all

    def __init__(self, session: DossierSession, parent: QWidget) -> None:
        super().__init__("À faire", parent)
        self.session = session
        self.counts: dict[str, int] | None = None  # None until read
        self.kinds: list[str] = []  # the kind behind each row
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
        self.feed = reminder_feed(session)  # read once for the status bar, the page and here
        self.feed.updated.connect(self._received)
        self.feed.failed.connect(self.summary.setText)  # already French
        self._show()

    def reload_later(self) -> None:
        """The counts of the campaign shown, from the reminders the feed read (it reads them
        again after each edit by itself; another campaign's counts are not shown meanwhile)."""
        year = self.session.campaign_year
        if year != self.year:
            self.year, self.counts = year, None
            self._show()
        if year is None:
            self.counts = {}
            self._show()
            return
        shown = self.feed.current()
        if shown is not None:
            self._received(shown)
        else:
            self.feed.ask(later=True)  # the figures of the page first

    def _received(self, reminders: list[Reminder]) -> None:
        if self.feed.current() is None:
            return  # another campaign was chosen meanwhile: its reading follows
        from contrat_desktop.operations.reminders import count_by_kind

        self.year, self.counts = self.session.campaign_year, count_by_kind(reminders)
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
