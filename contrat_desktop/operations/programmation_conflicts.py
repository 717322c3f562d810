"""Which changes of a returned programmation would overwrite a value changed in the dossier
after the workbook was exported.

The export's mark (when, up to which journal entry, each row's versions) and the journal
entries since name the fields changed, by whom and when, and the value they had when
exported. A row whose version moved with no journal entry to say why (an older backup
restored since the export) has all its differing fields in conflict. A workbook without a
mark (a State export, a file made by hand) has no conflicts: nothing is known of its past.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from contrat_desktop.domain.audit import AuditEntry
from contrat_desktop.exchange.cells import display
from contrat_desktop.exchange.export_mark import ExportMark
from contrat_desktop.exchange.layout import CellKind, Column, Layout
from contrat_desktop.exchange.programmation_layout import FUNDER_PARTS, funder_key, parse_funder_key
from contrat_desktop.operations.import_changes import CellChange, FieldConflict
from contrat_desktop.storage.action_state import STORED_COLUMN, LineState, line_owners
from contrat_desktop.storage.audit_since import entries_since
from contrat_desktop.storage.database import Dossier

ENTITIES = ("action", "funding_line")
_PARTS = tuple(part for part, _ in FUNDER_PARTS)
COLUMN_KEY = {column: key for key, column in STORED_COLUMN.items()}
_UNKNOWN = object()  # the value when exported is not known


@dataclass(slots=True)
class _Since:
    who: str
    at: str
    exported: Any  # the stored text before the first change after the export, or _UNKNOWN


class ConflictFinder:
    def __init__(
        self,
        mark: ExportMark | None,
        entries: Iterable[AuditEntry] = (),
        line_owners: Mapping[int, tuple[int, int]] | None = None,
    ) -> None:
        """``line_owners``: funding line id → (action id, funder id), for the lines now."""
        self.mark = mark
        self.changed: dict[tuple[int, str], _Since] = {}  # (action id, column key)
        self.touched: set[tuple[int, int | None]] = set()  # (action, funder or None) journaled
        owners = line_owners or {}
        for entry in entries:
            self._note(entry, owners)

    @classmethod
    def for_import(cls, dossier: Dossier, mark: ExportMark | None) -> ConflictFinder:
        if mark is None:
            return cls(None)
        entries = entries_since(dossier.db, mark.journal_mark, mark.exported_at, ENTITIES)
        lines = {e.entity_id for e in entries if e.entity == "funding_line" and e.entity_id}
        return cls(mark, entries, line_owners(dossier, lines) if lines else {})

    @property
    def knows_the_export(self) -> bool:
        """Whether the workbook carries its export's mark (else no row can be in conflict)."""
        return self.mark is not None

    def _note(self, entry: AuditEntry, owners: Mapping[int, tuple[int, int]]) -> None:
        if entry.entity_id is None:
            return
        if entry.entity == "action":
            if entry.operation == "update" and entry.field:
                key = COLUMN_KEY.get(entry.field, entry.field)
                self._changed(entry.entity_id, key, entry, entry.old_value)
                self.touched.add((entry.entity_id, None))
            return
        if entry.operation == "update" and entry.field:
            owner = owners.get(entry.entity_id)
            part = entry.field.removesuffix("_cents")
            if owner is not None and part in _PARTS:
                self._changed(owner[0], funder_key(owner[1], part), entry, entry.old_value)
                self.touched.add(owner)
            return
        snapshot = _snapshot(entry.new_value if entry.operation == "create" else entry.old_value)
        if snapshot and "action_id" in snapshot and "funder_id" in snapshot:
            action_id, funder_id = int(snapshot["action_id"]), int(snapshot["funder_id"])
            for part in _PARTS:
                before = None if entry.operation == "create" else snapshot.get(f"{part}_cents")
                self._changed(action_id, funder_key(funder_id, part), entry, before)
            self.touched.add((action_id, funder_id))

    def _changed(self, action_id: int, key: str, entry: AuditEntry, before: Any) -> None:
        since = self.changed.get((action_id, key))
        if since is None:
            self.changed[(action_id, key)] = _Since(entry.who, entry.at, before)
        else:  # the first change tells the exported value, the last who and when
            since.who, since.at = entry.who, entry.at

    def split(
        self,
        action_id: int,
        identifier: Any,
        version: int,
        lines: Mapping[int, LineState],
        changes: list[CellChange],
        layout: Layout,
    ) -> tuple[list[CellChange], list[FieldConflict]]:
        """The changes that may apply as they are, and those in conflict."""
        if self.mark is None or not changes:
            return changes, []
        exported = self.mark.rows.get(str(identifier or ""))
        plain: list[CellChange] = []
        conflicts: list[FieldConflict] = []
        for change in changes:
            since = self.changed.get((action_id, change.key))
            if since is None and exported is not None:
                funder = parse_funder_key(change.key)
                if funder is None:
                    moved = version != exported.action and (action_id, None) not in self.touched
                else:
                    line = lines.get(funder[0])
                    moved = (line.version if line else None) != exported.lines.get(funder[0]) and (
                        action_id,
                        funder[0],
                    ) not in self.touched
                if moved:
                    since = _Since("", "", _UNKNOWN)
            if since is None:
                plain.append(change)
            else:
                conflicts.append(_conflict(change, since, layout.column(change.key)))
        return plain, conflicts


def _conflict(change: CellChange, since: _Since, column: Column) -> FieldConflict:
    if since.exported is _UNKNOWN:
        return FieldConflict(change, since.who, since.at)
    exported = _value(column, since.exported)
    changed = _compared(column, change.new_value) != _compared(column, exported)
    return FieldConflict(change, since.who, since.at, display(column, exported), changed)


def _value(column: Column, text: Any) -> Any:
    """A value as the journal stored it (text), as the import reads it."""
    if text is None or text == "":
        return None
    if column.kind in (CellKind.MONEY, CellKind.INTEGER, CellKind.YEAR, CellKind.FRAMEWORK):
        return int(text)
    if column.kind is CellKind.DATE:
        return date.fromisoformat(str(text)[:10])
    return str(text)


def _compared(column: Column, value: Any) -> Any:
    if column.kind in (CellKind.TEXT, CellKind.LONG_TEXT, CellKind.DAUPHIN):
        return value or None
    return value


def _snapshot(text: str | None) -> dict[str, Any] | None:
    try:
        found = json.loads(text) if text else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None
