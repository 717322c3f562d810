"""What applying an import writes for its reconciliation, inside the import's transaction:
the EJ read onto the act of the State's funding line, the choices made for rows the dossier
lacked (remembered for next year's list)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from contrat_desktop.domain.funding import FundingLine, normalise_ej
from contrat_desktop.domain.reconciliation import Choice, RememberedChoice
from contrat_desktop.exchange.state_columns import EJ_KEY
from contrat_desktop.operations.import_plan import Decision, ImportPlan, PlannedRow, RowKind
from contrat_desktop.operations.reconciliation import RowFacts
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reconciliation import RememberedChoices, actions_titled
from contrat_desktop.storage.repositories import Repositories


def choices_to_keep(plan: ImportPlan) -> int:
    """How many rows carry a choice that applying would remember."""
    found = plan.reconciliation
    if found is None:
        return 0
    return sum(1 for row in plan.rows if _remembered(found.rows.get(row.row), row))


def _remembered(facts: RowFacts | None, row: PlannedRow) -> bool:
    """Whether the choice made for ``row`` is one to remember: a row the dossier lacked
    (an undecided row, or one the import could not tell between actions, is not)."""
    return bool(
        facts is not None
        and facts.keys
        and not facts.set_aside
        and facts.initial is RowKind.NEW
        and row.decision is not None
    )


def write_reconciliation(
    dossier: Dossier, repos: Repositories, plan: ImportPlan, create: bool
) -> int:
    """Write what the reconciliation adds to an applied import (in its transaction); the
    number of remembered choices written."""
    found = plan.reconciliation
    if found is None:
        return 0
    created = _created(dossier, repos, plan, create)
    state = found.state_funder_id
    if state is not None:
        for row in plan.rows:
            action_id = row.target_id if row.kind is RowKind.CHANGED else created.get(row.row)
            ej = _ej(row)
            if action_id is not None and ej:
                _write_ej(repos, action_id, state, ej)
    return _remember(dossier, plan, created)


def _created(
    dossier: Dossier, repos: Repositories, plan: ImportPlan, create: bool
) -> dict[int, int]:
    """Sheet row → the action created for it, found by campaign and title."""
    by_year: dict[int, list[PlannedRow]] = defaultdict(list)
    for row in plan.of_kind(RowKind.NEW):
        wanted = create or row.decision is Decision.CREATE
        if wanted and not row.not_creatable and row.year and row.values.get("title"):
            by_year[row.year].append(row)
    made: dict[int, int] = {}
    for year, rows in by_year.items():
        campaign = repos.campaigns.by_year(year)
        if campaign is None or campaign.id is None:
            continue
        titled = actions_titled(dossier, campaign.id, (str(r.values["title"]) for r in rows))
        for row in rows:
            action_id = titled.get(str(row.values["title"]))
            if action_id is not None:
                made[row.row] = action_id
    return made


def _ej(row: PlannedRow) -> str:
    change = next((c for c in row.changes if c.key == EJ_KEY), None)
    if change is not None:
        return str(change.new_value)
    if row.kind is RowKind.NEW and row.values.get(EJ_KEY):
        return normalise_ej(str(row.values[EJ_KEY]))  # checked when read
    return ""


def _write_ej(repos: Repositories, action_id: int, funder_id: int, ej: str) -> None:
    line = next(
        (f for f in repos.funding_lines.for_action(action_id) if f.funder_id == funder_id), None
    )
    if line is None:
        repos.funding_lines.add(FundingLine(action_id, funder_id, ej_number=ej))
    elif line.ej_number != ej:
        repos.funding_lines.update(replace(line, ej_number=ej))


def _remember(dossier: Dossier, plan: ImportPlan, created: dict[int, int]) -> int:
    found = plan.reconciliation
    assert found is not None
    kept = RememberedChoices(dossier)
    written = 0
    for row in plan.rows:
        facts = found.rows.get(row.row)
        if facts is None or not _remembered(facts, row):
            continue
        if row.decision is Decision.SKIP:
            choice, action_id = Choice.IGNORE, None
        elif row.decision is Decision.CREATE:
            choice, action_id = Choice.CREATE, created.get(row.row)
            if action_id is None:
                continue  # not created (incomplete row): nothing to remember
        else:
            choice = facts.choice if facts.choice is Choice.CREATE else Choice.LINK
            action_id = row.target_id
        for key in facts.keys:
            kept.remember(
                RememberedChoice(
                    facts.source, key, choice, action_id, facts.label, row.year or found.year,
                    decided_by=dossier.user,
                )
            )  # fmt: skip
        written += 1
    return written
