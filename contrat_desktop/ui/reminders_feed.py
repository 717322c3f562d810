"""The count of reminders in the status bar ("À faire : 12"), kept up to date: the list is
read off the GUI thread (``read_in_background``) a moment after the window is shown and
after the dossier changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.session import DossierSession

if TYPE_CHECKING:  # the reminders' modules are loaded at the first reading, after start-up
    from contrat_desktop.domain.reminders import Reminder

DELAY_MS = 400  # several saves in a row: one reading


class ReminderFeed(QObject):
    updated = Signal(list)  # list[Reminder], across campaigns

    def __init__(self, session: DossierSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reminders: list[Reminder] | None = None
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        session.changed.connect(lambda _entity: self.timer.start())

    def refresh_later(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        if self.task is not None:  # a reading is under way: read again when it ends
            self.timer.start()
            return
        from contrat_desktop.operations.reminders import list_reminders

        self.task = read_in_background(self.session.dossier, list_reminders, self)
        self.task.succeeded.connect(self._received)
        self.task.finished.connect(self._done)

    def _received(self, reminders: list[Reminder]) -> None:
        self.reminders = reminders
        self.updated.emit(reminders)

    def _done(self) -> None:
        self.task = None
