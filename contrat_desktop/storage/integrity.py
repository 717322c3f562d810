"""Is a dossier file sound? A cheap check on every open, the full check when it is due.

``PRAGMA integrity_check`` reads every page (about 250 ms on a 50 000-action dossier, more
on a network share), so it is not paid each time. The writer that closes a dossier cleanly
records in the lock file the file's fingerprint (size, modification time, SQLite's change
counter), and the next opener compares: the full check runs only when the file may have
changed since a sound state was seen — the previous session ended without closing (killed,
crashed, power cut: its lock was left behind), there is no record (first open here, a copy,
a file put back by hand), the file differs from the record (changed by another tool,
copied over, damaged by a disk or a share) — and also before the daily backup (a backup
of a damaged file is worth nothing) and on demand (``info --full-check``). A reader that
opens while a live writer holds the dossier trusts that writer's check (SQLite's own
locking keeps the file consistent while it writes). Every open also checks the header
against the file's size, which catches a truncated copy at no cost.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.storage.backup import has_backup_today
from contrat_desktop.storage.errors import DossierDamaged, DossierError
from contrat_desktop.storage.lock import lock_state
from contrat_desktop.storage.lock_content import FileFingerprint, Liveness, LockState

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100


def journal_path(path: Path) -> Path:
    """SQLite's rollback journal beside a dossier."""
    return path.with_name(path.name + "-journal")


def has_hot_journal(path: Path) -> bool:
    """A non-empty journal left beside the file: a writer was stopped in a transaction.
    Until SQLite rolls it back, the file may legitimately be shorter than its header says
    (killed while committing, after page 1 and before the last pages were written)."""
    journal = journal_path(path)
    try:
        return journal.is_file() and journal.stat().st_size > 0
    except OSError:
        return False


def header_problem(path: Path) -> str | None:
    """A French sentence when the header does not fit the file (truncated, cut, garbled).

    Not a verdict while a hot journal lies beside the file: the size is checked only once
    SQLite has rolled the journal back (the full check then runs: the session was killed)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        return f"il ne peut pas être lu ({os_reason(error)})"
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        return "son en-tête est incomplet"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "son en-tête est incohérent (taille de page)"
    if has_hot_journal(path):
        return None
    pages = int.from_bytes(header[28:32], "big")
    counter_ok = header[24:28] == header[92:96]
    if counter_ok and pages:
        expected = pages * page_size
        if size < expected:
            return (
                f"il est tronqué : il devrait faire {expected:,} octets, il en fait "
                f"{size:,}".replace(",", "\u202f")
            )
    elif size % page_size:
        return "il est tronqué (sa taille n'est pas un nombre entier de pages)"
    return None


def full_check_reason(dossier: Path, found: LockState, *, writing: bool) -> str | None:
    """Why the full check is due (French, for ``info``); ``None`` when the cheap one does.

    ``found`` is what the lock file said before this opener looked at the file."""
    if found.holder is not None:
        if found.liveness is Liveness.STALE:
            return "la session précédente s'est arrêtée sans fermer le dossier"
        if found.liveness is Liveness.LIVE and not writing:
            return None  # its live writer checked it when opening; SQLite keeps it whole
        return "le dossier est ouvert sur un autre poste, qui ne peut pas être vérifié"
    if found.closed is None:
        return "aucune fermeture propre n'est enregistrée à côté du fichier"
    if found.closed.fingerprint is None:
        return "sa dernière fermeture n'a pas été vérifiée"
    if found.closed.fingerprint != FileFingerprint.of(dossier):
        return "le fichier a changé depuis sa dernière fermeture propre"
    return None


def full_check(conn: sqlite3.Connection) -> str:
    """``PRAGMA integrity_check``: ``"ok"``, or the first problems found (SQLite's words)."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return "; ".join(str(row[0]) for row in rows[:10])


def damaged(path: Path, detail: str, shown: str | None = None) -> DossierDamaged:
    """The French refusal of a damaged dossier: ``shown`` says what is wrong (French),
    else a general sentence; SQLite's own (English) words go to the log."""
    log.warning("integrity check of %s failed: %s", path, detail)
    what = shown or (
        "le contrôle d'intégrité y trouve des pages ou des index incohérents "
        "(un disque ou un partage réseau défaillant, une copie interrompue)"
    )
    folder = path.with_name(path.name.removesuffix(path.suffix) + ".sauvegardes").name
    return DossierDamaged(
        f"Le dossier « {path.name} » est endommagé : {what}. Il n'a pas été ouvert : "
        f"restaurez une sauvegarde (dans le dossier « {folder} », à côté du fichier)."
    )


def refusal(path: Path, error: sqlite3.DatabaseError) -> DossierError:
    """What to tell of an SQLite error met while opening: a busy or write-protected file is
    not a damaged one (restoring a backup would be the wrong advice)."""
    if isinstance(error, sqlite3.OperationalError):
        log.warning("%s could not be read: %s", path, error)
        return DossierError(
            f"Le dossier « {path.name} » n'a pas pu être lu pour l'instant : une autre "
            "session l'écrit, ou il est protégé en écriture alors qu'une écriture interrompue "
            "doit y être annulée. Réessayez dans un instant, ou ouvrez-le normalement (sans la "
            "lecture seule) depuis un poste qui peut y écrire."
        )
    return damaged(path, str(error))


class EarlyIntegrityCheck:
    """The full check, when it looks due, started on its own read-only connection and
    thread so that the window's start-up work overlaps it (SQLite releases the GIL while it
    reads). ``open_dossier`` decides for itself and, when it needs the check, waits for this
    verdict (or runs the check when this one did not)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._result: str | BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            daily_due = not has_backup_today(self.path)
            if not daily_due and not full_check_reason(
                self.path, lock_state(self.path), writing=False
            ):
                return  # the opener will most likely not need it
            conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                self._result = full_check(conn)
            finally:
                conn.close()
        except BaseException as error:  # delivered to the opener, on its thread
            self._result = error

    def verdict(self, conn: sqlite3.Connection) -> str:
        self._thread.join()
        if isinstance(self._result, BaseException) or self._result is None:
            return full_check(conn)  # could not run early (e.g. new file): run it now
        return self._result
