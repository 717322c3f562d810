"""Attachments stored as blobs in the dossier, so the file travels with it."""

from __future__ import annotations

import hashlib
from datetime import datetime

from contrat_desktop.domain.attachments import Attachment, AttachmentKind
from contrat_desktop.storage.conversions import from_row
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
_COLUMNS = "id, action_id, file_name, kind, added_on, added_by, sha256, length(content) AS size"


class AttachmentRepository:
    def __init__(self, dossier: Dossier) -> None:
        self.db = dossier.db
        self.writer = dossier.writer

    def for_action(self, action_id: int) -> list[Attachment]:
        cursor = self.db.execute(
            f"SELECT {_COLUMNS} FROM attachment WHERE action_id = ? ORDER BY added_on, id",
            [action_id],
        )
        names = [d[0] for d in cursor.description]
        return [self._build(dict(zip(names, row, strict=True))) for row in cursor]

    def add(
        self, action_id: int, file_name: str, kind: AttachmentKind, content: bytes
    ) -> Attachment:
        if len(content) > MAX_ATTACHMENT_BYTES:
            raise DossierError(
                f"La pièce jointe « {file_name} » dépasse 50 Mo : gardez-la sur le disque "
                "partagé et indiquez son emplacement dans les notes."
            )
        row_id = self.writer.insert(
            "attachment",
            {
                "action_id": action_id,
                "file_name": file_name,
                "kind": kind.value,
                "added_on": datetime.now().isoformat(timespec="seconds"),
                "added_by": self.writer.who,
                "sha256": hashlib.sha256(content).hexdigest(),
                "content": content,
            },
        )
        (attachment,) = [a for a in self.for_action(action_id) if a.id == row_id]
        return attachment

    def content(self, attachment_id: int) -> bytes:
        row = self.db.execute(
            "SELECT content FROM attachment WHERE id = ?", [attachment_id]
        ).fetchone()
        if row is None:
            raise DossierError(f"La pièce jointe n° {attachment_id} n'existe plus.")
        return bytes(row[0])

    def delete(self, attachment: Attachment) -> None:
        self.writer.delete("attachment", attachment.id or 0)

    @staticmethod
    def _build(row: dict[str, object]) -> Attachment:
        row["size_bytes"] = row.pop("size")
        built = from_row(Attachment, row)
        assert isinstance(built.kind, AttachmentKind)
        return built
