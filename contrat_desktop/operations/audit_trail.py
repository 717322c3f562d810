"""The recorded changes of one record (its audit trail), for the history panels."""

from __future__ import annotations

from contrat_desktop.domain.audit import AuditEntry
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier


def record_history(dossier: Dossier, entity: str, entity_id: int) -> list[AuditEntry]:
    """Every change of the record ``entity`` #``entity_id``, oldest first."""
    return history(dossier.db, entity, entity_id)
