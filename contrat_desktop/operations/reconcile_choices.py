"""What a person decides for a row of the file the dossier lacks: create the action, link the
row to an existing action, ignore it, or take the choice back. Nothing is written until the
import is applied; the choice is then remembered for next year's list."""

from __future__ import annotations

from contrat_desktop.domain.reconciliation import Choice
from contrat_desktop.operations.import_plan import (
    DECIDED_BY,
    Decision,
    ImportPlan,
    PlannedRow,
    RowKind,
)
from contrat_desktop.operations.reconcile_links import Linker
from contrat_desktop.operations.reconciliation import Reconciliation, RowFacts
from contrat_desktop.storage.action_index import action_keys
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


class ChoiceRefused(ValueError):
    """The choice cannot be made for this row (said in French)."""


def choose(
    dossier: Dossier,
    plan: ImportPlan,
    row_number: int,
    choice: Choice | None,
    action_id: int | None = None,
) -> PlannedRow:
    """Create, link (to ``action_id``), ignore, or (``None``) take back the choice made for
    the row at sheet row ``row_number``; raises ``ChoiceRefused``."""
    found = plan.reconciliation
    row = next((r for r in plan.rows if r.row == row_number), None)
    if found is None or row is None or row.row not in found.rows:
        raise ChoiceRefused(f"La ligne {row_number} ne fait pas partie du rapprochement.")
    facts = found.rows[row.row]
    if facts.set_aside:
        raise ChoiceRefused(f"La ligne {row_number} est laissée de côté ({facts.set_aside}).")
    if facts.initial not in (RowKind.NEW, RowKind.AMBIGUOUS):
        raise ChoiceRefused(
            f"La ligne {row_number} correspond déjà à une action du dossier ({row.label})."
        )
    if choice is Choice.LINK and action_id is None:
        raise ChoiceRefused(f"Ligne {row_number} : choisissez l'action à laquelle la rattacher.")
    if choice is Choice.CREATE and row.not_creatable:
        raise ChoiceRefused(f"La ligne {row_number} ne peut pas être créée : {row.not_creatable}.")
    if choice is Choice.LINK and action_id is not None:
        linker = _linker(dossier, plan, found)
        other = linker.taken_by(row, action_id)
        if other is not None:
            raise ChoiceRefused(
                f"Cette action est déjà rapprochée de la ligne {other.row} ({other.label})."
            )
        _reset(plan, row, facts)
        linker.link(row, action_id)
    else:
        _reset(plan, row, facts)
        if choice is Choice.CREATE:
            decide_row(plan, row, Decision.CREATE)
        elif choice is Choice.IGNORE:
            decide_row(plan, row, Decision.SKIP)
    facts.choice, facts.chosen_by_hand = choice, True
    facts.note = ""
    if row.decision is not None:
        row.matched_by = DECIDED_BY
    return row


def _linker(dossier: Dossier, plan: ImportPlan, found: Reconciliation) -> Linker:
    keys = action_keys(dossier, found.campaign_id) if found.campaign_id else []
    return Linker(dossier, plan, {key.id: key for key in keys})


def _reset(plan: ImportPlan, row: PlannedRow, facts: RowFacts) -> None:
    """The row as the import matched it, before any choice."""
    if row.decidable and row.decision is not None:
        plan.decide(row.row, None)
    row.candidates = [c for c in row.candidates if c.action_id in facts.candidate_ids]
    row.decision, row.target_id, row.expected_version = None, None, None
    row.changes, row.matched_by = [], ""
    row.errors = []  # a row open to choices read without error
    row.kind = facts.initial


def decide_row(plan: ImportPlan, row: PlannedRow, decision: Decision) -> None:
    if row.kind is RowKind.AMBIGUOUS:
        plan.decide(row.row, decision)
    elif decision is Decision.SKIP:
        row.kind, row.decision = RowKind.SKIPPED, decision
    else:
        row.decision = decision


def choose_by_reference(
    dossier: Dossier, plan: ImportPlan, row_number: int, reference: str
) -> PlannedRow:
    """Link the row to the action of that reference (``2024-CS-003``)."""
    action = Repositories(dossier).actions.by_reference(reference)
    if action is None or action.id is None:
        raise ChoiceRefused(f"Ligne {row_number} : aucune action de référence « {reference} ».")
    return choose(dossier, plan, row_number, Choice.LINK, action.id)
