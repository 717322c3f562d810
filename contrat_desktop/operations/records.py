"""One write shared by the directory editors (holders, funders, envelopes): bring a
versioned record from the state last read to the wanted one (create, update or delete).

Undo uses the same function the other way round, so both directions are audited and
guarded by the row version (a lost race raises ``ConflictError``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from contrat_desktop.storage.table_repository import Repository

T = TypeVar("T")


def write_record(repo: Repository[T], current: T | None, wanted: T | None) -> T | None:
    """Create (``current`` is None), delete (``wanted`` is None) or update; return the result.

    An update is based on ``current``'s id and version, whatever ``wanted`` carries.
    The write is refused (``ConflictError``) if someone else changed the record meanwhile.
    """
    if current is not None:
        current = caught_up(repo.find(_get(current, "id")), current)
    if wanted is None:
        if current is not None:
            repo.delete(current)
        return None
    if current is None:
        return recreate(repo, wanted)
    return repo.update(_with(wanted, id=_get(current, "id"), version=_get(current, "version")))


def caught_up(stored: T | None, current: T) -> T:
    """The stored record when only its version moved on (our own later edit, then undone):
    undoing an older edit must not be refused for that. Any other difference is kept,
    so the write is refused as a conflict instead of overwriting someone's change."""
    if stored is not None and _with(stored, version=_get(current, "version")) == current:
        return stored
    return current


def recreate(repo: Repository[T], wanted: T) -> T:
    """Add ``wanted``: under its former id when it had one that is free again (the undo of
    a deletion, the redo of a creation), else as a new record."""
    former = _get(wanted, "id")
    if former is not None and repo.find(former) is None:
        return repo.restore(_with(wanted, version=1))
    return repo.add(_with(wanted, id=None, version=1))


def _with(record: T, **changes: Any) -> T:
    return replace(record, **changes)  # type: ignore[type-var]


def _get(record: object, name: str) -> Any:
    return getattr(record, name)
