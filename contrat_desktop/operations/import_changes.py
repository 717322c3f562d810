"""What an imported row would change: cell by cell (old → new), and, among those, the
conflicts: values the workbook would overwrite although the dossier changed them after the
workbook was exported. A conflict waits for a person's choice (keep the dossier's value,
take the workbook's) and is never applied silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class CellChange:
    key: str  # column key
    column: str  # header shown
    old: str  # as a person reads it
    new: str
    old_value: Any
    new_value: Any


class Resolution(StrEnum):
    KEEP = "garder la valeur du dossier"
    TAKE = "prendre celle du classeur"


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """``change.old`` is the dossier's value now, ``change.new`` the workbook's."""

    change: CellChange
    changed_by: str  # who changed it in the dossier after the export ("" when unknown)
    changed_at: str  # when, ISO ("" when unknown)
    exported: str | None = None  # the value as exported, as a person reads it (None: unknown)
    file_changed: bool | None = None  # whether the workbook changed it since (None: unknown)

    def since(self) -> str:
        """« modifiée le 12/03/2026 à 14:05 par camille »."""
        if not self.changed_at:
            return "modifiée depuis l'export"
        when = f"le {french_time(self.changed_at)}"
        return f"modifiée {when} par {self.changed_by}" if self.changed_by else f"modifiée {when}"

    def when_who(self) -> str:
        """« 12/03/2026 à 14:05, camille » (short, for a table)."""
        if not self.changed_at:
            return "depuis l'export"
        return ", ".join(t for t in (french_time(self.changed_at), self.changed_by) if t)

    def workbook_side(self) -> str:
        """What the workbook did with the value since the export, if known: « inchangée
        depuis l'export », « modifiée dans le classeur (exportée : 1 200,00 €) »."""
        if self.file_changed is None:
            return ""
        if not self.file_changed:
            return "inchangée depuis l'export"
        return "modifiée dans le classeur" + (
            f" (exportée : {self.exported})" if self.exported is not None else ""
        )


def french_time(iso: str) -> str:
    """``2026-03-12T14:05:09`` → ``12/03/2026 à 14:05``."""
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y à %H:%M")
    except ValueError:
        return iso
