"""The import journal and the column mappings saved per source workbook."""

from __future__ import annotations

import json
from typing import Any

from contrat_desktop.domain.imports import ImportJournalEntry, SavedMapping
from contrat_desktop.storage.audit import now_iso
from contrat_desktop.storage.conversions import from_row, to_row
from contrat_desktop.storage.database import Dossier


class ImportJournal:
    def __init__(self, dossier: Dossier) -> None:
        self.db = dossier.db
        self.writer = dossier.writer

    def add(self, entry: ImportJournalEntry) -> int:
        """Record an applied import (audited like any other row)."""
        return self.writer.insert("import_journal", to_row(entry))

    def all(self) -> list[ImportJournalEntry]:
        cursor = self.db.execute("SELECT * FROM import_journal ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [from_row(ImportJournalEntry, dict(zip(names, r, strict=True))) for r in cursor]


class ImportMappings:
    def __init__(self, dossier: Dossier) -> None:
        self.db = dossier.db
        self.writer = dossier.writer

    def find(self, layout: str, source_key: str) -> SavedMapping | None:
        cursor = self.db.execute(
            "SELECT * FROM import_mapping WHERE layout = ? AND source_key = ?",
            [layout, source_key],
        )
        values = cursor.fetchone()
        if values is None:
            return None
        row: dict[str, Any] = dict(zip([d[0] for d in cursor.description], values, strict=True))
        mapping = {int(index): key for index, key in json.loads(row.pop("mapping")).items()}
        return SavedMapping(mapping=mapping, **row)

    def save(self, layout: str, source_key: str, mapping: dict[int, str], label: str) -> None:
        """Keep the mapping confirmed for this source, to offer it next time."""
        text = json.dumps({str(i): key for i, key in sorted(mapping.items())}, ensure_ascii=False)
        current = self.find(layout, source_key)
        if current is None:
            self.writer.insert(
                "import_mapping",
                {
                    "layout": layout,
                    "source_key": source_key,
                    "source_label": label,
                    "mapping": text,
                    "saved_at": now_iso(),
                },
            )
        elif current.mapping != mapping:
            assert current.id is not None
            self.writer.update(
                "import_mapping",
                current.id,
                {"mapping": text, "source_label": label, "saved_at": now_iso()},
                current.version,
            )
