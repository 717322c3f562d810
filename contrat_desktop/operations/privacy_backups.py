"""A person's data in the dossier's backups (RGPD erasure): which copies still hold it,
each rewritten without it or deleted, and which still hold it afterwards.

Erasing a person rewrites the dossier file, but its backups (``DOSSIER.sauvegardes/``, the
daily one taken that very morning included) keep the name until their rotation. At
erasure the user chooses: rewrite each backup without the person (the same erasure run on
a temporary copy, checked, then put in place of the backup, which keeps its name and date;
a backup of an older schema comes back in the current one), delete them, or keep them.
A copy "holds" the person when its raw bytes contain the name, e-mail, phone or a
spelling of a candidate list (freed pages included), or when a candidate row matches the
person's normalised name and birth year. Copies made outside the application (exports, a
copy sent by e-mail, « Enregistrer une copie ») cannot be known and are not touched.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from contrat_desktop.domain.draw import normalised_name
from contrat_desktop.operations.council_privacy import ErasureTarget, erase_in, erasure_target
from contrat_desktop.paths import partial_path
from contrat_desktop.storage.backup import BackupFile, list_backups
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.lock_content import lock_path

Progress = Callable[[int, int], None]  # (backups done, backups to do)


class BackupChoice(Enum):
    REWRITE = "réécrire"
    DELETE = "supprimer"
    KEEP = "garder"


@dataclass(frozen=True, slots=True)
class Erasure:
    touched: int  # rows rewritten in the dossier
    rewritten: tuple[Path, ...]
    deleted: tuple[Path, ...]
    still_holding: tuple[BackupFile, ...]  # copies that still hold the person, afterwards


def erasure_preview(dossier: Dossier, person_id: int) -> tuple[ErasureTarget, list[BackupFile]]:
    """Who would be erased, and the backups of the dossier that hold them."""
    target = erasure_target(dossier, person_id)
    return target, backups_holding(dossier.path, target)


def backups_holding(dossier: Path, target: ErasureTarget) -> list[BackupFile]:
    return [backup for backup in list_backups(dossier) if holds(backup.path, target)]


def holds(path: Path, target: ErasureTarget) -> bool:
    """Whether the file holds any trace of the person (raw bytes, then candidate rows)."""
    needles = [form.encode("utf-8") for form in target.forms if len(form.strip()) >= 3]
    try:
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as raw,
        ):
            if any(raw.find(needle) >= 0 for needle in needles):
                return True
    except (OSError, ValueError):  # unreadable, or empty (mmap refuses): holds nothing known
        return False
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT name, birth_year FROM candidate").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return any((normalised_name(name), year) in target.people for name, year in rows)


def erase_person(
    dossier: Dossier,
    person_id: int,
    today: date,
    backups: BackupChoice = BackupChoice.KEEP,
    progress: Progress | None = None,
) -> Erasure:
    """Erase the person from the dossier, then from its backups as chosen; says exactly
    which backups still hold the person afterwards."""
    dossier.writer.check_writable()
    target, holding = erasure_preview(dossier, person_id)
    touched = erase_in(dossier, target, today)
    rewritten: list[Path] = []
    deleted: list[Path] = []
    for done, backup in enumerate(holding):
        if progress is not None:
            progress(done, len(holding))
        if backups is BackupChoice.DELETE:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            deleted.append(backup.path)
        elif backups is BackupChoice.REWRITE and _rewrite(backup.path, target, today, dossier):
            rewritten.append(backup.path)
    if progress is not None:
        progress(len(holding), len(holding))
    still = tuple(backups_holding(dossier.path, target))
    return Erasure(touched, tuple(rewritten), tuple(deleted), still)


def _rewrite(backup: Path, target: ErasureTarget, today: date, dossier: Dossier) -> bool:
    """The erasure run on a copy of ``backup``, put in its place once checked clean."""
    copy = partial_path(backup)
    try:
        shutil.copyfile(backup, copy)
        with open_dossier(
            copy, user=dossier.user, daily_backup=False, migration_backup=False
        ) as opened:
            if opened.read_only:
                return False
            erase_in(opened, target, today)
        if holds(copy, target):
            return False
        os.replace(copy, backup)
        return True
    except DossierError:  # a damaged backup: left as it is, and said to hold the person
        return False
    finally:
        copy.unlink(missing_ok=True)
        lock_path(copy).unlink(missing_ok=True)  # the copy's own lock, released
