"""Who a dossier is and what it exchanged: its identity, the actions' uids, the sync points
of the actions exchanged with a peer dossier, the journal of packages, and the fields the
audit trail shows changed since a sync point."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from contrat_desktop.domain.packages import DossierIdentity, DossierRole
from contrat_desktop.storage.database import Dossier

_CHUNK = 500  # parameters per IN (...) list, well under SQLite's limit


def dossier_identity(dossier: Dossier) -> DossierIdentity:
    row = dossier.db.execute(
        "SELECT contract_uid, dossier_uid, role, service_name, origin_uid, made_at "
        "FROM dossier_identity WHERE id = 1"
    ).fetchone()
    return DossierIdentity(row[0], row[1], DossierRole(row[2]), row[3], row[4], row[5])


def become_service_copy(dossier: Dossier, identity: DossierIdentity) -> None:
    """Give a fresh copy of the main dossier its own identity (same contract), audited."""
    dossier.writer.check_writable()
    old = dossier_identity(dossier)
    with dossier.db.atomic():
        dossier.db.execute(
            "UPDATE dossier_identity SET dossier_uid = ?, role = ?, service_name = ?, "
            "origin_uid = ?, made_at = ? WHERE id = 1",
            [
                identity.dossier_uid,
                identity.role.value,
                identity.service_name,
                identity.origin_uid,
                identity.made_at,
            ],
        )
        dossier.writer.field_changed("setting", None, "role", old.role.value, identity.role.value)


def uids_by_id(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(action_ids), _CHUNK):
        chunk = list(action_ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        found.update(dossier.db.execute(f"SELECT id, uid FROM action WHERE id IN ({marks})", chunk))
    return found


def ids_by_uid(dossier: Dossier, uids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(uids), _CHUNK):
        chunk = list(uids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        found.update(
            (uid, row_id)
            for row_id, uid in dossier.db.execute(
                f"SELECT id, uid FROM action WHERE uid IN ({marks})", chunk
            )
        )
    return found


def set_uid(dossier: Dossier, action_id: int, uid: str) -> None:
    """Keep the uid an action had in the dossier it came from."""
    dossier.db.execute("UPDATE action SET uid = ? WHERE id = ?", [uid, action_id])


@dataclass(frozen=True, slots=True)
class SyncPoint:
    main_mark: int  # the last audit id of the main dossier then
    local_mark: int  # the last audit id of this dossier then


def audit_mark(dossier: Dossier) -> int:
    """The last audit id: every change recorded after this moment has a greater one."""
    return int(dossier.db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])


def sync_points(dossier: Dossier, peer_uid: str, uids: Iterable[str]) -> dict[str, SyncPoint]:
    wanted = list(uids)
    found: dict[str, SyncPoint] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for uid, main_mark, local_mark in dossier.db.execute(
            "SELECT action_uid, main_mark, local_mark FROM exchange_sync "
            f"WHERE peer_uid = ? AND action_uid IN ({marks})",
            [peer_uid, *chunk],
        ):
            found[uid] = SyncPoint(main_mark, local_mark)
    return found


def mark_synced(dossier: Dossier, peer_uid: str, points: dict[str, SyncPoint]) -> None:
    dossier.db.conn.executemany(
        "INSERT INTO exchange_sync (action_uid, peer_uid, main_mark, local_mark) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (action_uid, peer_uid) DO UPDATE SET "
        "main_mark = excluded.main_mark, local_mark = excluded.local_mark",
        [(uid, peer_uid, p.main_mark, p.local_mark) for uid, p in points.items()],
    )


@dataclass(frozen=True, slots=True)
class LocalEdit:
    who: str
    at: str


def edits_since(
    dossier: Dossier, entity: str, since: dict[int, int]
) -> dict[int, dict[str, LocalEdit]]:
    """For each record id of ``entity``: the fields changed after its audit mark in ``since``
    (the last change of each, who and when). A creation counts as every field (``"*"``)."""
    found: dict[int, dict[str, LocalEdit]] = defaultdict(dict)
    ids = list(since)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = dossier.db.execute(
            "SELECT entity_id, field, operation, who, at, id FROM audit "
            f"WHERE entity = ? AND entity_id IN ({marks}) AND id > ? ORDER BY id",
            [entity, *chunk, min(since[i] for i in chunk)],
        )
        for entity_id, field, operation, who, at, audit_id in rows:
            if audit_id <= since[entity_id]:
                continue
            name = "*" if operation == "create" else field
            if name:
                found[entity_id][name] = LocalEdit(who, at)
    return found


@dataclass(frozen=True, slots=True)
class PackageJournalEntry:
    package_uid: str
    kind: str
    direction: str  # "écrit" or "appliqué"
    at: str
    who: str
    file_name: str
    sha256: str
    peer_uid: str
    peer_label: str = ""
    actions: int = 0
    created: int = 0
    updated: int = 0
    conflicts_kept: int = 0
    audit_mark: int = 0
    backup_path: str = ""


def journal_package(dossier: Dossier, entry: PackageJournalEntry) -> int:
    values = {name: getattr(entry, name) for name in PackageJournalEntry.__slots__}
    return dossier.writer.insert("package_journal", values, audit=False)


def applied_before(dossier: Dossier, package_uid: str) -> str:
    """When this very package was applied here ('' if never)."""
    row = dossier.db.execute(
        "SELECT max(at) FROM package_journal WHERE package_uid = ? AND direction = 'appliqué'",
        [package_uid],
    ).fetchone()
    return row[0] or ""


def last_written(dossier: Dossier) -> int:
    """The audit mark of the last package this dossier wrote (0 if never)."""
    row = dossier.db.execute(
        "SELECT max(audit_mark) FROM package_journal WHERE direction = 'écrit'"
    ).fetchone()
    return int(row[0] or 0)
