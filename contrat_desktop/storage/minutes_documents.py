"""Validated minutes as stored PDFs with their checksum: exported again to the byte."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError


@dataclass(frozen=True, slots=True)
class StoredMinutes:
    id: int
    meeting_id: int
    validated_at: str
    validated_by: str
    sha256: str


class MinutesDocumentRepository:
    def __init__(self, dossier: Dossier) -> None:
        self.db = dossier.db
        self.writer = dossier.writer

    def store(self, meeting_id: int, content: bytes) -> StoredMinutes:
        row_id = self.writer.insert(
            "minutes_document",
            {
                "meeting_id": meeting_id,
                "validated_at": datetime.now().isoformat(timespec="seconds"),
                "validated_by": self.writer.who,
                "sha256": hashlib.sha256(content).hexdigest(),
                "content": content,
            },
        )
        stored = self.latest(meeting_id)
        assert stored is not None and stored.id == row_id
        return stored

    def rewrite(self, meeting_id: int, content: bytes, reason: str) -> int:
        """Replace every stored copy of a meeting's minutes, with the new checksum: only
        for the erasure of someone's personal data, audited with ``reason``. Copies replaced."""
        self.writer.check_writable()
        rows = self.db.execute(
            "SELECT id FROM minutes_document WHERE meeting_id = ?", [meeting_id]
        ).fetchall()
        checksum = hashlib.sha256(content).hexdigest()
        with self.db.atomic():
            for (row_id,) in rows:
                self.db.execute(
                    "UPDATE minutes_document SET content = ?, sha256 = ? WHERE id = ?",
                    [content, checksum, row_id],
                )
                self.writer.note("minutes_document", row_id, "anonymisation", reason)
        return len(rows)

    def latest(self, meeting_id: int) -> StoredMinutes | None:
        row = self.db.execute(
            "SELECT id, meeting_id, validated_at, validated_by, sha256 FROM minutes_document "
            "WHERE meeting_id = ? ORDER BY id DESC LIMIT 1",
            [meeting_id],
        ).fetchone()
        return StoredMinutes(*row) if row else None

    def content(self, stored: StoredMinutes) -> bytes:
        """The stored bytes, checked against their checksum."""
        row = self.db.execute(
            "SELECT content FROM minutes_document WHERE id = ?", [stored.id]
        ).fetchone()
        if row is None:
            raise DossierError(f"Le compte rendu enregistré n° {stored.id} n'existe plus.")
        content = bytes(row[0])
        if hashlib.sha256(content).hexdigest() != stored.sha256:
            raise DossierError(
                "Le compte rendu enregistré est altéré (empreinte SHA-256 différente)."
            )
        return content
