"""What a dossier's lock file says: the session holding it, or the record of its last clean
close with the dossier file's fingerprint, and how that content is read and rewritten in place.

The protocol that takes, probes and releases the lock (OS lock, liveness, takeover) is
``lock.py``; this module owns only the content and its French descriptions.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from contrat_desktop.paths import machine_name

OPEN, CLOSED = "open", "closed"
UNKNOWN = "inconnu"


@dataclass(frozen=True, slots=True)
class LockInfo:
    """The session holding a dossier: user, machine, process, since when."""

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
    """The record of a clean close: who, when, and the file's fingerprint."""

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
    return machine_name() or UNKNOWN


def read_content(descriptor: int) -> LockInfo | ClosedRecord | None:
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


def write_content(descriptor: int, content: dict[str, Any]) -> None:
    """Overwrite the content in place (never empty in between), then make it durable."""
    data = json.dumps(content, ensure_ascii=False).encode("utf-8")
    os.lseek(descriptor, 0, os.SEEK_SET)
    written = 0
    while written < len(data):
        written += os.write(descriptor, data[written:])
    os.ftruncate(descriptor, len(data))
    os.fsync(descriptor)


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")
