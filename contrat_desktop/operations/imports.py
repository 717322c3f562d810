"""Import a workbook in two phases: ``plan_import`` previews, ``apply_import`` writes.

The same machinery serves every target (programmation, holders directory...): a declared
column layout plus a target that matches rows and applies them. Applying is refused while
rows are in error (unless they are skipped); it takes a backup first, then writes everything
in one transaction, audited, with a journal entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from contrat_desktop.domain.imports import ImportJournalEntry
from contrat_desktop.exchange.formulas import FormulasAhead
from contrat_desktop.exchange.issues_workbook import write_issues
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.exchange.sheet_reader import SheetReading, read_sheet
from contrat_desktop.exchange.workbook_file import open_workbook
from contrat_desktop.operations.bilans_exchange import BilansTarget
from contrat_desktop.operations.collector import collector_paused
from contrat_desktop.operations.header_spellings import learn_spellings, learned_layout
from contrat_desktop.operations.holders_import import HoldersTarget
from contrat_desktop.operations.import_plan import (
    Decision,
    ImportPlan,
    MappingOrigin,
    PlannedRow,
    RowKind,
)
from contrat_desktop.operations.known_actions import KnownActions
from contrat_desktop.operations.programmation_funding import (
    read_funding_columns,
    write_funding_columns,
)
from contrat_desktop.operations.programmation_import import ProgrammationTarget
from contrat_desktop.operations.reconcile_apply import choices_to_keep, write_reconciliation
from contrat_desktop.operations.reconcile_plan import reconcile
from contrat_desktop.operations.reconcile_rows import complete_post_rows
from contrat_desktop.storage.audit import now_iso
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.imports import ImportJournal, ImportMappings
from contrat_desktop.storage.repositories import Repositories

__all__ = [
    "ImportBlocked",
    "NothingToImport",
    "WorkbookRefused",
    "apply_import",
    "plan_import",
    "save_error_list",
]


class ImportTarget(Protocol):
    name: str
    creates_by_default: bool

    def layout(self, repos: Repositories) -> Layout: ...

    def plan(
        self,
        dossier: Dossier,
        repos: Repositories,
        reading: SheetReading,
        plan: ImportPlan,
        known: KnownActions,
    ) -> None: ...

    def apply(
        self,
        dossier: Dossier,
        repos: Repositories,
        plan: ImportPlan,
        rows: list[PlannedRow],
        create: bool,
    ) -> tuple[int, int]: ...


TARGETS: dict[str, ImportTarget] = {
    target.name: target for target in (ProgrammationTarget(), HoldersTarget(), BilansTarget())
}


class ImportBlocked(DossierError):
    """Applying was refused (rows in error, read-only dossier...); nothing was written."""


class NothingToImport(ImportBlocked):
    """The plan holds nothing to write: the dossier is up to date, or its new rows were not
    to be created (``not_created`` of them; the caller says how to ask for them)."""

    def __init__(self, message: str, not_created: int) -> None:
        super().__init__(message)
        self.not_created = not_created


@dataclass(frozen=True, slots=True)
class ImportResult:
    journal_id: int
    created: int
    updated: int
    unchanged: int
    skipped: int
    backup_path: Path
    not_created: int = 0  # new rows left out: not asked for, or lacking what creation needs


def target_layout(dossier: Dossier, target: str) -> Layout:
    """The columns of an import target (``plan.layout``), as the dossier names them."""
    return TARGETS[target].layout(Repositories(dossier))


@collector_paused()  # rows, values and plan rows by the hundred thousand, in no cycle
def plan_import(
    dossier: Dossier,
    path: str | Path,
    *,
    sheet: str | None = None,
    include_hidden: bool = False,
    layout: str | None = None,
    mapping: Mapping[int, str | None] | None = None,
    header_row: int | None = None,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Read, match and compare; raises ``WorkbookRefused`` for a file refused as a whole.

    ``year`` is the campaign the person says the workbook is for (else the workbook says it,
    or its new rows cannot be created: ``ImportPlan.year_needed``).

    ``progress(rows read, rows in the sheet)`` is called while reading (the window shows a
    progress bar); an exception it raises, such as a cancel, propagates and nothing is kept.
    """
    path = Path(path)
    book = open_workbook(path)
    formulas = FormulasAhead(  # looked for while calamine reads the sheets
        path, [sheet] if sheet else [s.name for s in book.sheets if include_hidden or not s.hidden]
    )
    repos = Repositories(dossier)
    targets = [TARGETS[layout]] if layout else list(TARGETS.values())
    layouts = [learned_layout(dossier, target.layout(repos)) for target in targets]
    known = KnownActions(dossier)  # read once, shared by matching and reconciliation
    saved = ImportMappings(dossier)
    origin = [MappingOrigin.GIVEN if mapping is not None else MappingOrigin.DETECTED]

    def offered(chosen: Layout, signature: str) -> Mapping[int, str] | None:
        found = saved.find(chosen.name, signature)
        if found is not None:
            origin[0] = MappingOrigin.SAVED
            return found.mapping
        return None

    reading = read_sheet(
        book,
        layouts,
        sheet=sheet,
        include_hidden=include_hidden,
        mapping=mapping,
        header_row=header_row,
        saved_mapping=offered,
        progress=progress,
        still_named=known.still_named,
    )
    if reading.notes:  # a saved mapping was set aside: the columns were detected
        origin[0] = MappingOrigin.DETECTED
    cell = next(
        (
            ref
            for row, column, ref in formulas.of(reading.sheet)
            if row == 0 or reading.reads_cell(row, column)
        ),
        None,
    )  # the export's totals row, and cells the import does not read, may stay uncomputed
    if cell is not None:
        raise WorkbookRefused(
            f"La feuille « {reading.sheet} » du classeur « {path.name} » contient des formules "
            f"sans valeur calculée (cellule {cell}) : ouvrez le classeur dans votre tableur, "
            "enregistrez-le, puis importez-le à nouveau."
        )
    headers = [reading.header_label(index) for index in range(len(reading.headers))]
    plan = ImportPlan(
        path=path,
        sha256=book.sha256,
        layout=reading.layout.name,
        sheet=reading.sheet,
        header_row=reading.header_row,
        headers=headers,
        mapping=dict(reading.mapping),
        mapping_origin=origin[0],
        signature=reading.signature,
        rows=[],
        unmapped_headers=[h for i, h in enumerate(headers) if h and i not in reading.mapping],
        hidden_sheets_skipped=reading.hidden_sheets_skipped,
        blank_rows=reading.blank_rows,
        campaign_year=year,
        warnings=list(reading.notes),
    )
    complete_post_rows(reading)  # rows of the State's posts lists: SIRET, title
    TARGETS[reading.layout.name].plan(dossier, repos, reading, plan, known)
    reading.rows = []  # planned now: 100 000 read rows are not kept twice
    reconcile(dossier, reading, plan, known)
    read_funding_columns(dossier, reading, plan)
    return plan


