"""The preview of an import: new, changed (old → new per cell), unchanged, ambiguous and
erroneous rows, with warnings. Nothing is written until ``apply_import``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from contrat_desktop.exchange.sheet_reader import RowIssue


class RowKind(StrEnum):
    NEW = "nouvelle"
    CHANGED = "modifiée"
    UNCHANGED = "inchangée"
    AMBIGUOUS = "à trancher"
    ERROR = "en erreur"


class MappingOrigin(StrEnum):
    DETECTED = "reconnue d'après les en-têtes"
    SAVED = "enregistrée lors d'un import précédent"
    GIVEN = "corrigée par l'utilisateur"


@dataclass(frozen=True, slots=True)
class CellChange:
    key: str  # column key
    column: str  # header shown
    old: str  # as a person reads it
    new: str
    old_value: Any
    new_value: Any


@dataclass(slots=True)
class PlannedRow:
    row: int  # spreadsheet row number
    kind: RowKind
    label: str  # what identifies the row for a person (reference, title...)
    values: dict[str, Any]
    target_id: int | None = None
    expected_version: int | None = None
    matched_by: str = ""  # "identifiant", "référence", "n° Dauphin", "SIRET et intitulé"...
    changes: list[CellChange] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    candidates: list[tuple[int, str]] = field(default_factory=list)  # for ambiguous rows


@dataclass(slots=True)
class ImportPlan:
    path: Path
    sha256: str
    layout: str
    sheet: str
    header_row: int
    headers: list[str]  # as shown, per sheet column
    mapping: dict[int, str]  # sheet column index → column key
    mapping_origin: MappingOrigin
    signature: str
    rows: list[PlannedRow]
    warnings: list[RowIssue] = field(default_factory=list)
    unmapped_headers: list[str] = field(default_factory=list)
    hidden_sheets_skipped: tuple[str, ...] = ()
    blank_rows: int = 0
    amount_cents: int = 0  # sum of the amounts read from the file (rows without errors)
    campaign_year: int | None = None

    @property
    def file_name(self) -> str:
        return self.path.name

    def of_kind(self, kind: RowKind) -> list[PlannedRow]:
        return [row for row in self.rows if row.kind is kind]

    def counts(self) -> dict[str, int]:
        return {kind.name.lower(): len(self.of_kind(kind)) for kind in RowKind}

    @property
    def errors(self) -> list[RowIssue]:
        return [issue for row in self.rows for issue in row.errors]

    @property
    def all_warnings(self) -> list[RowIssue]:
        return [*self.warnings, *(issue for row in self.rows for issue in row.warnings)]

    @property
    def has_errors(self) -> bool:
        return any(row.kind is RowKind.ERROR for row in self.rows)

    def summary(self) -> dict[str, Any]:
        """The figures of the preview, for ``--json`` and the dialog."""
        counts = self.counts()
        return {
            "fichier": self.file_name,
            "sha256": self.sha256,
            "modele": self.layout,
            "feuille": self.sheet,
            "ligne_entete": self.header_row,
            "correspondance": self.mapping_origin.value,
            "new": counts["new"],
            "updated": counts["changed"],
            "unchanged": counts["unchanged"],
            "ambiguous": counts["ambiguous"],
            "errors": counts["error"],
            "blank_rows": self.blank_rows,
            "amount_cents": self.amount_cents,
            "error_list": [_issue(issue) for issue in self.errors],
            "warning_list": [_issue(issue) for issue in self.all_warnings],
        }


def _issue(issue: RowIssue) -> dict[str, Any]:
    return {
        "sheet": issue.sheet,
        "row": issue.row,
        "column": issue.column,
        "value": issue.value,
        "message": issue.message,
    }
