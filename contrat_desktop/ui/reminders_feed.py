"""The count of reminders in the status bar (« À faire (2016) : 12 »), kept up to date. It
counts the campaign chosen in the campaign selector, like the « À faire » page and the home
page's card (a count across campaigns beside a page of one campaign read as a contradiction).
The list is read off the GUI thread (``read_in_background``) a moment after the window is
shown, and after the dossier or the chosen campaign changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.session import DossierSession

if TYPE_CHECKING:  # the reminders' modules are loaded at the first reading, after start-up
    from contrat_desktop.domain.reminders import Reminder
    from contrat_desktop.storage.database import Dossier

DELAY_MS = 400  # several saves in a row: one reading


def count_text(year: int | None, count: int) -> str:
    """What the status bar reads: « À faire (2016) : 73 », « Rien à faire (2016) »."""
    where = str(year) if year is not None else "toutes campagnes"
    return f"À faire ({where}) : {format_count(count)}" if count else f"Rien à faire ({where})"


class ReminderFeed(QObject):
    updated = Signal(list)  # list[Reminder] of the campaign ``year``

    def __init__(self, session: DossierSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reminders: list[Reminder] | None = None
        self.year: int | None = None  # the campaign ``reminders`` were read for
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        session.changed.connect(lambda _entity: self.timer.start())
        session.campaign_changed.connect(lambda _id: self.timer.start())

    def refresh_later(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        if self.task is not None:  # a reading is under way: read again when it ends
            self.timer.start()
            return
        from contrat_desktop.operations.reminders import list_reminders

        year = self.session.campaign_year

        def read(reader: Dossier) -> tuple[int | None, list[Reminder]]:
            return year, list_reminders(reader, year)

        self.task = read_in_background(self.session.dossier, read, self)
        self.task.succeeded.connect(self._received)
        self.task.finished.connect(self._done)

    def _received(self, read: tuple[int | None, list[Reminder]]) -> None:
        self.year, self.reminders = read
        self.updated.emit(self.reminders)

    def _done(self) -> None:
        self.task = None
