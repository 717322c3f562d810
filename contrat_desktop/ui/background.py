"""The one helper that runs work off the GUI thread and hands its outcome back to it.

``run_in_background(work)`` starts ``work(control)`` on Qt's global thread pool and returns a
``Task`` whose signals (``succeeded``, ``failed``, ``cancelled``, ``progressed``) are always
delivered on the GUI thread, whatever slot is connected to them.

The work receives a ``TaskControl``: ``control.report(done, total)`` publishes progress and
is also the cancel checkpoint (it raises ``Cancelled`` once ``Task.cancel()`` was called), so
an operation that accepts a ``progress`` callback becomes cancellable for free.

Rule (ARCHITECTURE.md, decision 7): the work must never touch the session's dossier, whose
sqlite-utils ``Database`` belongs to the GUI thread. Work that reads the dossier opens its own
read-only connection (``open_dossier(path, read_only=True)``); writes happen back on the GUI
thread.

So a task can neither close nor keep the window's connection: it only ever has its own
(sqlite3 refuses any use of a connection, even ``close()``, from a thread other than its
opener's), and a task started for a dossier (``dossier=``) delivers no outcome once that
dossier was closed (another dossier opened meanwhile): it ends ``cancelled``, and closing a
session cancels the work still running on its dossier (``cancel_work_on``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from contrat_desktop.storage.database import Dossier, open_dossier

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised at a checkpoint of the work once the user asked to cancel."""


class TaskControl:
    """What the work sees of its task: a cancel flag and a progress reporter (thread-safe)."""

    def __init__(self, task: Task) -> None:
        self._event = threading.Event()
        self._task = task

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop."""
        if self._event.is_set():
            raise Cancelled()

    def report(self, done: int, total: int) -> None:
        """Publish progress (delivered on the GUI thread); a cancel checkpoint too."""
        self.check()
        self._task._progress.emit(int(done), int(total))


class Task(QObject):
    """One piece of background work. Created and living on the GUI thread."""

    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()
    progressed = Signal(int, int)  # done, total
    finished = Signal()  # after any of the three outcomes

    # emitted from the worker thread; queued to the GUI thread because the task lives there
    _result = Signal(object)
    _error = Signal(object)
    _progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None, dossier: Dossier | None = None) -> None:
        super().__init__(parent)
        self.dossier = dossier  # the window's handle: once closed, the outcome is dropped
        self.control = TaskControl(self)
        self.running = True
        self._result.connect(self._on_result)
        self._error.connect(self._on_error)
        self._progress.connect(self._on_progress)

    def cancel(self) -> None:
        self.control.cancel()

    def _dropped(self) -> bool:
        """Cancelled, or its dossier closed: nobody may use the outcome any more."""
        return self.control.cancelled or (self.dossier is not None and self.dossier.closed)

    @Slot(object)
    def _on_result(self, value: object) -> None:
        self.running = False
        if self._dropped():
            self.cancelled.emit()
        else:
            self.succeeded.emit(value)
        self.finished.emit()
        _running.discard(self)

    @Slot(object)
    def _on_error(self, error: object) -> None:
        self.running = False
        if isinstance(error, Cancelled) or self._dropped():
            self.cancelled.emit()
        else:
            self.failed.emit(error)
        self.finished.emit()
        _running.discard(self)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.running and not self.control.cancelled:
            self.progressed.emit(done, total)


class _Runner(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskControl], Any]) -> None:
        super().__init__()
        self._task = task
        self._work = work

    def run(self) -> None:
        try:
            try:
                value = self._work(self._task.control)
            except BaseException as error:  # delivered to the GUI thread, never lost
                if not isinstance(error, Cancelled):
                    log.debug("background work failed", exc_info=error)
                self._task._error.emit(error)
            else:
                self._task._result.emit(value)
        except RuntimeError:  # the task's parent was deleted meanwhile: nobody listens
            log.debug("background outcome dropped: its task was deleted")


_running: set[Task] = set()  # keeps tasks alive until their outcome is delivered


def run_in_background(
    work: Callable[[TaskControl], Any],
    parent: QObject | None = None,
    *,
    dossier: Dossier | None = None,
) -> Task:
    """Start ``work(control)`` on the thread pool; connect to the returned task's signals.

    Connect right after the call: outcomes are queued to the GUI thread, so none can be
    delivered before control returns to the event loop. Given the ``dossier`` whose outcome
    the work prepares, the task ends ``cancelled`` if that dossier is closed first.
    """
    task = Task(parent, dossier)
    _running.add(task)
    QThreadPool.globalInstance().start(_Runner(task, work))
    return task


def read_in_background(
    dossier: Dossier, work: Callable[[Dossier], Any], parent: QObject | None = None
) -> Task:
    """``work(reader)`` off the GUI thread, ``reader`` being a read-only connection of its
    own to ``dossier``'s file (the rule above); the task succeeds with what ``work`` returns."""
    path, user = dossier.path, dossier.user  # read here, on the GUI thread

    def run(control: TaskControl) -> Any:
        control.check()
        with open_dossier(path, user=user, read_only=True, daily_backup=False) as reader:
            return work(reader)

    return run_in_background(run, parent, dossier=dossier)


def cancel_work_on(dossier: Dossier) -> None:
    """Cancel the work running for ``dossier`` (it is being closed): each task stops at its
    next checkpoint and ends ``cancelled``."""
    for task in list(_running):
        if task.dossier is dossier:
            task.cancel()


def wait_for_background_work(msecs: int = 30_000) -> bool:
    """Block until every running work returned (closing the window, tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
