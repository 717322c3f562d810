"""The funding-cycle columns of the programmation table, read back by its import: the act
of each line (« Acte »), the bilan's received date (« Bilan reçu »), and what was paid and
is left (« Versé », « Reste à verser »). The EJ column is the reconciliation's
(``reconcile_plan``).

An act or a bilan date that differs from the dossier is a change of the row, checked by the
same rules as in the window (an act well formed, a bilan only for a granted action) and
written in the import's transaction. Paid and left to pay are not changed by an import
(money moves by payments): a difference is a warning naming both amounts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from contrat_desktop.domain.act_text import ActText, acts_cell, parse_acts_cell
from contrat_desktop.domain.action_money import ActionMoney
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine, act_problems
from contrat_desktop.domain.money import format_cents
from contrat_desktop.exchange.programmation_layout import LAYOUT_NAME
from contrat_desktop.exchange.sheet_reader import RowIssue, SheetReading
from contrat_desktop.operations.bilans import check_new_bilan, save_bilan
from contrat_desktop.operations.import_plan import CellChange, ImportPlan, PlannedRow, RowKind
from contrat_desktop.storage.action_money import money_of_actions, paid_and_left
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

ACT, BILAN = "act", "bilan"
FUNDING_KEYS = frozenset({ACT, BILAN})  # written here, not by the programmation writer
CHECKED = {"paid_cents": "versé", "left_cents": "reste à verser"}
_RECEIVED = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})")


def read_funding_columns(dossier: Dossier, reading: SheetReading, plan: ImportPlan) -> None:
    """Add the act and bilan changes, and the paid / left warnings, to the plan's rows."""
    keys = set(plan.mapping.values())
    if plan.layout != LAYOUT_NAME or not keys & {ACT, BILAN, *CHECKED}:
        return
    labels = {key: reading.header_label(index) for index, key in plan.mapping.items()}
    rows = [
        row
        for row in plan.rows
        if row.target_id is not None
        and row.kind in (RowKind.CHANGED, RowKind.UNCHANGED)
        and not row.as_exported  # as exported: its acts, bilan and sums bring nothing
    ]
    with_acts = {row.target_id or 0 for row in rows if ACT in keys and row.values.get(ACT)}
    money = money_of_actions(dossier, sorted(with_acts))  # whole lines only where acts are
    sums = (
        paid_and_left(dossier, {row.target_id or 0 for row in rows})
        if keys & CHECKED.keys()
        else {}
    )
    repos = Repositories(dossier)
    names = {f.id: f.display_name for f in repos.funders.all() if f.id is not None}
    ids = {name.casefold(): f for f, name in names.items()}
    ids.update({f.name.casefold(): f.id for f in repos.funders.all() if f.id is not None})
    for row in rows:
        action_id = row.target_id or 0
        issue = _Issues(plan.sheet, row, labels)
        if action_id in with_acts:
            _act(row, money[action_id], names, ids, issue)
        if BILAN in keys:
            _bilan(dossier, row, issue)
        for key, what in CHECKED.items():
            if key in keys:
                _check(row, key, what, sums.get(action_id, (0, 0)), issue)
        if row.errors:
            row.kind = RowKind.ERROR
        elif row.changes:
            row.kind = RowKind.CHANGED


class _Issues:
    def __init__(self, sheet: str, row: PlannedRow, labels: dict[str, str]) -> None:
        self.sheet, self.row, self.labels = sheet, row, labels

    def __call__(self, key: str, message: str) -> RowIssue:
        value = self.row.values.get(key)
        shown = "" if value is None else str(value)
        return RowIssue(self.sheet, self.row.row, self.labels.get(key, key), shown, message)


