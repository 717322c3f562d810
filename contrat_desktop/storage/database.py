"""Open a dossier file: pragmas, integrity check, lock, backup, migrations.

A dossier is one SQLite file. It is opened with the rollback journal (safe on a network
share, unlike WAL), ``synchronous=FULL``, foreign keys and a busy timeout; its integrity is
checked; a lock file beside it tells a second instance to open it read-only and who holds it.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.storage.backup import BackupFile, has_backup_today, take_backup
from contrat_desktop.storage.errors import DossierError, OutdatedDossier
from contrat_desktop.storage.integrity import (
    SQLITE_HEADER,
    EarlyIntegrityCheck,
    damaged,
    full_check,
    full_check_reason,
    has_hot_journal,
    header_problem,
    refusal,
)
from contrat_desktop.storage.lazy_database import LazyDatabase
from contrat_desktop.storage.leftovers import remove_leftovers
from contrat_desktop.storage.lock import HeldLock, LockImpossible, acquire_lock, lock_state
from contrat_desktop.storage.lock_content import (
    FileFingerprint,
    Liveness,
    LockInfo,
    LockState,
    current_user,
    lock_path,
)
from contrat_desktop.storage.records import RecordWriter
from contrat_desktop.storage.schema_versions import (
    applied_names,
    known_names,
    pending_names,
    schema_label,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["Dossier", "EarlyIntegrityCheck", "OpenReport", "bring_up_to_date", "open_dossier"]
log = logging.getLogger(__name__)
BUSY_TIMEOUT_SECONDS = 10.0
MIGRATIONS_TABLE = "_sqlite_migrations"


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What happened while opening: integrity result (and which check gave it), backups
    taken, migrations applied, leftovers of killed writers removed."""

    integrity: str
    migrations_applied: tuple[str, ...]
    backups: tuple[BackupFile, ...]
    check: str = ""  # "complet : <why>" or "rapide : <last clean close>"
    leftovers_removed: tuple[Path, ...] = ()


class Dossier:
    """An open dossier: the sqlite-utils database, its lock, and who writes."""

    def __init__(
        self,
        path: Path,
        db: Database,
        *,
        user: str,
        lock: HeldLock | None,
        found: LockState,
        read_only_reason: str | None,
    ) -> None:
        self.path = path
        self.db = db
        self.user = user
        self.lock = lock
        self.found = found  # the lock file as this opener found it
        # who holds it, when that is why this dossier is read-only
        self.holder: LockInfo | None = found.holder if lock is None and found.held else None
        self.writer = RecordWriter(db, user)
        self.read_only_reason = read_only_reason
        self.report = OpenReport("non vérifiée", (), ())
        self.verified = False  # integrity known good: the clean close records a fingerprint
        self.pending_migrations: tuple[str, ...] = ()  # read-only open of an older dossier
        self._closed = False

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why nothing can be changed (« ouvert par camille sur le poste … »), or None."""
        return self._read_only_reason

    @read_only_reason.setter
    def read_only_reason(self, reason: str | None) -> None:
        self._read_only_reason = reason
        self.writer.read_only = reason is not None
        self.writer.read_only_reason = reason

    def schema_version(self) -> str:
        names = applied_names(self.db)
        current = names[-1] if names else "aucune"
        if self.pending_migrations:
            return f"{current} (mise à jour en attente : {', '.join(self.pending_migrations)})"
        return current

    def schema_label(self) -> str:
        """The schema version as people read it: « 17 (versements suivis par ligne de
        financement) », and the one an update would bring."""
        names = applied_names(self.db)
        current = schema_label(names[-1]) if names else "aucune"
        if self.pending_migrations:
            wanted = schema_label(self.pending_migrations[-1])
            return f"{current} ; mise à jour en attente vers la version {wanted}"
        return current

    def backup(self, reason: str = "manuelle") -> BackupFile:
        return take_backup(self.db.conn, self.path, reason)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        self.db.close()  # from the thread that opened it only: sqlite3 refuses any other
        self._closed = True
        self.release_lock()

    def release_lock(self) -> None:
        """Let others write (the connection stays); records a clean close in the lock file."""
        if self.lock is not None:
            self.lock.release(FileFingerprint.of(self.path) if self.verified else None)
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
            f"Impossible de lire le fichier « {path} » : {os_reason(error)}."
        ) from None
    if not header:
        return False
    if header != SQLITE_HEADER:
        raise DossierError(
            f"Le fichier « {path.name} » n'est pas un dossier contrat_desktop "
            "(ce n'est pas une base SQLite)."
        )
    problem = header_problem(path)  # costs nothing, catches a truncated copy
    if problem:
        raise damaged(path, problem, problem)
    return True


def open_dossier(
    path: str | Path,
    *,
    user: str | None = None,
    read_only: bool = False,
    create: bool = False,
    daily_backup: bool = True,
    allow_outdated: bool = False,
    early_check: EarlyIntegrityCheck | None = None,
    full_check: bool = False,
    migration_backup: bool = True,
) -> Dossier:
    """Open (or with ``create`` make) a dossier, migrated to the current schema.

    ``full_check`` runs the full integrity check even when the cheap one would do;
    ``migration_backup=False`` migrates without a backup (a temporary copy of a backup).
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
    held, found, reason = _take_lock(path, who, read_only)
    try:
        conn = connect(path, read_only=reason is not None)
        db = LazyDatabase(conn)  # sqlite-utils imported only once something needs it
        dossier = Dossier(path, db, user=who, lock=held, found=found, read_only_reason=reason)
    except sqlite3.DatabaseError as error:
        if held:
            held.abandon()
        raise refusal(path, error) from None
    try:
        dossier.report = _prepare(
            dossier,
            existed=existed,
            daily_backup=daily_backup,
            allow_outdated=allow_outdated,
            early=early_check,
            full=full_check,
            migration_backup=migration_backup,
        )
    except BaseException:
        dossier.db.close()
        if dossier.lock is not None:
            dossier.lock.abandon()
            dossier.lock = None
        raise
    return dossier


