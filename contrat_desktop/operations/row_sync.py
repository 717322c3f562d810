"""Bring the rows that belong to one parent (a meeting's agenda, a body's members...) from
the state last read to the wanted one: deletes first, then updates (guarded by each row's
version, caught up when only the version moved on), then additions, so unique keys never
collide midway. Rows added by someone else meanwhile are left alone; rows of ``wanted`` that
no longer exist are added again under their former id (undo)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from contrat_desktop.operations.records import caught_up, recreate
from contrat_desktop.storage.table_repository import Repository


class _Row(Protocol):
    id: int | None
    version: int


R = TypeVar("R", bound=_Row)


def sync_rows(
    repo: Repository[R],
    stored: Sequence[R],
    current: Sequence[R],
    wanted: Sequence[R],
    **parent: Any,
) -> None:
    stored_by_id = {row.id: row for row in stored}
    before = {
        row.id: caught_up(stored_by_id[row.id], row) for row in current if row.id in stored_by_id
    }
    kept = {row.id for row in wanted if row.id in before}
    for row_id, row in before.items():
        if row_id not in kept:
            repo.delete(row)
    for row in wanted:
        seen = before.get(row.id)
        if seen is None:
            continue
        target = _with(row, id=seen.id, version=seen.version, **parent)
        if target != seen:
            repo.update(target)
    for row in wanted:
        if row.id not in before:
            recreate(repo, _with(row, **parent))


def _with(row: R, **changes: Any) -> R:
    return replace(row, **changes)  # type: ignore[type-var]
