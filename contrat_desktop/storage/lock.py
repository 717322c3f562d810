"""The lock file beside a dossier: who holds it (user, machine, since when).

A second instance finds the lock and opens the dossier read-only, naming the holder. A lock
left by a crashed process on this machine is taken over; one from another machine is kept
(the user can retry or, later, force it from the window).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class LockInfo:
    user: str
    machine: str
    pid: int
    since: str  # ISO timestamp, local time
    token: str

    def describe(self) -> str:
        when = datetime.fromisoformat(self.since).strftime("%d/%m/%Y à %H:%M")
        return f"{self.user} sur le poste {self.machine}, depuis le {when}"


def lock_path(dossier: Path) -> Path:
    return dossier.with_name(dossier.name + ".lock")


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some services, containers)
        return os.environ.get("USERNAME") or "inconnu"


def current_machine() -> str:
    return socket.gethostname() or "inconnu"


def read_lock(dossier: Path) -> LockInfo | None:
    """The lock's content, or ``None`` when there is none (or it is unreadable)."""
    try:
        data = json.loads(lock_path(dossier).read_text(encoding="utf-8"))
        return LockInfo(**{key: data[key] for key in LockInfo.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def acquire_lock(dossier: Path, user: str | None = None) -> tuple[LockInfo | None, LockInfo | None]:
    """Try to take the lock. Returns ``(mine, holder)``: exactly one is not ``None``."""
    me = LockInfo(
        user=user or current_user(),
        machine=current_machine(),
        pid=os.getpid(),
        since=datetime.now().isoformat(timespec="seconds"),
        token=uuid.uuid4().hex,
    )
    path = lock_path(dossier)
    for _attempt in range(2):
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = read_lock(dossier)
            if holder is not None and not _is_stale(holder):
                return None, holder
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # stale (crashed process on this machine) or unreadable
            continue
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(asdict(me), handle, ensure_ascii=False)
        return me, None
    # Another process re-created the lock between our attempts: it holds the dossier.
    holder = read_lock(dossier)
    return None, holder or LockInfo("inconnu", "inconnu", 0, me.since, "")


def release_lock(dossier: Path, mine: LockInfo) -> None:
    """Remove the lock only if it is still ours."""
    holder = read_lock(dossier)
    if holder is not None and holder.token == mine.token:
        with contextlib.suppress(FileNotFoundError):
            lock_path(dossier).unlink()


def _is_stale(holder: LockInfo) -> bool:
    if holder.machine != current_machine():
        return False
    return not _process_alive(holder.pid)


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 only checks existence on POSIX
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information = 0x1000
    still_active = 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)
