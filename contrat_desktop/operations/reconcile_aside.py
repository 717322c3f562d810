"""Rows a reconciliation sets aside before matching choices: the rows of other contracts in
a national list (by the contract's code, else by its departments) and duplicates (the same
post or file in one year: dropped when identical, an error naming the values otherwise).
"""

from __future__ import annotations

from typing import Any

from contrat_desktop.domain.money import format_cents
from contrat_desktop.exchange.layout import CellKind
from contrat_desktop.exchange.sheet_reader import RowIssue
from contrat_desktop.exchange.state_columns import CONTRACT_CODE, DEPARTMENT
from contrat_desktop.operations.import_plan import ImportPlan, PlannedRow, RowKind
from contrat_desktop.operations.reconciliation import Reconciliation


def department_of(insee: str) -> str:
    code = insee.strip().upper()
    return code[:3] if code.startswith("97") else code[:2]


def set_aside_other_contracts(
    plan: ImportPlan, found: Reconciliation, departments: set[str]
) -> None:
    """A national list names every contract: keep the rows of the dossier's contract (by its
    code; by its departments when no row bears the code)."""
    rows = [row for row in plan.rows if not row.as_exported]  # as exported: no such cells read
    codes = {str(row.values.get(CONTRACT_CODE) or "").strip().upper() for row in rows}
    by_code = bool(found.contract_code) and found.contract_code in codes
    has_departments = any(row.values.get(DEPARTMENT) for row in rows)
    if not by_code and not (departments and has_departments):
        if len(codes - {""}) > 1:
            plan.warnings.append(
                plan_issue(
                    plan,
                    "Le fichier couvre plusieurs contrats de ville : indiquez le code du contrat "
                    "du dossier dans les paramètres pour n'en rapprocher que les lignes du vôtre.",
                )
            )
        return
    outside = 0
    for row in rows:
        code = str(row.values.get(CONTRACT_CODE) or "").strip().upper()
        department = str(row.values.get(DEPARTMENT) or "").strip().upper()
        if by_code and code:
            ours = code == found.contract_code
        elif department and departments:
            ours = department.zfill(2) in departments
        else:
            ours = True
        if not ours:
            outside += 1
            _set_aside(row, found, f"autre contrat de ville ({code or department})")
    found.out_of_contract = outside
    if outside:
        basis = (
            f"du contrat {found.contract_code}"
            if by_code
            else f"des départements du contrat ({', '.join(sorted(departments))})"
        )
        plan.warnings.append(
            plan_issue(
                plan,
                f"{outside} ligne(s) concernent d'autres contrats de ville : laissées de côté "
                f"(seules les lignes {basis} sont rapprochées).",
            )
        )


def set_aside_duplicates(plan: ImportPlan, found: Reconciliation) -> None:
    first: dict[tuple[str, Any], PlannedRow] = {}
    for row in plan.rows:
        facts = found.rows[row.row]
        if facts.set_aside or not facts.keys or row.kind is RowKind.ERROR:
            continue
        earlier = first.setdefault((facts.keys[0], row.year), row)  # a post, each year
        if earlier is row:
            continue
        if dict(earlier.values.items()) == dict(row.values.items()):
            found.duplicates += 1
            _set_aside(row, found, f"doublon de la ligne {earlier.row}")
            row.warnings.append(
                RowIssue(plan.sheet, row.row, "", row.label, f"Doublon de la ligne {earlier.row} : "
                         "ligne laissée de côté.")
            )  # fmt: skip
        else:
            row.kind, row.candidates, row.target_id = RowKind.ERROR, [], None
            headers = {key: plan.headers[index] for index, key in plan.mapping.items()}
            differ = ", ".join(
                f"{headers[key]} : {_shown(found, key, earlier.values.get(key))} puis "
                f"{_shown(found, key, value)}"
                for key, value in row.values.items()
                if key in headers and value != earlier.values.get(key)
            )
            row.errors.append(
                RowIssue(
                    plan.sheet, row.row, "", row.label,
                    f"Même {_what(facts.keys[0])} et même année que la ligne {earlier.row}, avec "
                    f"d'autres valeurs ({differ}) : une ligne ne se rapproche qu'une fois ; "
                    "corrigez le fichier, ou ignorez les lignes en erreur.",
                )
            )  # fmt: skip


def _what(key: str) -> str:
    kind, _, value = key.partition(":")
    return {"poste": f"poste ({value})", "dossier": f"dossier ({value})"}.get(kind, "action")


def _shown(found: Reconciliation, key: str, value: Any) -> str:
    if value is None:
        return "(vide)"
    money = found.layout.column(key).kind is CellKind.MONEY
    return format_cents(value) if money else str(value)


def _set_aside(row: PlannedRow, found: Reconciliation, why: str) -> None:
    row.kind, row.matched_by, row.candidates = RowKind.SKIPPED, why, []
    row.target_id, row.expected_version, row.changes = None, None, []
    found.rows[row.row].set_aside = why


def plan_issue(plan: ImportPlan, message: str) -> RowIssue:
    return RowIssue(plan.sheet, plan.header_row, "", "", message)
