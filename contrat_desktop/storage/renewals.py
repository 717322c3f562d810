"""Renewed actions written and removed in bulk, with the same audit trail as one by one.

Renewing a campaign creates thousands of drafts: each action, its district and axis links, its
first status and its funding lines go in with a few statements inside the caller's transaction,
and each record gets its own audit entries (creation snapshot, links), as the repositories
write them. Removing them again (the undo of a renewal) is refused for any action that has
lived since (edited, moved on, paid, examined, documented).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.audit import AuditEntry
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.storage.action_batches import LINKS, chunks
from contrat_desktop.storage.audit import as_text, now_iso, record, record_rows
from contrat_desktop.storage.conversions import to_row
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError

# Rows that show an action has lived since it was created: joined to ``action a``.
_LIVED = (
    "examined_action t ON t.action_id = a.id",
    "attachment t ON t.action_id = a.id",
    "report t ON t.action_id = a.id",
    "request_piece t ON t.action_id = a.id",
    "funding_line f ON f.action_id = a.id JOIN payment t ON t.funding_line_id = f.id",
    "exchange_sync t ON t.action_uid = a.uid",
)


def renewed_ids(dossier: Dossier) -> set[int]:
    """The actions that already have a successor (in any campaign)."""
    return {
        row[0]
        for row in dossier.db.execute(
            "SELECT DISTINCT renewal_of_id FROM action WHERE renewal_of_id IS NOT NULL"
        )
    }


def references_of_year(dossier: Dossier, year: int) -> set[str]:
    return {
        row[0]
        for row in dossier.db.execute(
            "SELECT reference FROM action WHERE reference LIKE ? || '-%'", [str(year)]
        )
    }


def dissolved_holders(dossier: Dossier) -> dict[int, str]:
    """Holder id → the date (ISO) it was dissolved, for the holders that were."""
    return dict(
        dossier.db.execute(
            "SELECT id, dissolved_on FROM holder WHERE dissolved_on IS NOT NULL"
        ).fetchall()
    )


# ``audit.as_text`` of a dict or list, with one encoder for the thousands of snapshots
_SNAPSHOT = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_LINKS = LINKS


def funding_of_campaign(dossier: Dossier, campaign_id: int) -> dict[int, list[FundingLine]]:
    """Action id → its funding lines (funder and the three amounts: what a renewal reads)."""
    found: dict[int, list[FundingLine]] = {}
    for action_id, funder_id, requested, proposed, granted in dossier.db.execute(
        "SELECT f.action_id, f.funder_id, f.requested_cents, f.proposed_cents, f.granted_cents "
        "FROM funding_line f JOIN action a ON a.id = f.action_id WHERE a.campaign_id = ? "
        "ORDER BY f.action_id, f.id",
        [campaign_id],
    ):
        found.setdefault(action_id, []).append(
            FundingLine(action_id, funder_id, requested, proposed, granted)
        )
    return found


class RenewalWriter:
    """Inserts renewed actions for one author, at one time, inside the caller's transaction.

    Rows that need no id back (links, first statuses, audit) are gathered and written by
    ``finish`` with one ``executemany`` each.
    """

    def __init__(
        self, dossier: Dossier, at: datetime | None = None, comment: str = "Reconduction"
    ) -> None:
        """``comment``: what the first status of each action says (an import names its file)."""
        dossier.writer.check_writable()
        self.comment = comment
        self.conn = dossier.db.conn
        self.who = dossier.writer.who
        self.at = (at or datetime.now()).replace(microsecond=0).isoformat()
        self.stamp = now_iso()
        self.entries: list[AuditEntry] = []
        self.links: dict[str, list[tuple[int, int]]] = {table: [] for _, table, _ in _LINKS}
        self.statuses: list[tuple[object, ...]] = []

    def add(self, action: Action, lines: Iterable[FundingLine]) -> int:
        # the stable identity the trigger would give afterwards with one more UPDATE
        identity: dict[str, object] = {"uid": secrets.token_hex(16)}
        action_id = self._insert("action", to_row(action, skip=("id", "version")), identity)
        for name, table, _column in _LINKS:
            values = sorted(set(getattr(action, name)))
            if values:
                self.links[table].extend((action_id, value) for value in values)
                self._entry("action", action_id, "update", name, "[]", _SNAPSHOT.encode(values))
        self.statuses.append((action_id, action.status.value, self.at, self.who, self.comment))
        for line in lines:
            line_row = to_row(line, skip=("id", "version"))
            line_row["action_id"] = action_id
            self._insert("funding_line", line_row)
        return action_id

    def finish(self) -> None:
        """Write what was gathered (call before the transaction ends)."""
        for _name, table, column in _LINKS:
            self.conn.executemany(
                f"INSERT INTO {table} (action_id, {column}) VALUES (?, ?)", self.links[table]
            )
            self.links[table] = []
        self.conn.executemany(
            "INSERT INTO status_change (action_id, source, target, changed_at, changed_by, "
            "comment) VALUES (?, NULL, ?, ?, ?, ?)",
            self.statuses,
        )
        self.statuses = []
        record_rows(self.conn, self.entries)
        self.entries = []

    def _insert(
        self, table: str, row: dict[str, object], unaudited: dict[str, object] | None = None
    ) -> int:
        stored = {**row, **(unaudited or {})}
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({', '.join(stored)}) VALUES ({', '.join('?' for _ in stored)})",
            list(stored.values()),
        )
        row_id = int(cursor.lastrowid or 0)
        # the same snapshot as ``RecordWriter.insert``: every value as text (rows hold no
        # lists, dicts or bytes here)
        snapshot = {k: None if v is None else str(v) for k, v in row.items()}
        self._entry(table, row_id, "create", None, None, _SNAPSHOT.encode(snapshot))
        return row_id

    def _entry(
        self,
        table: str,
        row_id: int,
        operation: str,
        field: str | None,
        old: str | None,
        new: str | None,
    ) -> None:
        self.entries.append(
            AuditEntry(self.stamp, self.who, table, row_id, operation, field, old, new)
        )


def changed_since_renewal(dossier: Dossier, lines_by_action: dict[int, int]) -> list[str]:
    """References of the renewed actions (id → the number of funding lines it was created
    with) that changed since: edited, moved along the workflow, funding edited, added or
    removed, examined, documented, paid, exchanged, or deleted."""
    changed: set[str] = set()
    found: set[int] = set()
    for chunk in chunks(list(lines_by_action)):
        marks = ", ".join("?" for _ in chunk)
        for action_id, reference, version, statuses, lines, lines_moved in dossier.db.execute(
            f"""
            SELECT a.id, a.reference, a.version,
                   (SELECT count(*) FROM status_change s WHERE s.action_id = a.id),
                   (SELECT count(*) FROM funding_line f WHERE f.action_id = a.id),
                   (SELECT count(*) FROM funding_line f
                    WHERE f.action_id = a.id AND f.version <> 1)
            FROM action a WHERE a.id IN ({marks})
            """,
            chunk,
        ):
            found.add(action_id)
            if version != 1 or statuses != 1 or lines_moved or lines != lines_by_action[action_id]:
                changed.add(reference)
        for joined in _LIVED:
            for (reference,) in dossier.db.execute(
                f"SELECT DISTINCT a.reference FROM action a JOIN {joined} WHERE a.id IN ({marks})",
                chunk,
            ):
                changed.add(reference)
    missing = len(set(lines_by_action) - found)
    return sorted(changed) + ([f"{missing} action(s) supprimée(s)"] if missing else [])


def delete_renewed(dossier: Dossier, action_ids: Sequence[int]) -> None:
    """Delete renewed actions and their funding lines, each deletion audited with its snapshot
    (links and the first status go with the action). Inside the caller's transaction."""
    dossier.writer.check_writable()
    entries: list[AuditEntry] = []
    stamp, who = now_iso(), dossier.writer.who
    for table, column in (("funding_line", "action_id"), ("action", "id")):
        for chunk in chunks(action_ids):
            marks = ", ".join("?" for _ in chunk)
            cursor = dossier.db.execute(f"SELECT * FROM {table} WHERE {column} IN ({marks})", chunk)
            names = [d[0] for d in cursor.description]
            for values in cursor.fetchall():
                snapshot = {n: as_text(v) for n, v in zip(names, values, strict=True)}
                row_id = int(snapshot["id"] or 0)
                entries.append(
                    AuditEntry(stamp, who, table, row_id, "delete", None, as_text(snapshot), None)
                )
            dossier.db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)
    record(dossier.db, entries)


def check_deletable(dossier: Dossier, lines_by_action: dict[int, int]) -> None:
    """Refuse (French message, nothing written) when a renewed action has lived since."""
    changed = changed_since_renewal(dossier, lines_by_action)
    if changed:
        shown = ", ".join(changed[:10]) + (" …" if len(changed) > 10 else "")
        raise DossierError(
            f"La reconduction ne peut plus être annulée : {len(changed)} action(s) reconduite(s) "
            f"ont été modifiées depuis ({shown}). Rien n'a été supprimé."
        )
