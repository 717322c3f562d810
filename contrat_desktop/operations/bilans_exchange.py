"""The bilan workbook both ways: written for a campaign (one row per granted action,
pre-filled), and read back through the import machinery (preview cell by cell, all or
nothing, backup and journal) by ``BilansTarget``: each row names an action, its filled
cells become the action's bilan, checked as if typed in the window, with the status moves
a bilan brings. A row for an unknown action, or for an action never granted, is an error
naming its row and column; a row with nothing filled is left as it is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from contrat_desktop.domain.actions import AGE_BANDS
from contrat_desktop.domain.bilans import ObjectivesMet, RealisedFunding, Report
from contrat_desktop.exchange.bilan_layout import (
    BENEFICIARIES,
    LAYOUT_NAME,
    REPORT,
    bilan_layout,
    parse_received_key,
    received_key,
)
from contrat_desktop.exchange.bilan_workbook import write_bilan_workbook
from contrat_desktop.exchange.cells import display
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.sheet_reader import RowIssue, SheetReading
from contrat_desktop.operations.action_matching import ActionMatcher
from contrat_desktop.operations.bilans import check_new_bilan, save_bilan
from contrat_desktop.operations.campaigns import campaign_of_year
from contrat_desktop.operations.import_plan import (
    CellChange,
    ImportPlan,
    PlannedRow,
    RowKind,
    naming_the_row,
)
from contrat_desktop.operations.known_actions import KnownActions
from contrat_desktop.operations.programmation_export import identifier_of
from contrat_desktop.storage.action_money import money_of_campaign
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories

FILLED = tuple(c.key for c in (*REPORT, *BENEFICIARIES))
_BENEFICIARY_KEYS = ("total", "women", "men", *(name for name, _ in AGE_BANDS), "qpv_share_percent")
# where a rule broken by the bilan is shown in the workbook
_FIELD_COLUMNS = {
    "qpv_share_percent": "beneficiaries_qpv_share_percent",
    "action": "reference",
}


@dataclass(frozen=True, slots=True)
class BilanExport:
    path: Path
    actions: int
    filled: int  # rows that already had a bilan


def report_values(report: Report | None) -> dict[str, Any]:
    """The workbook's filled columns for ``report`` (all None when there is none)."""
    if report is None:
        return {}
    values: dict[str, Any] = {
        key: getattr(report, key)
        for key in FILLED
        if not key.startswith("beneficiaries_") and key != "objectives_met"
    }
    values["objectives_met"] = report.objectives_met.value if report.objectives_met else None
    for name in _BENEFICIARY_KEYS:
        values[f"beneficiaries_{name}"] = getattr(report.beneficiaries, name)
    for part in report.funding:
        values[received_key(part.funder_id)] = part.amount_cents
    return values


def report_from_values(base: Report, values: dict[str, Any]) -> Report:
    """``base`` with every filled value of a row laid over it (blank cells keep it)."""
    given = {k: v for k, v in values.items() if v is not None}
    plain = {
        key: given[key]
        for key in FILLED
        if key in given and not key.startswith("beneficiaries_") and key != "objectives_met"
    }
    if "objectives_met" in given:
        plain["objectives_met"] = ObjectivesMet(given["objectives_met"])
    people = {
        name: given[f"beneficiaries_{name}"]
        for name in _BENEFICIARY_KEYS
        if f"beneficiaries_{name}" in given
    }
    funding = {part.funder_id: part.amount_cents for part in base.funding}
    for key, cents in given.items():
        funder_id = parse_received_key(key)
        if funder_id is not None:
            funding[funder_id] = cents
    return replace(
        base,
        **plain,
        beneficiaries=replace(base.beneficiaries, **people),
        funding=tuple(RealisedFunding(f, c) for f, c in sorted(funding.items())),
    )


def export_bilans(dossier: Dossier, year: int, path: str | Path) -> BilanExport:
    """The bilan workbook of ``year``: every action something was granted to."""
    repos = Repositories(dossier)
    campaign = campaign_of_year(dossier, year)
    assert campaign.id is not None
    money = money_of_campaign(dossier, campaign.id)
    actions = [a for a in repos.actions.for_campaign(campaign.id) if money[a.id or 0].granted_cents]
    used = {m.line.funder_id for a in actions for m in money[a.id or 0].lines if m.granted_cents}
    funders = [f for f in repos.funders.all() if f.id in used]
    holders = {h.id: h.display_name for h in repos.holders.all()}
    rows, filled = [], 0
    for action in actions:
        report = repos.reports.for_action(action.id or 0)
        filled += report is not None
        rows.append(
            {
                "identifier": identifier_of(action),
                "reference": action.reference,
                "dauphin_number": action.dauphin_number or None,
                "holder_name": holders.get(action.holder_id, ""),
                "title": action.title,
                "granted_cents": money[action.id or 0].granted_cents,
                **report_values(report),
            }
        )
    contract = repos.contracts.main()
    write_bilan_workbook(
        bilan_layout(funders),
        f"Bilans {year}" + (f" – {contract.name}" if contract else ""),
        f"Exporté le {date.today():%d/%m/%Y} par {dossier.user} – {len(rows)} actions. "
        "Remplissez les colonnes en jaune (compte rendu financier, Cerfa 15059).",
        rows,
        path,
        dossier.user,
    )
    return BilanExport(Path(path), len(rows), filled)


