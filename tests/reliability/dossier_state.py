"""What a dossier looks like after a kill, as the next user would find it.

``inspect`` opens the dossier for writing with the full integrity check (which rolls back
the journal of a killed writer, as the next real opening would), then reads its
*signature*: the row count of every table and the values the kill-loop operations change
(actions' status and observations, funding amounts, minutes status, the test marker),
without timestamps, so that the state after an unkilled run can be compared with the
state after a killed one. A killed operation must leave the signature it found or the one
an unkilled run leaves: anything else is a half-applied operation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from contrat_desktop.storage.backup import backup_dir
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.errors import DossierDamaged, DossierError

VALUES = (
    "SELECT id, status, observations, opinion, version FROM action ORDER BY id",
    "SELECT id, requested_cents, proposed_cents, granted_cents, version FROM funding_line "
    "ORDER BY id",
    "SELECT id, minutes_status, version FROM meeting ORDER BY id",
    "SELECT meeting_id, sha256 FROM minutes_document ORDER BY id",
    "SELECT key, value FROM setting WHERE key LIKE 'fiabilite.%' ORDER BY key",
)
MARKER = "fiabilite.marqueur"


@dataclass
class Found:
    corrupt: bool = False
    blocked: bool = False  # still read-only after the kill: the lock was not taken over
    error: str = ""
    signature: str = ""
    leftovers: list[str] = field(default_factory=list)


def signature(dossier: Dossier) -> str:
    db = dossier.db
    digest = hashlib.sha256()
    tables = [
        name
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith(("sqlite_", "action_search"))
    ]
    for table in sorted(tables):
        count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        digest.update(f"{table}={count};".encode())
    for query in VALUES:
        for row in db.execute(query):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()[:16]


def inspect(path: Path) -> Found:
    """Open as the next user would (for writing, full check), then read the signature."""
    found = Found()
    try:
        with open_dossier(path, daily_backup=False, full_check=True) as dossier:
            found.blocked = dossier.read_only
            found.signature = signature(dossier)
    except DossierDamaged as damaged:
        found.corrupt, found.error = True, str(damaged)
    except DossierError as error:
        found.error = str(error)
    found.leftovers = leftovers(path)
    return found


def leftovers(path: Path) -> list[str]:
    """Partial files still there after an opening (which should have removed them)."""
    names = []
    for folder in (path.parent, backup_dir(path)):
        if folder.is_dir():
            names += [p.name for p in folder.iterdir() if ".partiel" in p.name]
    return names


def marker_of(path: Path) -> str | None:
    with open_dossier(path, read_only=True) as dossier:
        row = dossier.db.execute("SELECT value FROM setting WHERE key = ?", [MARKER]).fetchone()
    return None if row is None else str(row[0])


def set_marker(path: Path, value: str) -> None:
    with open_dossier(path, daily_backup=False) as dossier, dossier.db.atomic():
        dossier.db.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", [MARKER, value]
        )
