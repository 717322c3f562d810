"""Create, describe and back up dossier files (the ``init``, ``info`` and ``backup`` commands)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from contrat_desktop.operations.campaigns import start_empty_dossier
from contrat_desktop.storage.backup import (
    BackupFile,
    backup_dir,
    copy_database,
    list_backups,
    migrations_in,
    restore_into,
)
from contrat_desktop.storage.database import Dossier, bring_up_to_date, open_dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.lock import lock_path, lock_state, read_lock
from contrat_desktop.storage.migrations import known_names as known_migrations
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.statistics import actions_per_year, entity_counts, granted_per_year


@dataclass(frozen=True)
class DossierInfo:
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
            else:
                start_empty_dossier(dossier)
        partial.replace(path)
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
    )


def backup_dossier(path: str | Path) -> BackupFile:
    """Take a manual backup; works even while someone else holds the dossier."""
    with open_dossier(path, read_only=True, allow_outdated=True) as dossier:
        return dossier.backup("manuelle")


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
    restore_into(dossier.db.conn, backup)
    bring_up_to_date(dossier)  # an older backup gets this version's schema back
    with dossier.db.atomic():
        dossier.writer.note("dossier", None, "restauration", {"depuis": backup.name})
    return safety


def replace_with_backup(path: Path, backup: Path) -> Path:
    """Put a backup in place of a dossier that cannot be opened; the file is kept aside.

    Returns where the original file was kept (``<name>.endommage-<date>``).
    """
    from datetime import datetime
    from shutil import copyfile

    if read_lock(path) is not None:
        raise DossierError(f"Le dossier « {path.name} » est ouvert ailleurs : fermez-le d'abord.")
    with open_dossier(backup, read_only=True, allow_outdated=True):
        pass  # the backup itself must be sound (integrity check)
    kept = path.with_name(f"{path.name}.endommage-{datetime.now():%Y%m%d-%H%M%S}")
    if path.exists():
        path.replace(kept)
    copyfile(backup, path)
    return kept
