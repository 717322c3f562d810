"""Dossier settings (organisation, logo, signatories, rule settings): JSON values by key."""

from __future__ import annotations

import json
from typing import Any

from contrat_desktop.storage.database import Dossier


class SettingsRepository:
    def __init__(self, dossier: Dossier) -> None:
        self.db = dossier.db
        self.writer = dossier.writer

    def get(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def all(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM setting")}

    def set(self, key: str, value: Any) -> None:
        old = self.get(key)
        if old == value:
            return
        with self.db.atomic():
            self.writer.check_writable()
            self.db.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )
            self.writer.field_changed("setting", None, key, old, value)
