"""Governance bodies and their kinds (reference data)."""

from __future__ import annotations

from contrat_desktop.domain.bodies import Body, BodyKind
from contrat_desktop.storage.conversions import from_row
from contrat_desktop.storage.table_repository import Repository


class BodyRepository(Repository[Body]):
    table = "body"
    model = Body
    order_by = "id"

    def kinds(self) -> list[BodyKind]:
        cursor = self.db.execute("SELECT * FROM body_kind ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [from_row(BodyKind, dict(zip(names, r, strict=True))) for r in cursor]

    def save_kind(self, kind: BodyKind) -> None:
        """Add a body kind, or rename one (audited; kinds are reference data)."""
        existing = {k.code: k for k in self.kinds()}
        with self.db.atomic():
            if kind.code not in existing:
                self.writer.insert(
                    "body_kind",
                    {"code": kind.code, "label": kind.label, "steering": int(kind.steering)},
                )
                return
            old = existing[kind.code]
            self.writer.check_writable()
            self.db.execute(
                "UPDATE body_kind SET label = ?, steering = ? WHERE code = ?",
                [kind.label, int(kind.steering), kind.code],
            )
            self.writer.field_changed("body_kind", old.id, "label", old.label, kind.label)
            self.writer.field_changed("body_kind", old.id, "steering", old.steering, kind.steering)
