"""The lock file beside a dossier: who holds it now, or how it was last closed.

``DOSSIER.cdv.lock`` stays beside the dossier. Holding the dossier is holding an OS lock on
that file for the whole session (``file_lock.py``): the system releases it however the
holder ends, so a lock left by a killed or crashed session is told from a live one without
guessing. While open, the content names the holder (user, machine, process, since when);
once closed cleanly, it records when, by whom, and the dossier file's fingerprint, which lets
the next opener skip the full integrity check (``integrity.py``). That content and its
reading and writing are ``lock_content.py``; this module owns the protocol that takes,
probes and releases the lock.

The application never deletes this file: a lock left by a dead session is taken over by
rewriting it in place while holding the OS lock, so two openers cannot both hold it (the old
way, delete then re-create, let a lock still being written be taken for stale).

A session named by another machine whose OS lock is free may be dead, or live on a share
that does not pass locks on: it is respected (read-only), and the message says how to free
it. Where the file system refuses OS locks, liveness falls back to machine and process, and a
takeover is confirmed by reading the file back.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path

from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.storage.file_lock import (
    LocksUnsupported,
    hide,
    process_alive,
    try_lock,
    unlock,
)
from contrat_desktop.storage.lock_content import (
    CLOSED,
    OPEN,
    UNKNOWN,
    ClosedRecord,
    FileFingerprint,
    Liveness,
    LockInfo,
    LockState,
    current_machine,
    current_user,
    lock_path,
    now,
    read_content,
    write_content,
)

WAIT_SECONDS = 0.5  # how long a holder may take between its OS lock and its content
STEP_SECONDS = 0.02
_BINARY = getattr(os, "O_BINARY", 0)


class LockImpossible(Exception):
    """The lock file cannot be opened for writing (read-only share, missing rights)."""

    def __init__(self, error: OSError | str) -> None:
        reason = error if isinstance(error, str) else os_reason(error)
        super().__init__(
            f"sur un emplacement où son fichier de verrou ne peut pas être écrit ({reason})"
        )


class HeldLock:
    """The lock this process holds on a dossier, for the whole session."""

    def __init__(
        self, path: Path, descriptor: int, info: LockInfo, found: LockState, os_locked: bool
    ) -> None:
        self.path = path
        self._descriptor: int | None = descriptor
        self.info = info
        self.found = found  # what the file said before we took it
        self.os_locked = os_locked
        self.created = False  # the lock file did not exist (or was empty) before

    def abandon(self) -> None:
        """After a refused open: remove the lock file if this opening created it, else
        record a close without fingerprint (the next opener runs the full check)."""
        if not self.created or self._descriptor is None:
            self.release(None)
            return
        if sys.platform != "win32":  # while still held: nobody can take it in between
            with contextlib.suppress(OSError):
                self.path.unlink()
        descriptor, self._descriptor = self._descriptor, None
        with contextlib.suppress(OSError):
            unlock(descriptor)
        os.close(descriptor)
        if sys.platform == "win32":  # pragma: no cover - Windows deletes closed files only
            with contextlib.suppress(OSError):
                self.path.unlink()

    def release(self, fingerprint: FileFingerprint | None) -> None:
        """Record the clean close (with the file's fingerprint when it is known sound)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            if self.os_locked or read_content(descriptor) == self.info:
                record = ClosedRecord(now(), self.info.user, self.info.machine, fingerprint)
                write_content(descriptor, {"state": CLOSED, **asdict(record)})
        finally:
            if self.os_locked:
                with contextlib.suppress(OSError):
                    unlock(descriptor)
            os.close(descriptor)


def acquire_lock(dossier: Path, user: str | None = None) -> tuple[HeldLock | None, LockState]:
    """Try to take the dossier. Returns ``(held, found)``: ``held`` is ``None`` when someone
    else holds it (``found`` says who); otherwise ``found`` is what the file said before.

    Raises ``LockImpossible`` when the lock file cannot be written."""
    me = LockInfo(
        user=user or current_user(),
        machine=current_machine(),
        pid=os.getpid(),
        since=now(),
        token=os.urandom(16).hex(),  # as random as uuid4, without uuid's platform module
    )
    path = lock_path(dossier)
    for _attempt in range(5):
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | _BINARY, 0o644)
        except OSError as error:
            raise LockImpossible(error) from None
        try:
            created = os.fstat(descriptor).st_size == 0
            if created:
                hide(str(path))
            held, found = _acquire(path, descriptor, me)
            if held is not None and not _still_linked(path, descriptor):
                held.abandon()  # removed by a refused opener meanwhile: start again
                continue
        except BaseException:
            os.close(descriptor)
            raise
        if held is None:
            os.close(descriptor)
        else:
            held.created = created
        return held, found
    raise LockImpossible("le fichier de verrou change sans cesse")


