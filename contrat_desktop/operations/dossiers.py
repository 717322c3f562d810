"""Create, describe and back up dossier files (the ``init``, ``info`` and ``backup`` commands)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from shutil import copyfile
from typing import Any

from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.paths import partial_path
from contrat_desktop.storage.backup import (
    BackupFile,
    backup_dir,
    copy_database,
    list_backups,
    migrations_in,
    restore_into,
)
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.errors import DossierDamaged, DossierError, OutdatedDossier
from contrat_desktop.storage.lock import lock_state, read_lock
from contrat_desktop.storage.lock_content import lock_path
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.schema_versions import known_names as known_migrations
from contrat_desktop.storage.statistics import actions_per_year, entity_counts, granted_per_year


@dataclass(frozen=True)
class DossierInfo:
    """What ``info`` says of a dossier file: size, schema, integrity, lock."""

    path: str
    size_bytes: int
    schema_version: str
    integrity: str
    lock: str  # "libre (…)" or who holds it; never a session that has ended
    locked: bool
    contract: str
    counts: dict[str, int]
    actions_per_year: dict[int, int]
    granted_per_year: dict[int, int]
    last_backup: str | None
    backups: int = 0
    integrity_check: str = ""  # which check gave ``integrity``, and why
    schema: str = ""  # ``schema_version`` as people read it: « 17 (…) »


def create_dossier(
    path: str | Path,
    *,
    fill: Callable[[Dossier], None] | None = None,
    force: bool = False,
) -> Path:
    """Make a new dossier file; refuses to overwrite an existing one unless ``force``.

    ``fill`` writes the content (the demo, a synthetic dossier: ``contrat_desktop.samples``);
    without it the dossier starts empty, with its reference lists."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        if not force:
            raise DossierError(
                f"Le fichier « {path} » existe déjà : choisissez un autre nom "
                "(ou --force pour le remplacer)."
            )
        if read_lock(path) is not None:
            raise DossierError(
                f"Le dossier « {path} » est ouvert : fermez-le avant de le remplacer."
            )
        path.unlink()
    partial = path.with_name(path.name + ".creation")
    if partial.exists():
        partial.unlink()
    try:
        with open_dossier(partial, create=True, daily_backup=False) as dossier:
            if fill is not None:
                fill(dossier)
            else:  # the campaign's and contract's modules: not loaded by a window's start-up
                from contrat_desktop.operations.campaigns import start_empty_dossier

                start_empty_dossier(dossier)
        partial.replace(path)
        # its clean close (file fingerprint) goes with it: the first open, often read-only
        # and never recording a close, trusts the creation instead of paying the full check
        # (when the record cannot follow, that open runs the full check: nothing is lost)
        with suppress(OSError):
            lock_path(partial).replace(lock_path(path))
    finally:
        if partial.exists():
            partial.unlink()
        lock_path(partial).unlink(missing_ok=True)  # the creation's own lock, released
    return path


def dossier_info(path: str | Path, *, full_check: bool = False) -> DossierInfo:
    """Describe a dossier without changing it (opened read-only, no backup, no lock taken);
    ``full_check`` runs the full integrity check even when the cheap one would do."""
    with open_dossier(path, read_only=True, allow_outdated=True, full_check=full_check) as dossier:
        return describe(dossier)


def describe(dossier: Dossier) -> DossierInfo:
    """Counts, schema, integrity, lock and backups of an open dossier."""
    path = dossier.path
    contract = Repositories(dossier).contracts.main()
    state = lock_state(path)
    backups = list_backups(path)
    return DossierInfo(
        path=str(path.resolve()),
        size_bytes=path.stat().st_size,
        schema_version=dossier.schema_version(),
        integrity=dossier.report.integrity,
        lock=state.describe(),
        locked=state.held,
        contract=contract.name if contract else "",
        counts=entity_counts(dossier.db),
        actions_per_year=actions_per_year(dossier.db),
        granted_per_year=granted_per_year(dossier.db),
        last_backup=str(backups[0].path) if backups else None,
        backups=len(backups),
        integrity_check=dossier.report.check,
        schema=dossier.schema_label(),
    )


def backup_dossier(path: str | Path) -> BackupFile:
    """Take a manual backup; works even while someone else holds the dossier."""
    with open_dossier(path, read_only=True, allow_outdated=True) as dossier:
        return dossier.backup("manuelle")


BACKUP_REASONS = {
    "quotidienne": "Quotidienne (à l'ouverture)",
    "avant-migration": "Avant mise à jour du dossier",
    "avant-import": "Avant un import",
    "avant-restauration": "Avant une restauration",
    "manuelle": "Manuelle",
}


def backups_of(path: Path) -> list[BackupFile]:
    """The backups kept beside the dossier file, newest first."""
    return list_backups(path)


