"""The reminders of the chosen campaign, read once for everyone who shows them: the count in
the status bar (« À faire (2016) : 12 »), the « À faire » page (on the campaign shown) and
the home page's card (a count across campaigns beside a page of one campaign read as a
contradiction). One feed per dossier session (``reminder_feed``): the list is read off the
GUI thread (``read_in_background``) a moment after the window is shown, after the dossier
or the chosen campaign changed, or when a reader finds nothing yet; every reader listens to
``updated``, so that one edit costs one reading, not three."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.error_messages import read_failure
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
    failed = Signal(str)  # why the reading failed, in French (``read_failure``)

    def __init__(self, session: DossierSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reminders: list[Reminder] | None = None
        self.year: int | None = None  # the campaign ``reminders`` were read for
        self.task: Task | None = None
        self.readings = 0  # how many were started (the tests count them)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        session.changed.connect(lambda _entity: self.timer.start())
        session.campaign_changed.connect(lambda _id: self.timer.start())
        session.closing.connect(self.timer.stop)  # no reading due after an edit survives

    @property
    def pending(self) -> bool:
        """A reading is due or under way: ``updated`` follows."""
        return self.timer.isActive() or self.task is not None

    def current(self) -> list[Reminder] | None:
        """The reminders read for the campaign chosen now (None: not read yet)."""
        return self.reminders if self.year == self.session.campaign_year else None

    def refresh_later(self) -> None:
        self.timer.start()

    def ask(self, later: bool = False) -> None:
        """For a reader with nothing to show: read (now, or in a moment) unless the chosen
        campaign's list is read or a reading is due (after an edit the feed reads again by
        itself: what it holds, when nothing is due, is up to date)."""
        if self.pending or self.current() is not None or self.session.dossier.closed:
            return
        if later:
            self.timer.start()
        else:
            self.refresh()

    def refresh(self) -> None:
        self.timer.stop()
        if self.session.dossier.closed:  # the session closed: nothing to read any more
            return
        if self.task is not None:  # a reading is under way: read again when it ends
            self.timer.start()
            return
        from contrat_desktop.operations.reminders import list_reminders

        year = self.session.campaign_year

        def read(reader: Dossier) -> tuple[int | None, list[Reminder]]:
            return year, list_reminders(reader, year)

        self.readings += 1
        self.task = read_in_background(self.session.dossier, read, self)
        self.task.succeeded.connect(self._received)
        self.task.failed.connect(lambda error: self.failed.emit(read_failure(error)))
        self.task.finished.connect(self._done)

    def _received(self, read: tuple[int | None, list[Reminder]]) -> None:
        self.year, self.reminders = read
        self.updated.emit(self.reminders)

    def _done(self) -> None:
        self.task = None


def reminder_feed(session: DossierSession) -> ReminderFeed:
    """The session's one feed, made at its first use (and gone with the session)."""
    feed = session.findChild(ReminderFeed)
    if feed is None:
        feed = ReminderFeed(session, session)
    return feed