def _still_linked(path: Path, descriptor: int) -> bool:
    """Whether ``path`` still names the file we locked (a refused open that created it
    removes it: a lock on the removed file would protect nothing). Windows deletes no file
    that another process holds open."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return True
    try:
        mine, now = os.fstat(descriptor), os.stat(path)
    except OSError:
        return False
    return not mine.st_ino or (mine.st_ino, mine.st_dev) == (now.st_ino, now.st_dev)


def _acquire(path: Path, descriptor: int, me: LockInfo) -> tuple[HeldLock | None, LockState]:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            taken = try_lock(descriptor)
        except LocksUnsupported:
            return _acquire_without_os_lock(path, descriptor, me)
        if taken:
            break
        found = read_content(descriptor)
        if _plausible_holder(found) or time.monotonic() > deadline:
            return None, _held_by(found)
        time.sleep(STEP_SECONDS)  # its holder is writing its name, or a probe looks
    state = _checked(read_content(descriptor), os_lock_free=True)
    if state.held:  # another machine's session that cannot be told dead: respected
        unlock(descriptor)
        return None, state
    write_content(descriptor, {"state": OPEN, **asdict(me)})
    return HeldLock(path, descriptor, me, state, os_locked=True), state


def _acquire_without_os_lock(
    path: Path, descriptor: int, me: LockInfo
) -> tuple[HeldLock | None, LockState]:
    """Degraded: no OS lock here. Take a free or dead lock, then read it back after a pause
    long enough for a concurrent taker's write to land: the last writer wins alone."""
    state = _checked(read_content(descriptor), os_lock_free=False)
    if state.held:
        return None, state
    write_content(descriptor, {"state": OPEN, **asdict(me)})
    time.sleep(WAIT_SECONDS / 5)
    now = read_content(descriptor)
    if now != me:
        return None, _held_by(now)
    return HeldLock(path, descriptor, me, state, os_locked=False), state


def lock_state(dossier: Path) -> LockState:
    """What the lock file says, checked, without taking the dossier (``info``, readers)."""
    try:
        descriptor = os.open(lock_path(dossier), os.O_RDONLY | _BINARY)
    except OSError:
        return LockState()
    try:
        return _probe(descriptor)
    except OSError:  # not a file, unreadable: it says nothing
        return LockState()
    finally:
        os.close(descriptor)


def _probe(descriptor: int) -> LockState:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            taken = try_lock(descriptor, shared=True)
        except LocksUnsupported:
            return _checked(read_content(descriptor), os_lock_free=False)
        found = read_content(descriptor)
        if taken:
            unlock(descriptor)
            return _checked(found, os_lock_free=True)
        if _plausible_holder(found) or time.monotonic() > deadline:
            return _held_by(found)
        time.sleep(STEP_SECONDS)


def read_lock(dossier: Path) -> LockInfo | None:
    """The session holding the dossier (live, or another machine's that cannot be told
    dead), or ``None`` when it is free."""
    state = lock_state(dossier)
    return state.holder if state.held else None


def _plausible_holder(found: LockInfo | ClosedRecord | None) -> bool:
    """Whether the session named in a held lock file can be the one holding it. A dead
    process of this machine cannot: the OS lock is then a probe's, or a new holder's that
    has not written its name yet (both last a moment)."""
    if not isinstance(found, LockInfo):
        return False
    return found.machine != current_machine() or process_alive(found.pid)


def _held_by(found: LockInfo | ClosedRecord | None) -> LockState:
    if _plausible_holder(found):
        assert isinstance(found, LockInfo)
        return LockState(found, Liveness.LIVE)
    return LockState(LockInfo(UNKNOWN, UNKNOWN, 0, now(), ""), Liveness.LIVE)


def _checked(found: LockInfo | ClosedRecord | None, *, os_lock_free: bool) -> LockState:
    if isinstance(found, ClosedRecord):
        return LockState(closed=found)
    if found is None:
        return LockState()
    if found.machine != current_machine():
        return LockState(found, Liveness.UNKNOWN)
    if os_lock_free:  # on this machine a live holder always holds its OS lock
        return LockState(found, Liveness.STALE)
    alive = process_alive(found.pid)
    return LockState(found, Liveness.LIVE if alive else Liveness.STALE)
