"""The reconciliation of an imported State list with the dossier, as the preview shows it.

Each row of the file is matched (same values), matched with differences (field by field),
or in the file but not in the dossier (to create, link to an action by hand, or ignore: the
choice is remembered for next year's list); each action the file should name but does not
is in the dossier but not in the file. It lives on the import plan (``plan.reconciliation``)
and is built, changed and written with it (``reconcile_plan``, ``reconcile_choices``,
``reconcile_apply``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.reconciliation import Category, Choice, RememberedChoice, StateList
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.operations.import_plan import Decision, ImportPlan, PlannedRow, RowKind

REMEMBERED = "choix mémorisé"


@dataclass(frozen=True, slots=True)
class ActionBrief:
    """An action as the reconciliation lists it."""

    action_id: int
    reference: str
    title: str
    holder: str
    year: int
    amount_cents: int | None = None  # the State's (or the file's funder's) amount
    why: str = ""  # why the file should have named it

    def describe(self) -> str:
        return f"{self.reference} – {self.title} – {self.holder}"


@dataclass(slots=True)
class RowFacts:
    """What the reconciliation knows of one row of the file (by sheet row number)."""

    row: int
    source: StateList
    keys: tuple[str, ...]
    label: str  # holder and title or post, for a person
    choice: Choice | None = None  # chosen for a row the dossier lacks (or remembered)
    chosen_by_hand: bool = False  # chosen in this import (not applied from memory)
    remembered: RememberedChoice | None = None  # the choice kept from a former import
    note: str = ""  # what the memory said, in French
    set_aside: str = ""  # out of the contract, or a duplicate: left out of the categories
    suggestions: tuple[ActionBrief, ...] = ()  # the holder's actions of the year, to link
    initial: RowKind = RowKind.NEW  # as the import matched it, before any choice
    candidate_ids: tuple[int, ...] = ()  # the actions it found equally likely, if any


@dataclass(slots=True)
class Reconciliation:
    year: int | None
    campaign_id: int | None
    state_funder_id: int | None
    contract_code: str
    layout: Layout  # the columns read, to compare a row with an action linked by hand
    rows: dict[int, RowFacts] = field(default_factory=dict)
    expected: list[ActionBrief] = field(
        default_factory=list
    )  # what the file should name (less its rows as exported)
    scope: str = ""  # which actions the file should name, in French
    out_of_contract: int = 0
    duplicates: int = 0
    described: dict[int, str] = field(default_factory=dict)  # action id → « réf. – titre »

    def category(self, row: PlannedRow) -> Category | None:
        """The row's category; ``None`` for a row in error or set aside."""
        facts = self.rows.get(row.row)
        if facts is not None and facts.set_aside:
            return None
        kind = row.kind
        if kind is RowKind.UNCHANGED:
            return Category.MATCHED
        if kind is RowKind.CHANGED or kind.name == "CONFLICT":
            return Category.DIFFERENT
        if kind in (RowKind.NEW, RowKind.AMBIGUOUS, RowKind.SKIPPED):
            return Category.FILE_ONLY
        return None

    def rows_of(self, plan: ImportPlan, category: Category) -> list[PlannedRow]:
        return [row for row in plan.rows if self.category(row) is category]

    def dossier_only(self, plan: ImportPlan) -> list[ActionBrief]:
        """The actions the file should name and no row speaks of, as things stand."""
        named = {row.target_id for row in plan.rows if row.target_id is not None}
        named.update(c.action_id for row in plan.of_kind(RowKind.AMBIGUOUS) for c in row.candidates)
        return [action for action in self.expected if action.action_id not in named]

    def set_aside_text(self) -> str:
        """The rows left aside, in French (« 3 d'autres contrats de ville, 1 en double »)."""
        aside = []
        if self.out_of_contract:
            aside.append(f"{self.out_of_contract} d'autres contrats de ville")
        if self.duplicates:
            aside.append(f"{self.duplicates} en double")
        return ", ".join(aside)

    def counts(self, plan: ImportPlan) -> dict[str, int]:
        counted = {category.key: 0 for category in Category}
        for row in plan.rows:
            category = self.category(row)
            if category is not None:
                counted[category.key] += 1
        counted[Category.DOSSIER_ONLY.key] = len(self.dossier_only(plan))
        return counted

    def choice_of(self, row: PlannedRow) -> Choice | None:
        """What will be done with a row the dossier lacks, as decided (or ``None``)."""
        if row.decision is Decision.CREATE:
            return Choice.CREATE
        if row.decision is Decision.SKIP:
            return Choice.IGNORE
        if isinstance(row.decision, int):
            return Choice.LINK
        return None

    def summary(self, plan: ImportPlan) -> dict[str, Any]:
        """The four categories for ``--json``: counts, then each row or action."""
        listed: dict[str, Any] = {"counts": self.counts(plan)}
        for category in (Category.MATCHED, Category.DIFFERENT, Category.FILE_ONLY):
            listed[category.key] = [self._row(row) for row in self.rows_of(plan, category)]
        listed[Category.DOSSIER_ONLY.key] = [
            {
                "action_id": action.action_id,
                "reference": action.reference,
                "title": action.title,
                "holder": action.holder,
                "amount_cents": action.amount_cents,
                "why": action.why,
            }
            for action in self.dossier_only(plan)
        ]
        listed["year"] = self.year
        listed["contract_code"] = self.contract_code
        listed["scope"] = self.scope
        listed["out_of_contract"] = self.out_of_contract
        listed["duplicates"] = self.duplicates
        return listed

    def _row(self, row: PlannedRow) -> dict[str, Any]:
        facts = self.rows.get(row.row)
        choice = self.choice_of(row)
        return {
            "row": row.row,
            "label": facts.label if facts else row.label,
            "source": facts.source.value if facts else "",
            "keys": list(facts.keys) if facts else [],
            "action_id": row.target_id,
            "matched_by": row.matched_by,
            "changes": [{"column": c.column, "dossier": c.old, "file": c.new} for c in row.changes],
            "choice": choice.value if choice else None,
            "remembered": bool(facts and facts.remembered and not facts.chosen_by_hand),
            "note": facts.note if facts else "",
            "suggestions": [
                {"action_id": s.action_id, "reference": s.reference, "title": s.title}
                for s in (facts.suggestions if facts else ())
            ],
        }

    def describe_row(self, row: PlannedRow) -> str:
        """One line for the command line's text output."""
        facts = self.rows.get(row.row)
        label = facts.label if facts else row.label
        text = f"ligne {row.row} ({label})"
        if row.changes:
            text += " : " + "; ".join(f"{c.column} : {c.old} → {c.new}" for c in row.changes)
        choice = self.choice_of(row)
        if choice is not None and self.category(row) is Category.FILE_ONLY:
            text += f" — {choice.label}"
        if facts and facts.note:
            text += f" ({facts.note})"
        return text


def amount_text(cents: int | None) -> str:
    return "—" if cents is None else format_cents(cents)
