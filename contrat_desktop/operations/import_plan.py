"""The preview of an import: new, changed (old → new per cell), unchanged, ambiguous and
erroneous rows, with warnings. Nothing is written until ``apply_import``.

A row that matches several actions is ambiguous: the plan carries, for each candidate, the
changes the row would make to it, so ``ImportPlan.decide`` settles the row (one candidate,
a new action, or skip it) without going back to the dossier, exactly as a matched row.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.exchange.export_mark import ExportMark
from contrat_desktop.exchange.sheet_reader import RowIssue
from contrat_desktop.operations.import_changes import CellChange as CellChange
from contrat_desktop.operations.import_changes import FieldConflict, Resolution
from contrat_desktop.storage.errors import DossierError

if TYPE_CHECKING:
    from contrat_desktop.operations.reconciliation import Reconciliation


class RowKind(StrEnum):
    NEW = "nouvelle"
    CHANGED = "modifiée"
    UNCHANGED = "inchangée"
    AMBIGUOUS = "à trancher"
    CONFLICT = "en conflit"  # values changed in the dossier since the export: choose
    ERROR = "en erreur"
    SKIPPED = "ignorée"  # an ambiguous row the user chose to leave out


class Decision(StrEnum):
    """What the user decided for an ambiguous row, besides choosing one of its candidates."""

    CREATE = "créer une nouvelle action"
    SKIP = "ignorer la ligne"


DECIDED_BY = "choix de l'utilisateur"


class _NoResolutions(Mapping[str, Resolution]):
    """The one, empty, resolutions of every row without a conflict (rows are many)."""

    def __getitem__(self, key: str) -> Resolution:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __hash__(self) -> int:
        return 0


NO_RESOLUTIONS: Mapping[str, Resolution] = _NoResolutions()
UNKNOWN_YEAR = "année de la campagne inconnue (le classeur ne l'indique pas)"


class MappingOrigin(StrEnum):
    DETECTED = "reconnue d'après les en-têtes"
    SAVED = "enregistrée lors d'un import précédent"
    GIVEN = "corrigée par l'utilisateur"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One of the actions an ambiguous row may speak of, and what the row would change."""

    action_id: int
    reference: str
    title: str
    holder: str
    year: int
    version: int | None = None
    changes: tuple[CellChange, ...] = ()  # those that conflict left out
    errors: tuple[RowIssue, ...] = ()  # e.g. a status change this action cannot take
    conflicts: tuple[FieldConflict, ...] = ()

    def describe(self) -> str:
        return f"{self.reference} – {self.title} – {self.holder} ({self.year})"


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
    candidates: Sequence[Candidate] = ()  # for ambiguous rows
    decision: int | Decision | None = None  # a candidate's action id, CREATE or SKIP
    amount_cents: int = 0  # the amounts this row reads
    not_creatable: str = ""  # why a new row cannot be created (no title...), said as a warning
    conflicts: Sequence[FieldConflict] = ()  # (rows are many: nothing allocated for none)
    resolutions: Mapping[str, Resolution] = NO_RESOLUTIONS  # by column key
    year: int | None = None  # the campaign a new row would be created in
    as_exported: bool = False  # unedited since its export: taken as it is, not compared

    @property
    def decidable(self) -> bool:
        return bool(self.candidates) and (
            self.kind is RowKind.AMBIGUOUS or self.decision is not None
        )

    def settle(self, target: Candidate, by: str) -> None:
        """Make this row speak of ``target``: its changes, errors and kind follow."""
        self.settle_on(
            target.action_id,
            target.version,
            target.reference,
            by,
            list(target.changes),
            target.errors,
            list(target.conflicts),
        )

    def settle_on(
        self,
        action_id: int,
        version: int | None,
        reference: str,
        by: str,
        changes: list[CellChange],
        errors: Sequence[RowIssue] = (),
        conflicts: list[FieldConflict] | None = None,
    ) -> None:
        """Make this row speak of one action (what ``settle`` does, without a candidate)."""
        self.target_id, self.expected_version = action_id, version
        self.label, self.matched_by, self.changes = reference, by, changes
        if errors:
            self.errors.extend(errors)
        self.conflicts, self.resolutions = conflicts or (), NO_RESOLUTIONS
        if self.errors:
            self.kind = RowKind.ERROR
        else:
            self.kind = RowKind.CHANGED if changes else RowKind.UNCHANGED
            if self.conflicts:
                self.follow_conflicts()

    def unresolved(self) -> list[FieldConflict]:
        return [c for c in self.conflicts if c.change.key not in self.resolutions]

    def resolve(self, key: str | None, resolution: Resolution | None) -> None:
        """Keep or take the workbook's value for one field (``key``) or all (``None``);
        ``None`` as resolution undoes the choice."""
        resolutions = dict(self.resolutions)
        for conflict in self.conflicts:
            if key is None or conflict.change.key == key:
                if resolution is None:
                    resolutions.pop(conflict.change.key, None)
                else:
                    resolutions[conflict.change.key] = resolution
        self.resolutions = resolutions
        self.follow_conflicts()

    def follow_conflicts(self) -> None:
        """The row's changes and kind, as its conflicts stand resolved."""
        if not self.conflicts or self.kind not in (
            RowKind.CHANGED, RowKind.UNCHANGED, RowKind.CONFLICT
        ):  # fmt: skip
            return
        keys = {c.change.key for c in self.conflicts}
        taken = [
            c.change
            for c in self.conflicts
            if self.resolutions.get(c.change.key) is Resolution.TAKE
        ]
        self.changes = [c for c in self.changes if c.key not in keys] + taken
        if self.unresolved():
            self.kind = RowKind.CONFLICT
        else:
            self.kind = RowKind.CHANGED if self.changes else RowKind.UNCHANGED


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
    campaign_year: int | None = None  # given to plan_import, then as the workbook says it
    campaign_source: str = ""  # where the year comes from, in French
    year_needed: bool = False  # new rows whose campaign nobody said
    export_mark: ExportMark | None = None  # what this application exported, if it did
    reconciliation: Reconciliation | None = None  # a programmation's (reconciliation.py)

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

    @property
    def amount_cents(self) -> int:
        """The sum of the amounts read from the file, rows in error or skipped left out."""
        left_out = (RowKind.ERROR, RowKind.SKIPPED)
        return sum(row.amount_cents for row in self.rows if row.kind not in left_out)

    def decidable_rows(self) -> list[PlannedRow]:
        """The ambiguous rows, decided or not, in sheet order."""
        return [row for row in self.rows if row.decidable]

    def decide(self, row_number: int, choice: int | Decision | None) -> PlannedRow:
        """Settle the ambiguous row at sheet row ``row_number``: an action id among its
        candidates, ``Decision.CREATE``, ``Decision.SKIP``, or ``None`` to undecide it."""
        row = next((r for r in self.rows if r.row == row_number and r.decidable), None)
        if row is None:
            raise ValueError(f"La ligne {row_number} n'est pas une ligne à trancher.")
        target = next((c for c in row.candidates if c.action_id == choice), None)
        if target is None and not (choice is None or isinstance(choice, Decision)):
            raise ValueError(f"L'action {choice} n'est pas proposée pour la ligne {row_number}.")
        row.decision, row.target_id, row.expected_version = choice, None, None
        row.changes, row.errors, row.matched_by = [], [], ""
        row.conflicts, row.resolutions = (), NO_RESOLUTIONS
        if choice is None:
            row.kind = RowKind.AMBIGUOUS
        elif choice is Decision.CREATE:
            row.kind, row.matched_by = RowKind.NEW, DECIDED_BY
            row.not_creatable = "" if row.year else UNKNOWN_YEAR
        elif choice is Decision.SKIP:
            row.kind, row.matched_by = RowKind.SKIPPED, DECIDED_BY
        elif target is not None:
            row.settle(target, DECIDED_BY)
            other = next((r.row for r in self.rows if r is not row and r.target_id == choice), None)
            if other is not None and row.kind is not RowKind.ERROR:
                row.kind = RowKind.ERROR
                row.errors.append(
                    RowIssue(
                        self.sheet,
                        row.row,
                        "",
                        target.reference,
                        f"Même action que la ligne {other}.",
                    )
                )
        return row

    def conflicts(self) -> list[tuple[PlannedRow, FieldConflict]]:
        """Every conflict of the plan, in sheet order, resolved or not."""
        return [(row, c) for row in self.rows for c in row.conflicts]

    def unresolved_conflicts(self) -> int:
        return sum(len(row.unresolved()) for row in self.rows)

    def resolve(self, row_number: int, key: str | None, resolution: Resolution | None) -> None:
        """Keep the dossier's value or take the workbook's, for one field of one row
        (``key``) or for all the fields of that row in conflict (``None``)."""
        row = next((r for r in self.rows if r.row == row_number and r.conflicts), None)
        if row is None:
            raise ValueError(f"La ligne {row_number} n'a pas de valeur en conflit.")
        row.resolve(key, resolution)

    def resolve_all(self, resolution: Resolution | None) -> None:
        for row in self.rows:
            if row.conflicts:
                row.resolve(None, resolution)

    def ambiguity_issues(self) -> list[RowIssue]:
        """The undecided ambiguous rows, said as errors (the CLI cannot ask)."""
        return [
            RowIssue(
                self.sheet,
                row.row,
                "",
                row.label,
                "Plusieurs actions correspondent à cette ligne : "
                + " ; ".join(c.describe() for c in row.candidates)
                + ". Indiquez sa référence ou son n° Dauphin dans le classeur.",
            )
            for row in self.of_kind(RowKind.AMBIGUOUS)
        ]

    def summary(self, *, ambiguous_as_errors: bool = False) -> dict[str, Any]:
        """The figures of the preview, for ``--json`` and the dialog; undecided ambiguous rows
        count as errors when ``ambiguous_as_errors`` (nothing will decide them)."""
        counts = self.counts()
        errors = self.errors
        if ambiguous_as_errors:
            counts["error"] += counts["ambiguous"]
            errors = sorted([*errors, *self.ambiguity_issues()], key=lambda issue: issue.row)
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
            "skipped": counts["skipped"],
            "conflicts": self.unresolved_conflicts(),
            "conflict_list": [_conflict(row, c) for row, c in self.conflicts()],
            "blank_rows": self.blank_rows,
            "campaign_year": self.campaign_year,
            "campaign_source": self.campaign_source,
            "year_needed": self.year_needed,
            "amount_cents": self.amount_cents,
            "error_list": [_issue(issue) for issue in errors],
            "warning_list": [_issue(issue) for issue in self.all_warnings],
        }


class RowNotWritten(DossierError):
    """Writing one row of a plan failed: the whole import is rolled back."""


@contextmanager
def naming_the_row(plan: ImportPlan, row: PlannedRow) -> Iterator[None]:
    """Say which row of the file could not be written, should a write be refused."""
    try:
        yield
    except (DossierError, ValidationError) as error:
        raise RowNotWritten(
            f"Feuille « {plan.sheet} », ligne {row.row} ({row.label}) : {error} "
            "Rien n'a été importé."
        ) from error


def _conflict(row: PlannedRow, conflict: FieldConflict) -> dict[str, Any]:
    resolution = row.resolutions.get(conflict.change.key)
    return {
        "row": row.row,
        "label": row.label,
        "column": conflict.change.column,
        "dossier": conflict.change.old,
        "workbook": conflict.change.new,
        "exported": conflict.exported,
        "workbook_changed": conflict.file_changed,
        "changed_by": conflict.changed_by,
        "changed_at": conflict.changed_at,
        "resolution": resolution.name.lower() if resolution else None,
    }


def _issue(issue: RowIssue) -> dict[str, Any]:
    return {
        "sheet": issue.sheet,
        "row": issue.row,
        "column": issue.column,
        "value": issue.value,
        "message": issue.message,
    }
