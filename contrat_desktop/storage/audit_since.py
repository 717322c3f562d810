"""What the journal holds after a point of it: its last entry now, and the entries written
since an earlier one (an export records that point, an import asks what changed after it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from contrat_desktop.storage.audit import AuditEntry, entry_from_row

if TYPE_CHECKING:
    from sqlite_utils import Database


def journal_mark(db: Database) -> int:
    """The id of the journal's last entry (0 for an empty journal)."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])


def entries_since(db: Database, mark: int, at: str, entities: Sequence[str]) -> list[AuditEntry]:
    """The entries on ``entities`` after entry ``mark`` or later than ``at`` (an older backup
    restored since re-uses entry numbers; its later changes are later in time), oldest first."""
    marks = ", ".join("?" for _ in entities)
    rows = db.execute(
        "SELECT id, at, who, entity, entity_id, operation, field, old_value, new_value "
        f"FROM audit WHERE (id > ? OR at > ?) AND entity IN ({marks}) ORDER BY id",
        [mark, at, *entities],
    ).fetchall()
    return [entry_from_row(row) for row in rows]