def _act(
    row: PlannedRow,
    money: ActionMoney,
    names: dict[int, str],
    ids: dict[str, int],
    issue: _Issues,
) -> None:
    text = row.values.get(ACT)
    if not text:
        return  # an empty cell never clears the acts
    if str(text) == acts_cell([m.line for m in money.lines], names):
        return  # written as the export writes the dossier's acts: nothing to read
    try:
        acts = parse_acts_cell(str(text), ids)
    except ValidationError as error:
        row.errors.append(issue(ACT, error.message))
        return
    lines = {m.line.funder_id: m.line for m in money.lines}
    granted = [line for line in lines.values() if line.granted_cents]
    wanted: dict[int, ActText] = {}
    for funder, act in acts.items():
        targets = granted if funder is None else [lines[funder]] if funder in lines else []
        if not targets:
            who = "aucun financeur" if funder is None else names.get(funder, "ce financeur")
            row.errors.append(issue(ACT, f"Acte pour {who} : aucune ligne de financement."))
            return
        for line in targets:
            wanted[line.funder_id] = act
    changed = {f: act for f, act in wanted.items() if not act.matches(lines[f])}
    if not changed:
        return
    for funder, act in changed.items():
        problems = act_problems(_with_act(lines[funder], act))
        if problems:
            row.errors.append(issue(ACT, f"{names.get(funder, '')} : {problems[0].message}"))
            return
    old = acts_cell(list(lines.values()), names) or ""
    row.changes.append(
        CellChange(ACT, issue.labels.get(ACT, ACT), old, str(text), old or None, changed)
    )


def _with_act(line: FundingLine, act: ActText) -> FundingLine:
    return replace(
        line,
        act_kind=act.kind,
        act_number=act.number,
        act_signed_on=act.signed_on,
        cpo_first_year=act.first_year,
        cpo_last_year=act.last_year,
    )


def _received(value: Any) -> date | None:
    """The received date a « Bilan reçu » cell gives: a date, or « Oui, le 12/05/2027 »."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _RECEIVED.search(str(value or ""))
    if match is None:
        return None
    return datetime.strptime(match.group(1), "%d/%m/%Y").date()


def _bilan(dossier: Dossier, row: PlannedRow, issue: _Issues) -> None:
    value = row.values.get(BILAN)
    try:
        received = _received(value)
    except ValueError:
        row.errors.append(issue(BILAN, f"Date de réception impossible : « {value} »."))
        return
    if received is None:
        return  # « Non » or « Oui » without a date: the dossier's bilan stays as it is
    action_id = row.target_id or 0
    current = Repositories(dossier).reports.for_action(action_id)
    if current is not None and current.received_on == received:
        return
    wanted = replace(current or Report(action_id), received_on=received)
    verdict = check_new_bilan(dossier, wanted)
    if verdict.errors:
        row.errors.append(issue(BILAN, verdict.errors[0].message))
        return
    old = f"Oui, le {current.received_on:%d/%m/%Y}" if current and current.received_on else "Non"
    new = f"Oui, le {received:%d/%m/%Y}"
    row.changes.append(CellChange(BILAN, issue.labels.get(BILAN, BILAN), old, new, None, received))


def _check(row: PlannedRow, key: str, what: str, sums: tuple[int, int], issue: _Issues) -> None:
    read = row.values.get(key)
    if read is None:
        return
    stored = sums[0] if key == "paid_cents" else sums[1]
    if read != stored:
        row.warnings.append(
            issue(
                key,
                f"{what.capitalize()} : {format_cents(read)} dans le classeur, "
                f"{format_cents(stored)} dans le dossier. Les versements se saisissent dans "
                "la fiche de l'action : l'import n'y change rien.",
            )
        )


def write_funding_columns(dossier: Dossier, repos: Repositories, plan: ImportPlan) -> None:
    """Write the acts and bilans of the plan's changed rows (in the import's transaction)."""
    for row in plan.of_kind(RowKind.CHANGED):
        if row.target_id is None:
            continue
        for change in row.changes:
            if change.key == ACT:
                lines = {
                    line.funder_id: line for line in repos.funding_lines.for_action(row.target_id)
                }
                for funder, act in change.new_value.items():
                    repos.funding_lines.update(_with_act(lines[funder], act))
            elif change.key == BILAN:
                current = repos.reports.for_action(row.target_id)
                wanted = replace(current or Report(row.target_id), received_on=change.new_value)
                save_bilan(dossier, current, wanted)
