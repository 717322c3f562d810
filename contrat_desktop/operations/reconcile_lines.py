"""The reconciliation as lines for a person: one per row of the file and one per action the
file should name and does not, with what differs and what was chosen; and the actions a row
the dossier lacks may be linked to."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.reconciliation import Category
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.operations.import_plan import ImportPlan, PlannedRow, RowKind
from contrat_desktop.operations.reconciliation import ActionBrief, RowFacts, amount_text
from contrat_desktop.storage.action_index import action_keys
from contrat_desktop.storage.database import Dossier

MAX_FOUND = 200
TO_CHOOSE = "à choisir"


@dataclass(frozen=True, slots=True)
class ReconcileLine:
    category: Category
    row: int | None  # the sheet row, None for an action of the dossier only
    in_file: str
    in_dossier: str
    detail: str
    choice: str
    open_to_choice: bool = False  # a row the dossier lacks: create, link, ignore

    @property
    def row_text(self) -> str:
        return str(self.row) if self.row is not None else "—"


SHORT = {
    Category.MATCHED: "Rapprochée",
    Category.DIFFERENT: "Avec écarts",
    Category.FILE_ONLY: "Fichier seulement",
    Category.DOSSIER_ONLY: "Dossier seulement",
}


def reconcile_lines(plan: ImportPlan) -> list[ReconcileLine]:
    """Every line of the reconciliation, in sheet order, then the dossier's actions."""
    found = plan.reconciliation
    if found is None:
        return []
    lines = []
    for row in plan.rows:
        category = found.category(row)
        if category is None:
            continue
        facts = found.rows.get(row.row)
        label = facts.label if facts else row.label
        in_dossier = "—"
        if row.target_id is not None:
            in_dossier = found.described.get(row.target_id, row.label)
        choice = found.choice_of(row)
        if category is Category.FILE_ONLY:
            chosen = choice.label if choice else TO_CHOOSE
            if row.kind is RowKind.AMBIGUOUS and choice is None:
                chosen = f"{TO_CHOOSE} (plusieurs actions possibles)"
        elif choice is not None and facts and facts.initial is not RowKind.UNCHANGED:
            chosen = choice.label  # linked by hand, or by a remembered choice
        else:
            chosen = f"retrouvée par {row.matched_by}" if row.matched_by else ""
        if facts and facts.note:
            chosen += f" — {facts.note}"
        lines.append(
            ReconcileLine(
                category, row.row, label, in_dossier, _detail(row, category, facts), chosen,
                open_to_choice=category is Category.FILE_ONLY
                or bool(facts and facts.initial in (RowKind.NEW, RowKind.AMBIGUOUS)),
            )
        )  # fmt: skip
    for action in found.dossier_only(plan):
        lines.append(
            ReconcileLine(
                Category.DOSSIER_ONLY, None, "—", action.describe(),
                f"{action.why} ; montant État : {amount_text(action.amount_cents)}", "",
            )
        )  # fmt: skip
    return lines


def _detail(row: PlannedRow, category: Category, facts: RowFacts | None) -> str:
    if row.changes:
        return " ; ".join(
            f"{c.column} : {c.old or '(vide)'} → {c.new or '(vide)'}" for c in row.changes
        )
    suggestions = facts.suggestions if facts else ()
    if category is Category.FILE_ONLY and row.not_creatable:
        return f"ne peut pas être créée : {row.not_creatable}"
    said = []
    if category is Category.FILE_ONLY and suggestions:
        said.append("actions du porteur : " + ", ".join(s.reference for s in suggestions))
    if category is Category.FILE_ONLY and row.amount_cents:
        said.append(f"montant : {format_cents(row.amount_cents)}")
    if category is Category.FILE_ONLY and row.year:
        said.append(f"exercice {row.year}")
    return " ; ".join(said)


def link_choices(dossier: Dossier, plan: ImportPlan, text: str = "") -> list[ActionBrief]:
    """The campaign's actions a row may be linked to whose reference, title or holder
    contains ``text`` (all when empty), the reconciliation's suggestions first."""
    found = plan.reconciliation
    if found is None or found.campaign_id is None:
        return []
    wanted = header_key(text)
    taken = {row.target_id for row in plan.rows if row.target_id is not None}
    briefs = [
        ActionBrief(k.id, k.reference, k.title, k.holder_name, k.year)
        for k in sorted(action_keys(dossier, found.campaign_id), key=lambda k: k.reference)
        if k.id not in taken
        and (not wanted or wanted in header_key(f"{k.reference} {k.title} {k.holder_name}"))
    ]
    return briefs[:MAX_FOUND]