def _take_lock(
    path: Path, who: str, read_only: bool
) -> tuple[HeldLock | None, LockState, str | None]:
    """The lock (or why not: the read-only reason) and the lock file as found."""
    if read_only:
        return None, _roll_back_if_hot(path, who), "ouvert en lecture seule à votre demande"
    try:
        held, found = acquire_lock(path, who)
    except LockImpossible as impossible:
        return None, lock_state(path), str(impossible)
    if held is not None:
        return held, found, None
    assert found.holder is not None
    reason = f"ouvert par {found.holder.describe()}"
    if found.liveness is Liveness.UNKNOWN:
        reason += (
            " (non vérifiable d'ici : s'il n'y est plus ouvert, rouvrez-le sur ce poste-là "
            f"ou supprimez « {lock_path(path).name} »)"
        )
    return None, found, reason


def _roll_back_if_hot(path: Path, who: str) -> LockState:
    """A reader that finds the journal of a killed writer (a hot journal) cannot read the
    file until it is rolled back, which takes a write: done here, under the lock, as the
    next writer would have done. Returns the lock file as found (a dead session)."""
    found = lock_state(path)
    if found.held or not has_hot_journal(path):
        return found
    try:
        held, found = acquire_lock(path, who)
    except LockImpossible:
        return lock_state(path)
    if held is None:
        return found
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # the opening itself reports what is wrong
    finally:
        held.release(None)  # not verified: the next opener runs the full check
    return found


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
    pending = tuple(pending_names(dossier.db))
    if pending:
        from contrat_desktop.storage.migrations import MIGRATIONS

        MIGRATIONS.apply(dossier.db)
    return pending


NEWER = "créé par une version plus récente de l'application : mettez-la à jour pour le modifier"


def _verify(
    dossier: Dossier, *, full: bool, daily_due: bool, early: EarlyIntegrityCheck | None
) -> str:
    """The integrity check this open needs; returns which one ran (French, for ``info``)."""
    path = dossier.path
    why = (
        "demandé"
        if full
        else "avant la sauvegarde quotidienne"
        if daily_due
        else full_check_reason(path, dossier.found, writing=not dossier.read_only)
    )
    try:
        if why is None:
            dossier.db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            dossier.verified = True
            closed = dossier.found.closed
            return "rapide : " + (closed.describe() if closed else "session en cours ailleurs")
        verdict = early.verdict(dossier.db.conn) if early else full_check(dossier.db.conn)
    except sqlite3.DatabaseError as error:
        raise refusal(path, error) from None
    if verdict != "ok":
        raise damaged(path, verdict)
    dossier.verified = True
    return f"complet : {why}"


def _prepare(
    dossier: Dossier,
    *,
    existed: bool,
    daily_backup: bool,
    allow_outdated: bool = False,
    early: EarlyIntegrityCheck | None = None,
    full: bool = False,
    migration_backup: bool = True,
) -> OpenReport:
    db, path = dossier.db, dossier.path
    daily_due = existed and daily_backup and not dossier.read_only and not has_backup_today(path)
    check = _verify(dossier, full=full or not existed, daily_due=daily_due, early=early)
    try:
        tables = set(db.table_names())
        applied = set(applied_names(db)) if tables else set()
    except sqlite3.DatabaseError as error:
        raise refusal(path, error) from None
    if tables and MIGRATIONS_TABLE not in tables:
        raise DossierError(
            f"Le fichier « {path.name} » est une base SQLite, mais pas un dossier contrat_desktop."
        )
    unknown = applied - set(known_names())
    if unknown:
        if dossier.read_only and dossier.holder is not None:
            dossier.read_only_reason = f"{dossier.read_only_reason}, et {NEWER}"
        elif not dossier.read_only:
            dossier.read_only_reason = NEWER
            dossier.release_lock()  # the newer version may write it meanwhile
    pending = pending_names(db) if tables else known_names()
    backups: list[BackupFile] = []
    removed = tuple(remove_leftovers(path)) if dossier.lock is not None else ()
    if removed:
        log.info("removed leftovers of killed writers: %s", ", ".join(map(str, removed)))
    if pending and not unknown:
        if dossier.read_only:
            if allow_outdated:  # describe or copy it as it is (info, backup)
                dossier.pending_migrations = tuple(pending)
                return OpenReport("ok", (), (), check)
            raise OutdatedDossier(_outdated_message(path, dossier), held=dossier.holder is not None)
        if applied and migration_backup:
            backups.append(take_backup(db.conn, path, "avant-migration"))
        from contrat_desktop.storage.migrations import MIGRATIONS  # with sqlite-utils

        MIGRATIONS.apply(db)
    elif daily_due and not dossier.read_only:
        backups.append(take_backup(db.conn, path, "quotidienne"))
    migrated = tuple(pending if not unknown else ())
    return OpenReport("ok", migrated, tuple(backups), check, removed)
