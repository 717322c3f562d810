"""The lock file beside a dossier: who holds it now, or how it was last closed.

``DOSSIER.cdv.lock`` stays beside the dossier. Holding the dossier is holding an OS lock on
that file for the whole session (``file_lock.py``): the system releases it however the
holder ends, so a lock left by a killed or crashed session is told from a live one without
guessing. While open, the content names the holder (user, machine, process, since when);
once closed cleanly, it records when, by whom, and the dossier file's fingerprint, which lets
the next opener skip the full integrity check (``integrity.py``).

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
import getpass
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from contrat_desktop.storage.file_lock import (
    LocksUnsupported,
    hide,
    process_alive,
    try_lock,
    unlock,
)

OPEN, CLOSED = "open", "closed"
WAIT_SECONDS = 0.5  # how long a holder may take between its OS lock and its content
STEP_SECONDS = 0.02
_BINARY = getattr(os, "O_BINARY", 0)
UNKNOWN = "inconnu"


@dataclass(frozen=True, slots=True)
class LockInfo:
    user: str
    machine: str
    pid: int
    since: str  # ISO timestamp, local time
    token: str

    def describe(self) -> str:
        if not self.token:
            return "une autre session, en cours d'ouverture"
        when = datetime.fromisoformat(self.since).strftime("%d/%m/%Y à %H:%M")
        return f"{self.user} sur le poste {self.machine}, depuis le {when}"


@dataclass(frozen=True, slots=True)
class FileFingerprint:
    """What changes whenever the dossier file changes: size, modification time, and the
    change counter SQLite keeps in the file's header."""

    size: int
    mtime_ns: int
    counter: int

    @classmethod
    def of(cls, dossier: Path) -> FileFingerprint | None:
        try:
            with dossier.open("rb") as handle:
                header = handle.read(100)
                stat = os.fstat(handle.fileno())
        except OSError:
            return None
        if len(header) < 100:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, int.from_bytes(header[24:28], "big"))


@dataclass(frozen=True, slots=True)
class ClosedRecord:
    closed_at: str
    user: str
    machine: str
    fingerprint: FileFingerprint | None  # None: closed without a verified state

    def describe(self) -> str:
        when = datetime.fromisoformat(self.closed_at).strftime("%d/%m/%Y à %H:%M")
        return f"fermé par {self.user} sur le poste {self.machine} le {when}"


class Liveness(Enum):
    LIVE = "vivante"  # its OS lock is held (or, without OS locks, its process runs here)
    STALE = "abandonnée"  # this machine, and nobody holds the OS lock: the session ended
    UNKNOWN = "invérifiable"  # another machine, OS lock free: dead, or a share without locks


@dataclass(frozen=True, slots=True)
class LockState:
    """What the lock file says, checked: the session it names and whether it lives, or the
    record of the last clean close."""

    holder: LockInfo | None = None
    liveness: Liveness | None = None
    closed: ClosedRecord | None = None

    @property
    def held(self) -> bool:
        """Someone could be writing: the holder is live, or cannot be told dead."""
        return self.holder is not None and self.liveness is not Liveness.STALE

    def describe(self) -> str:
        """In French, for ``info``: never names a dead session as the holder."""
        if self.holder is not None and self.liveness is Liveness.LIVE:
            return f"ouvert par {self.holder.describe()}"
        if self.holder is not None and self.liveness is Liveness.UNKNOWN:
            return (
                f"ouvert par {self.holder.describe()} (session d'un autre poste, que ce poste "
                "ne peut pas vérifier)"
            )
        if self.holder is not None:
            return (
                f"libre (la session de {self.holder.describe()} s'est arrêtée sans fermer "
                "le dossier)"
            )
        return f"libre ({self.closed.describe()})" if self.closed else "libre"


def lock_path(dossier: Path) -> Path:
    return dossier.with_name(dossier.name + ".lock")


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some services, containers)
        return os.environ.get("USERNAME") or UNKNOWN


def current_machine() -> str:
    return socket.gethostname() or UNKNOWN


class LockImpossible(Exception):
    """The lock file cannot be opened for writing (read-only share, missing rights)."""

    def __init__(self, error: OSError) -> None:
        cause = "droits insuffisants" if isinstance(error, PermissionError) else "erreur système"
        super().__init__(
            "sur un emplacement où son fichier de verrou ne peut pas être écrit "
            f"({cause}, code {error.errno})"
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
            if self.os_locked or _read(descriptor) == self.info:
                record = ClosedRecord(_now(), self.info.user, self.info.machine, fingerprint)
                _write(descriptor, {"state": CLOSED, **asdict(record)})
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
        since=_now(),
        token=uuid.uuid4().hex,
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
    raise LockImpossible(OSError(0, "le fichier de verrou change sans cesse"))


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
        found = _read(descriptor)
        if _plausible_holder(found) or time.monotonic() > deadline:
            return None, _held_by(found)
        time.sleep(STEP_SECONDS)  # its holder is writing its name, or a probe looks
    state = _checked(_read(descriptor), os_lock_free=True)
    if state.held:  # another machine's session that cannot be told dead: respected
        unlock(descriptor)
        return None, state
    _write(descriptor, {"state": OPEN, **asdict(me)})
    return HeldLock(path, descriptor, me, state, os_locked=True), state


def _acquire_without_os_lock(
    path: Path, descriptor: int, me: LockInfo
) -> tuple[HeldLock | None, LockState]:
    """Degraded: no OS lock here. Take a free or dead lock, then read it back after a pause
    long enough for a concurrent taker's write to land: the last writer wins alone."""
    state = _checked(_read(descriptor), os_lock_free=False)
    if state.held:
        return None, state
    _write(descriptor, {"state": OPEN, **asdict(me)})
    time.sleep(WAIT_SECONDS / 5)
    now = _read(descriptor)
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
            return _checked(_read(descriptor), os_lock_free=False)
        found = _read(descriptor)
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
    return LockState(LockInfo(UNKNOWN, UNKNOWN, 0, _now(), ""), Liveness.LIVE)


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


def _read(descriptor: int) -> LockInfo | ClosedRecord | None:
    os.lseek(descriptor, 0, os.SEEK_SET)
    raw = os.read(descriptor, 65536)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            return None
        if data.get("state", OPEN) == CLOSED:
            return ClosedRecord(
                _timestamp(data["closed_at"]),
                str(data["user"]),
                str(data["machine"]),
                _fingerprint(data.get("fingerprint")),
            )
        return LockInfo(
            str(data["user"]),
            str(data["machine"]),
            int(data["pid"]),
            _timestamp(data["since"]),
            str(data["token"]),
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None  # empty, being written, or garbled


def _fingerprint(data: Any) -> FileFingerprint | None:
    if not isinstance(data, dict):
        return None
    return FileFingerprint(int(data["size"]), int(data["mtime_ns"]), int(data["counter"]))


def _timestamp(value: Any) -> str:
    datetime.fromisoformat(str(value))  # ValueError when garbled
    return str(value)


def _write(descriptor: int, content: dict[str, Any]) -> None:
    """Overwrite the content in place (never empty in between), then make it durable."""
    data = json.dumps(content, ensure_ascii=False).encode("utf-8")
    os.lseek(descriptor, 0, os.SEEK_SET)
    written = 0
    while written < len(data):
        written += os.write(descriptor, data[written:])
    os.ftruncate(descriptor, len(data))
    os.fsync(descriptor)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")
