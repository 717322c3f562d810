"""Backups of a dossier with the SQLite backup API, kept beside it and rotated.

Taken before a migration, before an import, daily on open, and on demand. The folder is
``<dossier>.sauvegardes`` next to the file, so a dossier on a shared drive keeps its copies
on the same drive.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from contrat_desktop.paths import partial_path
from contrat_desktop.storage.errors import DossierError

KEEP_PER_REASON = {"quotidienne": 14, "avant-migration": 10, "avant-import": 20, "manuelle": 50}
DEFAULT_KEEP = 20
_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<stamp>\d{8}-\d{6}(?:-\d+)?)_(?P<reason>[a-z-]+)(?P<suffix>\.[^.]+)$"
)


@dataclass(frozen=True, slots=True)
class BackupFile:
    """A backup of a dossier: its file, when it was taken and why."""

    path: Path
    taken_at: datetime
    reason: str

    @property
    def size_bytes(self) -> int:
        return self.path.stat().st_size


def backup_dir(dossier: Path) -> Path:
    return dossier.with_name(dossier.name.removesuffix(dossier.suffix) + ".sauvegardes")


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Consistent copy through the backup API, written to a temporary name then renamed."""
    partial = partial_path(target)
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
        partial.replace(target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def take_backup(source: sqlite3.Connection, dossier: Path, reason: str) -> BackupFile:
    folder = backup_dir(dossier)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    stem = dossier.name.removesuffix(dossier.suffix)
    target = folder / f"{stem}_{stamp}_{reason}{dossier.suffix}"
    counter = 1
    while target.exists():
        target = folder / f"{stem}_{stamp}-{counter}_{reason}{dossier.suffix}"
        counter += 1
    copy_database(source, target)
    rotate(dossier, reason)
    return BackupFile(target, now, reason)


def list_backups(dossier: Path) -> list[BackupFile]:
    """Newest first."""
    folder = backup_dir(dossier)
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or path.suffix != dossier.suffix:
            continue
        found.append(BackupFile(path, taken_at(match["stamp"]), match["reason"]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def taken_at(stamp: str) -> datetime:
    """When a backup was taken, from its name's ``AAAAMMJJ-HHMMSS`` (``-2`` after a second
    one in the same second). Read by hand: ``strptime``'s first call costs the start-up 10 to
    20 ms (its module, its regular expressions); a date that does not exist raises
    ``ValueError`` as it did."""
    day, time = stamp[:8], stamp[9:15]
    return datetime(
        int(day[:4]), int(day[4:6]), int(day[6:]), int(time[:2]), int(time[2:4]), int(time[4:])
    )


def rotate(dossier: Path, reason: str) -> None:
    keep = KEEP_PER_REASON.get(reason, DEFAULT_KEEP)
    same_reason = [b for b in list_backups(dossier) if b.reason == reason]
    for old in same_reason[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def has_backup_today(dossier: Path, reason: str = "quotidienne") -> bool:
    today = datetime.now().date()
    return any(b.reason == reason and b.taken_at.date() == today for b in list_backups(dossier))


def restore_into(target: sqlite3.Connection, backup: Path) -> None:
    """Copy a backup over the open dossier's content, through the backup API."""
    try:
        source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            check = source.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"sauvegarde endommagée : {check}")
            source.backup(target)
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise DossierError(f"Impossible de restaurer « {backup.name} » : {error}.") from None


def migrations_in(backup: Path) -> set[str]:
    """The names of the schema migrations a backup file carries."""
    try:
        source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = source.execute("SELECT name FROM _sqlite_migrations").fetchall()
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise DossierError(f"La sauvegarde « {backup.name} » est illisible : {error}.") from None
    return {row[0] for row in rows}