class BilansTarget:
    name = LAYOUT_NAME
    creates_by_default = False  # a bilan never creates an action

    def layout(self, repos: Repositories) -> Layout:
        return bilan_layout([f for f in repos.funders.all() if f.id is not None])

    def plan(
        self,
        dossier: Dossier,
        repos: Repositories,
        reading: SheetReading,
        plan: ImportPlan,
        known: KnownActions,
    ) -> None:
        matcher = ActionMatcher(known.every())
        issues = _Issues(reading)
        taken: dict[int, int] = {}
        for parsed in reading.rows:
            values = parsed.values
            label = str(values.get("reference") or values.get("title") or "")
            planned = PlannedRow(
                parsed.row, RowKind.UNCHANGED, label, values,
                errors=list(parsed.errors), warnings=list(parsed.warnings),
            )  # fmt: skip
            plan.rows.append(planned)
            match = matcher.match(values)
            filled = [k for k in values if _is_filled(k) and values[k] is not None]
            if match.action_id is None:
                what = values.get("reference") or values.get("dauphin_number") or label
                planned.errors.append(
                    issues.at(
                        planned,
                        "reference",
                        f"Action inconnue dans ce dossier : « {what} »."
                        if what
                        else "Ligne sans référence ni n° Dauphin : impossible de la rattacher.",
                    )
                )
            elif match.action_id in taken:
                message = f"Même action que la ligne {taken[match.action_id]}."
                planned.errors.append(issues.at(planned, "reference", message))
            elif filled:
                taken[match.action_id] = parsed.row
                self._compare(dossier, repos, planned, match.action_id, filled, issues)
            planned.kind = RowKind.ERROR if planned.errors else planned.kind

    @staticmethod
    def _compare(
        dossier: Dossier,
        repos: Repositories,
        planned: PlannedRow,
        action_id: int,
        filled: list[str],
        issues: _Issues,
    ) -> None:
        action = repos.actions.get(action_id)
        planned.target_id, planned.label = action_id, action.reference
        current = repos.reports.for_action(action_id)
        planned.expected_version = current.version if current else 0
        wanted = report_from_values(current or Report(action_id), planned.values)
        verdict = check_new_bilan(dossier, wanted)
        for error in verdict.errors:
            key = _FIELD_COLUMNS.get(error.field or "", error.field or "")
            key = key if key in planned.values else filled[0]
            planned.errors.append(issues.at(planned, key, error.message))
        before = report_values(current)
        for key in filled:
            old, new = before.get(key), planned.values[key]
            if old != new:
                planned.changes.append(issues.change(key, old, new))
        if planned.changes:
            planned.kind = RowKind.CHANGED
            planned.warnings.extend(issues.at(planned, filled[0], w) for w in verdict.warnings)

    def apply(
        self,
        dossier: Dossier,
        repos: Repositories,
        plan: ImportPlan,
        rows: list[PlannedRow],
        create: bool,
    ) -> tuple[int, int]:
        updated = 0
        for planned in rows:
            if planned.kind is not RowKind.CHANGED or planned.target_id is None:
                continue
            with naming_the_row(plan, planned):
                current = repos.reports.for_action(planned.target_id)
                if (current.version if current else 0) != planned.expected_version:
                    raise DossierError(
                        "son bilan a été modifié depuis l'aperçu : relancez l'import."
                    )
                wanted = report_from_values(current or Report(planned.target_id), planned.values)
                save_bilan(dossier, current, wanted)
                updated += 1
        return 0, updated


class _Issues:
    """Row issues and cell changes said with the sheet's own headers."""

    def __init__(self, reading: SheetReading) -> None:
        self.sheet = reading.sheet
        self.layout = reading.layout
        self.labels = {key: reading.header_label(index) for index, key in reading.mapping.items()}

    def at(self, planned: PlannedRow, key: str, message: str) -> RowIssue:
        shown = planned.values.get(key)
        value = display(self.layout.column(key), shown) if shown is not None else ""
        return RowIssue(self.sheet, planned.row, self.labels.get(key, ""), value, message)

    def change(self, key: str, old: Any, new: Any) -> CellChange:
        column = self.layout.column(key)
        label = self.labels.get(key, column.header)
        return CellChange(key, label, display(column, old), display(column, new), old, new)


def _is_filled(key: str) -> bool:
    return key in FILLED or parse_received_key(key) is not None
