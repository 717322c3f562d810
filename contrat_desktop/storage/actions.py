"""Actions as rows, with their districts, cross-cutting axes and status history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.workflow import ActionStatus, StatusChange, check_transition
from contrat_desktop.storage.conversions import Row, from_row, record_reader, to_row
from contrat_desktop.storage.table_repository import Repository

_LINKS = {
    "district_ids": ("action_district", "district_id"),
    "axis_ids": ("action_axis", "node_id"),
}
_READER = record_reader(Action)


class ActionRepository(Repository[Action]):
    table = "action"
    model = Action
    order_by = "reference"

    def for_campaign(self, campaign_id: int) -> list[Action]:
        """The campaign's actions, their links read in one query per link table (not two
        queries per action) and each built by position (thousands of actions)."""
        found: dict[str, dict[int, list[int]]] = {name: {} for name in _LINKS}
        for name, (table, column) in _LINKS.items():
            for action_id, linked in self.db.execute(
                f"SELECT l.action_id, l.{column} FROM {table} l "
                "JOIN action a ON a.id = l.action_id WHERE a.campaign_id = ? "
                f"ORDER BY l.action_id, l.{column}",
                [campaign_id],
            ):
                found[name].setdefault(action_id, []).append(linked)
        columns, links, build = _READER
        by_link = [found[name] for name in links]
        place = columns.index("id")
        return [
            build(values, [tuple(ids.get(values[place], ())) for ids in by_link])
            for values in self.db.execute(
                f"SELECT {', '.join(columns)} FROM action WHERE campaign_id = ? "
                f"ORDER BY {self.order_by}",
                [campaign_id],
            )
        ]

    def by_reference(self, reference: str) -> Action | None:
        found = self._select("WHERE reference = ?", [reference])
        return found[0] if found else None

    def for_holder(self, holder_id: int) -> list[Action]:
        return self._select("WHERE holder_id = ?", [holder_id])

    def next_sequence(self, year: int, code: str) -> int:
        """The next free number for references ``{year}-{code}-NNN``."""
        prefix = f"{year}-{code}-"
        rows = self.db.execute(
            "SELECT reference FROM action WHERE reference LIKE ? || '%'", [prefix]
        ).fetchall()
        numbers = [int(r[0][len(prefix) :]) for r in rows if r[0][len(prefix) :].isdigit()]
        return max(numbers, default=0) + 1

    # links --------------------------------------------------------------------
    def _links(self, row: Row) -> dict[str, Any]:
        return {name: self._link_ids(row["id"], *link) for name, link in _LINKS.items()}

    def _link_ids(self, action_id: int, table: str, column: str) -> tuple[int, ...]:
        return tuple(
            r[0]
            for r in self.db.execute(
                f"SELECT {column} FROM {table} WHERE action_id = ? ORDER BY {column}", [action_id]
            )
        )

    def _save_links(self, row_id: int, obj: Action) -> bool:
        changed = False
        for name, (table, column) in _LINKS.items():
            old = self._link_ids(row_id, table, column)
            new = tuple(sorted(set(getattr(obj, name))))
            if old == new:
                continue
            self.db.execute(f"DELETE FROM {table} WHERE action_id = ?", [row_id])
            self.db.conn.executemany(
                f"INSERT INTO {table} (action_id, {column}) VALUES (?, ?)",
                [(row_id, value) for value in new],
            )
            self.writer.field_changed(self.table, row_id, name, list(old), list(new))
            changed = True
        return changed

    # status workflow ----------------------------------------------------------
    def add(self, obj: Action, at: datetime | None = None) -> Action:
        """Create the action; its first status is dated ``at`` (now by default)."""
        with self.db.atomic():
            created = super().add(obj)
            assert created.id is not None
            self._record_status(created.id, None, obj.status, "", at)
        return created

    def change_status(
        self, action: Action, target: ActionStatus, comment: str = "", at: datetime | None = None
    ) -> Action:
        """Move ``action`` along the workflow: checked, dated, attributed, commented, audited."""
        check_transition(action.status, target)
        row_id, version = self._identity(action)
        with self.db.atomic():
            self.writer.update(self.table, row_id, {"status": target.value}, version)
            self._record_status(row_id, action.status, target, comment, at)
        return self.get(row_id)

    def correct_status(
        self, action_id: int, target: ActionStatus, comment: str, expected_version: int
    ) -> Action:
        """Set a status outside the workflow (undo of a mistake), audited and historised.

        Refused (``ConflictError``) if the action moved on since ``expected_version``.
        """
        with self.db.atomic():
            current = self.get(action_id)
            self.writer.update(self.table, action_id, {"status": target.value}, expected_version)
            self._record_status(action_id, current.status, target, comment, None)
        return self.get(action_id)

    def _record_status(
        self,
        action_id: int,
        source: ActionStatus | None,
        target: ActionStatus,
        comment: str,
        at: datetime | None,
    ) -> None:
        change = StatusChange(
            action_id=action_id,
            source=source,
            target=target,
            changed_at=at or datetime.now().replace(microsecond=0),
            changed_by=self.writer.who,
            comment=comment,
        )
        self.writer.insert("status_change", to_row(change), audit=False)

    def status_history(self, action_id: int) -> list[StatusChange]:
        cursor = self.db.execute(
            "SELECT * FROM status_change WHERE action_id = ? ORDER BY id", [action_id]
        )
        names = [d[0] for d in cursor.description]
        return [from_row(StatusChange, dict(zip(names, r, strict=True))) for r in cursor]
