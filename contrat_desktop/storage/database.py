"""Open a dossier file: pragmas, integrity check, lock, backup, migrations.

A dossier is one SQLite file. It is opened with the rollback journal (safe on a network
share, unlike WAL), ``synchronous=FULL``, foreign keys and a busy timeout; its integrity is
checked; a lock file beside it tells a second instance to open it read-only and who holds it.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from contrat_desktop.storage import migrations
from contrat_desktop.storage.backup import BackupFile, has_backup_today, take_backup
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.lock import LockInfo, acquire_lock, current_user, release_lock
from contrat_desktop.storage.records import RecordWriter

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10.0
MIGRATIONS_TABLE = "_sqlite_migrations"


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What happened while opening: integrity result, backups taken, migrations applied."""

    integrity: str
    migrations_applied: tuple[str, ...]
    backups: tuple[BackupFile, ...]


class Dossier:
    """An open dossier: the sqlite-utils database, its lock, and who writes."""

    def __init__(
        self,
        path: Path,
        db: Database,
        *,
        user: str,
        lock: LockInfo | None,
        holder: LockInfo | None,
        read_only_reason: str | None,
    ) -> None:
        self.path = path
        self.db = db
        self.user = user
        self.lock = lock
        self.holder = holder
        self.read_only_reason = read_only_reason
        self.writer = RecordWriter(db, user, read_only=self.read_only)
        self.report = OpenReport("non vérifiée", (), ())
        self.pending_migrations: tuple[str, ...] = ()  # read-only open of an older dossier

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def schema_version(self) -> str:
        names = migrations.applied_names(self.db)
        current = names[-1] if names else "aucune"
        if self.pending_migrations:
            return f"{current} (mise à jour en attente : {', '.join(self.pending_migrations)})"
        return current

    def backup(self, reason: str = "manuelle") -> BackupFile:
        return take_backup(self.db.conn, self.path, reason)

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            release_lock(self.path, self.lock)
            self.lock = None

    def __enter__(self) -> Dossier:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return conn


def check_file(path: Path) -> bool:
    """True when ``path`` holds a SQLite database; False when it is empty (a new dossier)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DossierError(
            f"Impossible de lire le fichier « {path} » : {error.strerror}."
        ) from None
    if not header:
        return False
    if header != SQLITE_HEADER:
        raise DossierError(
            f"Le fichier « {path.name} » n'est pas un dossier contrat_desktop "
            "(ce n'est pas une base SQLite)."
        )
    return True


def integrity_check(conn: sqlite3.Connection) -> str:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return "; ".join(str(row[0]) for row in rows[:10])


class EarlyIntegrityCheck:
    """``PRAGMA integrity_check`` started on its own read-only connection and thread, so
    the window's start-up work overlaps it (SQLite releases the GIL while it reads).
    ``open_dossier`` waits for its verdict before anything is read or written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._result: str | BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                self._result = integrity_check(conn)
            finally:
                conn.close()
        except BaseException as error:  # delivered to the opener, on its thread
            self._result = error

    def verdict(self, conn: sqlite3.Connection) -> str:
        self._thread.join()
        if isinstance(self._result, BaseException) or self._result is None:
            return integrity_check(conn)  # could not run early (e.g. new file): run it now
        return self._result


def open_dossier(
    path: str | Path,
    *,
    user: str | None = None,
    read_only: bool = False,
    create: bool = False,
    daily_backup: bool = True,
    allow_outdated: bool = False,
    early_check: EarlyIntegrityCheck | None = None,
) -> Dossier:
    """Open (or with ``create`` make) a dossier, migrated to the current schema.

    Raises ``DossierError`` with a French message when the file cannot be used.
    """
    path = Path(path)
    who = user or current_user()
    if not path.exists():
        if not create:
            raise DossierError(f"Le dossier « {path} » n'existe pas.")
        if not path.parent.is_dir():
            raise DossierError(f"Le répertoire « {path.parent} » n'existe pas.")
        path.touch()
    existed = check_file(path)

    mine, holder = (None, None) if read_only else acquire_lock(path, who)
    reason = None
    if read_only:
        reason = "ouvert en lecture seule à votre demande"
    elif holder is not None:
        reason = f"ouvert par {holder.describe()}"
    try:
        conn = connect(path, read_only=reason is not None)
        dossier = Dossier(
            path, Database(conn), user=who, lock=mine, holder=holder, read_only_reason=reason
        )
    except sqlite3.DatabaseError as error:
        if mine:
            release_lock(path, mine)
        raise DossierError(f"Le dossier « {path.name} » est illisible : {error}.") from None
    try:
        dossier.report = _prepare(
            dossier,
            existed=existed,
            daily_backup=daily_backup,
            allow_outdated=allow_outdated,
            early=early_check,
        )
    except BaseException:
        dossier.close()
        raise
    return dossier


def _outdated_message(path: Path, dossier: Dossier) -> str:
    start = (
        f"Le dossier « {path.name} » a été créé par une version plus ancienne de "
        "l'application et doit d'abord être mis à jour"
    )
    if dossier.holder is None:  # read-only by the user's own choice
        return f"{start} : ouvrez-le une fois normalement (sans la lecture seule)."
    return (
        f"{start}, ce qui est impossible tant qu'il est {dossier.read_only_reason}. "
        "Réessayez lorsqu'il sera libéré."
    )


def bring_up_to_date(dossier: Dossier) -> tuple[str, ...]:
    """Apply the migrations a dossier lacks (after restoring an older backup into it)."""
    dossier.writer.check_writable()
    pending = tuple(migrations.pending_names(dossier.db))
    if pending:
        migrations.MIGRATIONS.apply(dossier.db)
    return pending


def _prepare(
    dossier: Dossier,
    *,
    existed: bool,
    daily_backup: bool,
    allow_outdated: bool = False,
    early: EarlyIntegrityCheck | None = None,
) -> OpenReport:
    db, path = dossier.db, dossier.path
    try:
        integrity = early.verdict(db.conn) if early else integrity_check(db.conn)
    except sqlite3.DatabaseError as error:
        raise DossierError(f"Le dossier « {path.name} » est endommagé : {error}.") from None
    if integrity != "ok":
        raise DossierError(
            f"Le dossier « {path.name} » est endommagé (contrôle d'intégrité : {integrity}). "
            "Restaurez une sauvegarde."
        )
    tables = set(db.table_names())
    if tables and MIGRATIONS_TABLE not in tables:
        raise DossierError(
            f"Le fichier « {path.name} » est une base SQLite, mais pas un dossier contrat_desktop."
        )
    applied = set(migrations.applied_names(db)) if tables else set()
    unknown = applied - set(migrations.known_names())
    if unknown and not dossier.read_only:
        dossier.read_only_reason = (
            "créé par une version plus récente de l'application : mettez-la à jour pour le modifier"
        )
        dossier.writer.read_only = True
    pending = migrations.pending_names(db) if tables else migrations.known_names()
    backups: list[BackupFile] = []
    if pending and not unknown:
        if dossier.read_only:
            if allow_outdated:  # describe or copy it as it is (info, backup)
                dossier.pending_migrations = tuple(pending)
                return OpenReport(integrity, (), ())
            raise DossierError(_outdated_message(path, dossier))
        if applied:
            backups.append(take_backup(db.conn, path, "avant-migration"))
        migrations.MIGRATIONS.apply(db)
    elif existed and daily_backup and not dossier.read_only and not has_backup_today(path):
        backups.append(take_backup(db.conn, path, "quotidienne"))
    return OpenReport(integrity, tuple(pending if not unknown else ()), tuple(backups))