def apply_import(
    dossier: Dossier,
    plan: ImportPlan,
    *,
    skip_invalid_rows: bool = False,
    create_missing: bool | None = None,
) -> ImportResult:
    """Write the plan in one transaction after a backup; refused while rows are in error or
    ambiguous rows are undecided (``ImportPlan.decide``), unless ``skip_invalid_rows``."""
    dossier.writer.check_writable()
    errors = plan.of_kind(RowKind.ERROR)
    if errors and not skip_invalid_rows:
        raise ImportBlocked(
            f"{len(errors)} ligne(s) en erreur : rien n'a été importé. Corrigez le classeur, "
            "ou choisissez d'ignorer les lignes en erreur."
        )
    conflicts = plan.unresolved_conflicts()
    if conflicts:
        raise ImportBlocked(
            f"{conflicts} valeur(s) en conflit : rien n'a été importé. Elles ont été modifiées "
            "dans le dossier après l'export de ce classeur ; pour chacune (ou pour toutes), "
            "gardez la valeur du dossier ou prenez celle du classeur."
        )
    undecided = plan.of_kind(RowKind.AMBIGUOUS)
    if undecided and not skip_invalid_rows:
        raise ImportBlocked(
            f"{len(undecided)} ligne(s) à trancher : rien n'a été importé. Pour chacune, "
            "choisissez l'action concernée, la création d'une nouvelle action ou de l'ignorer."
        )
    target = TARGETS[plan.layout]
    create = target.creates_by_default if create_missing is None else create_missing
    new = plan.of_kind(RowKind.NEW)
    wanted = [r for r in new if (create or r.decision is Decision.CREATE) and not r.not_creatable]
    rows = [*plan.of_kind(RowKind.CHANGED), *wanted]
    if not rows and not choices_to_keep(plan):
        raise NothingToImport(_nothing_written(plan, len(new)), len(new))
    backup = dossier.backup("avant-import")
    repos = Repositories(dossier)
    with dossier.db.atomic():
        created, updated = target.apply(dossier, repos, plan, rows, create)
        kept = write_reconciliation(dossier, repos, plan, create)
        write_funding_columns(dossier, repos, plan)
        if not (created or updated or kept):  # every row lacked what its write needed: say so
            raise NothingToImport(_nothing_written(plan, len(new)), len(new))
        skipped = len(plan.rows) - created - updated - len(plan.of_kind(RowKind.UNCHANGED))
        entry = ImportJournalEntry(
            at=now_iso(),
            who=dossier.user,
            file_name=plan.file_name,
            sha256=plan.sha256,
            layout=plan.layout,
            sheet=plan.sheet,
            new_rows=created,
            updated_rows=updated,
            unchanged_rows=len(plan.of_kind(RowKind.UNCHANGED)),
            error_rows=len(errors),
            skipped_rows=skipped,
            amount_cents=plan.amount_cents,
            backup_path=str(backup.path),
        )
        journal_id = ImportJournal(dossier).add(entry)
        ImportMappings(dossier).save(plan.layout, plan.signature, plan.mapping, plan.file_name)
        learn_spellings(dossier, plan, learned_layout(dossier, target.layout(repos)))
    return ImportResult(
        journal_id,
        created,
        updated,
        entry.unchanged_rows,
        skipped,
        backup.path,
        len(new) - created,
    )


def _nothing_written(plan: ImportPlan, new: int) -> str:
    if new:
        return (
            f"Rien n'a été importé : {new} ligne(s) nouvelle(s) (actions ou porteurs absents "
            "du dossier) n'ont pas été créée(s), faute de l'option de création."
        )
    left_out = sum(
        len(plan.of_kind(k)) for k in (RowKind.ERROR, RowKind.AMBIGUOUS, RowKind.SKIPPED)
    )
    if left_out:
        return (
            f"Rien n'a été importé : {left_out} ligne(s) en erreur ou non tranchée(s) "
            "ignorée(s), les autres sont déjà à jour."
        )
    return "Rien à importer : le dossier est déjà à jour."


def campaign_years(dossier: Dossier) -> tuple[int, ...]:
    """The dossier's campaign years, latest first (to offer when a workbook says none)."""
    return tuple(sorted(Repositories(dossier).campaigns.years(), reverse=True))


def save_error_list(plan: ImportPlan, path: str | Path) -> Path:
    """The rows in error and the warnings of a preview, as a workbook to send back."""
    return write_issues(
        path, f"Erreurs de l'import de « {plan.file_name} »", plan.errors, plan.all_warnings
    )