def backup_folder(path: Path) -> Path:
    """Where the dossier's backups are kept (``<name>.sauvegardes`` beside it)."""
    return backup_dir(path)


def back_up_now(dossier: Dossier) -> BackupFile:
    """A manual backup of the open dossier ("Sauvegarder maintenant")."""
    return dossier.backup("manuelle")


def save_copy(dossier: Dossier, target: str | Path) -> Path:
    """Write a consistent copy of the open dossier to ``target`` ("Enregistrer une copie")."""
    target = Path(target)
    if target.resolve() == dossier.path.resolve():
        raise DossierError("Choisissez un autre fichier que le dossier ouvert.")
    copy_database(dossier.db.conn, target)
    return target


def restore_backup(dossier: Dossier, backup: Path) -> BackupFile:
    """Put a backup's content back into the open dossier; the current state is saved first."""
    dossier.writer.check_writable()
    newer = migrations_in(backup) - set(known_migrations())
    if newer:
        raise DossierError(
            f"La sauvegarde « {backup.name} » vient d'une version plus récente de "
            "l'application : mettez l'application à jour pour la restaurer."
        )
    safety = dossier.backup("avant-restauration")
    # A copy of the backup gets this version's schema and the audit note first, then goes
    # into the dossier in one transaction: a kill leaves the dossier before or after, whole.
    prepared = partial_path(dossier.path)
    try:
        copyfile(backup, prepared)
        with (
            open_dossier(
                prepared, user=dossier.user, daily_backup=False, migration_backup=False
            ) as copy,
            copy.db.atomic(),
        ):
            copy.writer.note("dossier", None, "restauration", {"depuis": backup.name})
        restore_into(dossier.db.conn, prepared)
    finally:
        prepared.unlink(missing_ok=True)
        lock_path(prepared).unlink(missing_ok=True)  # the copy's own lock, released
    return safety


def replace_with_backup(path: Path, backup: Path) -> Path:
    """Put a backup in place of a dossier that cannot be opened; the file is kept aside.

    Returns where the original file was kept (``<name>.endommage-<date>``).
    """
    from datetime import datetime

    if read_lock(path) is not None:
        raise DossierError(f"Le dossier « {path.name} » est ouvert ailleurs : fermez-le d'abord.")
    with open_dossier(backup, read_only=True, allow_outdated=True, full_check=True):
        pass  # the backup itself must be sound
    kept = path.with_name(f"{path.name}.endommage-{datetime.now():%Y%m%d-%H%M%S}")
    if path.exists():
        with replaced_atomically(kept) as partial:
            copyfile(path, partial)
    with replaced_atomically(path) as partial:  # a kill leaves the dossier as it was
        copyfile(backup, partial)
    return kept


@dataclass(frozen=True)
class Restored:
    """A restore done: the backup used, the safety copy taken, the damaged file kept."""

    backup: Path
    safety: BackupFile | None  # the state just before (a sound dossier)
    kept_aside: Path | None  # the damaged file, kept under another name


def restore_from_file(path: str | Path, backup: str | Path) -> Restored:
    """Restore ``backup`` (a path, or a name in the dossier's backup folder) into the
    dossier at ``path``, with the window's safety: refused while someone else holds it; a
    sound dossier is backed up first (``avant-restauration``); a damaged one is kept aside."""
    path = Path(path)
    chosen = Path(backup)
    if not chosen.exists() and (backup_dir(path) / chosen.name).exists():
        chosen = backup_dir(path) / chosen.name
    if not chosen.is_file():
        raise DossierError(f"La sauvegarde « {backup} » n'existe pas.")
    try:
        dossier = open_dossier(path, daily_backup=False)
    except DossierDamaged:
        return Restored(chosen, None, replace_with_backup(path, chosen))
    with dossier:
        if dossier.read_only:
            raise DossierError(
                f"Restauration impossible : le dossier « {path.name} » est "
                f"{dossier.read_only_reason}. Rien n'a été modifié."
            )
        return Restored(chosen, restore_backup(dossier, chosen), None)


def open_for_reading(path: str | Path, **options: Any) -> Dossier:
    """Open a dossier to read it (commands that only read: exports, documents, lists).

    A dossier of an older version is first brought up to date, as its first ordinary
    opening would (backup ``avant-migration``), when nobody else holds it; then it is
    opened read-only."""
    try:
        return open_dossier(path, read_only=True, **options)
    except OutdatedDossier as outdated:
        if outdated.held:
            raise
    with open_dossier(path, daily_backup=False) as writer:
        if writer.read_only:  # taken by someone else meanwhile
            raise DossierError(
                f"Le dossier « {Path(path).name} » doit être mis à jour mais il est "
                f"{writer.read_only_reason} : réessayez lorsqu'il sera libéré."
            )
    return open_dossier(path, read_only=True, **options)
