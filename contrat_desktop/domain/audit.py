"""One recorded change of the dossier (a row of the audit trail): when, who, which record,
what was done, and for an update the field with its old and new value (as text)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change recorded in the audit trail: when, who, what, old and new values."""

    at: str
    who: str
    entity: str
    entity_id: int | None
    operation: str  # create, update, delete, or a named act (status, import, ...)
    field: str | None
    old_value: str | None
    new_value: str | None
    id: int | None = None
