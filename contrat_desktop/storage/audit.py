"""The audit trail: every change to the dossier, when, who, entity, field, old and new value.

Creation and deletion are one row each holding the whole record as JSON; an update is one
row per changed field.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

# the entry is a domain value (the views show it); still importable from here
from contrat_desktop.domain.audit import AuditEntry as AuditEntry

if TYPE_CHECKING:
    from sqlite_utils import Database


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bytes):
        return f"<{len(value)} octets>"
    return str(value)


def record(db: Database, entries: Iterable[AuditEntry]) -> None:
    record_rows(db.conn, entries)


def record_rows(conn: sqlite3.Connection, entries: Iterable[AuditEntry]) -> None:
    rows = [
        (e.at, e.who, e.entity, e.entity_id, e.operation, e.field, e.old_value, e.new_value)
        for e in entries
    ]
    conn.executemany(
        "INSERT INTO audit (at, who, entity, entity_id, operation, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def history(db: Database, entity: str, entity_id: int) -> list[AuditEntry]:
    """Every audit row of one record, oldest first."""
    rows = db.execute(
        "SELECT id, at, who, entity, entity_id, operation, field, old_value, new_value "
        "FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id",
        [entity, entity_id],
    ).fetchall()
    return [entry_from_row(row) for row in rows]


def entry_from_row(row: tuple[Any, ...]) -> AuditEntry:
    """A row of ``SELECT id, at, who, entity, entity_id, operation, field, old, new``."""
    return AuditEntry(
        id=row[0],
        at=row[1],
        who=row[2],
        entity=row[3],
        entity_id=row[4],
        operation=row[5],
        field=row[6],
        old_value=row[7],
        new_value=row[8],
    )


def last_change(db: Database, entity: str, entity_id: int) -> list[AuditEntry]:
    """The rows of the most recent audited act on a record (same time and author)."""
    entries = history(db, entity, entity_id)
    if not entries:
        return []
    last = entries[-1]
    return [e for e in entries if e.at == last.at and e.who == last.who]


def action_history(db: Database, action_id: int) -> list[AuditEntry]:
    """The audit rows of an action and of its funding lines, payments, bilan and
    attachments, oldest first."""
    rows = db.execute(
        """
        SELECT id, at, who, entity, entity_id, operation, field, old_value, new_value
        FROM audit
        WHERE (entity = 'action' AND entity_id = :id)
           OR (entity IN ('funding_line', 'attachment', 'report') AND (
                (entity = 'funding_line'
                 AND entity_id IN (SELECT id FROM funding_line WHERE action_id = :id))
                OR (entity = 'report'
                    AND entity_id IN (SELECT id FROM report WHERE action_id = :id))
                OR (operation IN ('create', 'delete')
                    AND json_valid(coalesce(new_value, old_value))
                    AND json_extract(coalesce(new_value, old_value), '$.action_id') = :text_id)))
           OR (entity = 'payment' AND (
                entity_id IN (SELECT p.id FROM payment p JOIN funding_line fl
                              ON fl.id = p.funding_line_id WHERE fl.action_id = :id)
                OR (operation IN ('create', 'delete')
                    AND json_valid(coalesce(new_value, old_value))
                    AND json_extract(coalesce(new_value, old_value), '$.funding_line_id') IN
                        (SELECT CAST(id AS TEXT) FROM funding_line WHERE action_id = :id))))
        ORDER BY id
        """,
        {"id": action_id, "text_id": str(action_id)},
    ).fetchall()
    return [entry_from_row(row) for row in rows]
