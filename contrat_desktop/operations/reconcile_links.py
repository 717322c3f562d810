"""Link a row of the file to an action a person (or a remembered choice) names: the row is
compared with that action field by field, exactly as a row the import matched itself, EJ of
the State's line included."""

from __future__ import annotations

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import normalise_ej
from contrat_desktop.exchange.sheet_reader import SheetReading
from contrat_desktop.exchange.state_columns import EJ_KEY
from contrat_desktop.operations.import_plan import (
    Candidate,
    CellChange,
    ImportPlan,
    PlannedRow,
    RowKind,
)
from contrat_desktop.operations.programmation_diff import Differ
from contrat_desktop.storage.action_index import ActionKey
from contrat_desktop.storage.action_state import stored_values
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories


class Linker:
    def __init__(self, dossier: Dossier, plan: ImportPlan, keys: dict[int, ActionKey]) -> None:
        self.dossier = dossier
        self.plan = plan
        self.keys = keys
        self._differ: Differ | None = None

    def taken_by(self, row: PlannedRow, action_id: int) -> PlannedRow | None:
        """Another row of the file that already speaks of ``action_id``."""
        return next((r for r in self.plan.rows if r is not row and r.target_id == action_id), None)

    def link(self, row: PlannedRow, action_id: int) -> bool:
        """Make ``row`` speak of ``action_id``; False when another row already does."""
        if self.taken_by(row, action_id) is not None:
            return False
        candidate = self.candidate(row, action_id)
        had = bool(row.candidates)
        row.candidates = [c for c in row.candidates if c.action_id != action_id] + [candidate]
        row.kind = RowKind.AMBIGUOUS  # what ``decide`` settles
        self.plan.decide(row.row, action_id)
        if not had:  # a row the dossier lacked is no row « à trancher » once linked
            row.candidates = []
        if self.plan.reconciliation is not None:
            described = f"{candidate.reference} – {candidate.title}"
            self.plan.reconciliation.described[action_id] = described
        return True

    def candidate(self, row: PlannedRow, action_id: int) -> Candidate:
        repos = Repositories(self.dossier)
        action = repos.actions.find(action_id)
        if action is None or action.id is None:
            raise DossierError(f"L'action n° {action_id} n'existe plus dans le dossier.")
        key = self.keys.get(action_id)
        holder = key.holder_name if key else repos.holders.get(action.holder_id).legal_name
        year = key.year if key else repos.campaigns.get(action.campaign_id).year
        lines = {line.funder_id: line for line in repos.funding_lines.for_action(action_id)}
        differ = self.differ()
        stored = stored_values(self.dossier, [action_id], differ.wanted)[action_id][1]
        changes, errors = differ.diff(stored, row.values, row.row)
        state = self.plan.reconciliation.state_funder_id if self.plan.reconciliation else None
        raw = row.values.get(EJ_KEY)
        if raw and state is not None:
            try:
                ej = normalise_ej(str(raw))
            except ValidationError:
                ej = ""  # said as an error of the row when it was read
            old = lines[state].ej_number if state in lines else ""
            if ej and ej != old:
                label = next(
                    (self.plan.headers[i] for i, k in self.plan.mapping.items() if k == EJ_KEY),
                    "EJ",
                )
                changes.append(CellChange(EJ_KEY, label, old, ej, old or None, ej))
        return Candidate(
            action.id, action.reference, action.title, holder, year, action.version,
            tuple(changes), tuple(errors),
        )  # fmt: skip

    def differ(self) -> Differ:
        if self._differ is None:
            plan = self.plan
            assert plan.reconciliation is not None
            reading = SheetReading(
                plan.reconciliation.layout,
                plan.sheet,
                plan.header_row,
                [("", header) for header in plan.headers],
                dict(plan.mapping),
                [],
            )
            self._differ = Differ(reading)
        return self._differ
