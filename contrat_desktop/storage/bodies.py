"""Governance bodies and their kinds (reference data)."""

from __future__ import annotations

from contrat_desktop.domain.bodies import Body, BodyKind
from contrat_desktop.storage.conversions import from_row
from contrat_desktop.storage.repository import Repository


class BodyRepository(Repository[Body]):
    table = "body"
    model = Body
    order_by = "id"

    def kinds(self) -> list[BodyKind]:
        cursor = self.db.execute("SELECT * FROM body_kind ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [from_row(BodyKind, dict(zip(names, r, strict=True))) for r in cursor]
