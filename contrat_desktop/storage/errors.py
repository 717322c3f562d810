"""Errors raised by storage, each with a French message for the user."""

from __future__ import annotations

from typing import Any


class DossierError(Exception):
    """The dossier file cannot be opened or used; ``str(error)`` is French."""


class DossierDamaged(DossierError):
    """The file is a dossier whose content is damaged or truncated: restore a backup."""


class OutdatedDossier(DossierError):
    """A read-only open met a dossier of an older version, which only a writer can bring up
    to date; ``held`` says whether someone else holds it (then nobody here can)."""

    def __init__(self, message: str, *, held: bool) -> None:
        super().__init__(message)
        self.held = held


class ReadOnlyError(DossierError):
    """A write was attempted on a dossier opened read-only."""


class ConflictError(DossierError):
    """An update lost a race: the row changed (or vanished) since it was read."""

    def __init__(
        self,
        message: str,
        *,
        entity: str,
        entity_id: int,
        current: dict[str, Any] | None,
        changed_by: str | None = None,
        changed_at: str | None = None,
        their_changes: list[tuple[str, str | None, str | None]] | None = None,
    ) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.their_changes = their_changes or []
