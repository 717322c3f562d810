"""Export a campaign's programmation table for the préfecture (``export programmation``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from contrat_desktop.domain.act_text import acts_cell
from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.framework import FrameworkTree
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import left_to_pay_cents
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.exchange.export_mark import ExportMark, RowVersions
from contrat_desktop.exchange.programmation_layout import funder_key, programmation_layout
from contrat_desktop.exchange.programmation_workbook import (
    ProgrammationTable,
    SynthesisTable,
    write_programmation,
)
from contrat_desktop.operations.campaigns import campaign_of_year
from contrat_desktop.operations.territory import territory_cells
from contrat_desktop.storage.audit import now_iso
from contrat_desktop.storage.audit_since import journal_mark
from contrat_desktop.storage.campaign_facts import payments_by_line, reports_received
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.exported_actions import ExportedAction, exported_actions
from contrat_desktop.storage.exported_lines import ExportedLine, exported_lines
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    actions: int
    funders: int
    requested_cents: int
    granted_cents: int


_LINE_PARTS = ("requested", "proposed", "granted")


def identifier_of(action: Action | ExportedAction) -> str:
    """The hidden, stable identifier written in the workbook: ``id:reference``."""
    return f"{action.id}:{action.reference}"


def export_programmation(dossier: Dossier, year: int, path: str | Path) -> ExportSummary:
    repos = Repositories(dossier)
    campaign = campaign_of_year(dossier, year)
    assert campaign.id is not None
    mark = now_iso(), journal_mark(dossier.db)  # before reading: a later change is after it
    actions = exported_actions(dossier, campaign.id)
    lines = exported_lines(dossier, campaign.id)
    used = {line.funder_id for line in lines}
    funders = [f for f in repos.funders.all() if f.id in used or (f.active and not used)]
    tree = repos.framework.tree()
    layout = programmation_layout(funders, tree)
    rows = _rows(dossier, repos, campaign.id, actions, lines, year)
    contract = repos.contracts.main()
    table = ProgrammationTable(
        layout=layout,
        title=f"Programmation {year}" + (f" – {contract.name}" if contract else ""),
        subtitle=(
            f"Exporté le {date.today():%d/%m/%Y} par {dossier.user} – {len(rows)} actions. "
            "Colonnes en jaune : à compléter (avis, statut)."
        ),
        rows=rows,
        synthesis=_synthesis(rows, actions, lines, funders, tree),
        author=dossier.user,
        organisation=contract.name if contract else "",
        mark=ExportMark(*mark, year, _versions(actions, lines)),
    )
    write_programmation(table, path)
    return ExportSummary(
        Path(path),
        len(rows),
        len(funders),
        sum(line.requested_cents for line in lines),
        sum(line.granted_cents or 0 for line in lines),
    )


def _versions(actions: list[ExportedAction], lines: list[ExportedLine]) -> dict[str, RowVersions]:
    """The version of each exported action and of its funding lines (by funder)."""
    by_action: dict[int, dict[int, int]] = defaultdict(dict)
    for line in lines:
        by_action[line.action_id][line.funder_id] = line.version
    return {identifier_of(a): RowVersions(a.version, by_action.get(a.id, {})) for a in actions}


def _rows(
    dossier: Dossier,
    repos: Repositories,
    campaign_id: int,
    actions: list[ExportedAction],
    lines: list[ExportedLine],
    year: int,
) -> list[dict[str, Any]]:
    holders = {h.id: h for h in repos.holders.all()}
    funders = {f.id: f for f in repos.funders.all()}
    districts = {d.id: d for d in repos.districts.all() if d.id is not None}
    communes = {c.insee_code: c.name for c in repos.communes.all()}
    payments = payments_by_line(dossier, campaign_id)
    bilans = reports_received(dossier, campaign_id)
    by_action: dict[int, list[ExportedLine]] = defaultdict(list)
    for line in lines:
        by_action[line.action_id].append(line)
    names = {f.id: f.display_name for f in funders.values() if f.id is not None}
    keys = {  # a line's three cells, keyed once per funder (not per line)
        funder_id: tuple(funder_key(funder_id, part) for part in _LINE_PARTS)
        for funder_id in funders
        if funder_id is not None
    }
    state = {f.id for f in funders.values() if f.kind is FunderKind.STATE}
    territories: dict[tuple[int, ...], dict[str, str | None]] = {}  # actions share districts
    rows = []
    for action in actions:
        holder = holders[action.holder_id]
        territory = territories.get(action.district_ids)
        if territory is None:
            territory = territories[action.district_ids] = territory_cells(
                action.district_ids, districts, communes
            )
        row: dict[str, Any] = {
            "identifier": identifier_of(action),
            "reference": action.reference,
            "dauphin_number": action.dauphin_number or None,
            "holder_name": holder.display_name,
            "siret": holder.siret or None,
            "holder_kind": holder.kind.value,
            "title": action.title,
            "renewal": "Reconduite" if action.is_renewal else "Nouvelle",
            "framework": action.framework_node_id,  # written as its full path
            **territory,
            "target_public": action.target_public or None,
            "beneficiaries_total": action.beneficiaries_total,
            "start_date": action.start_date,
            "end_date": action.end_date,
            "total_cost_cents": action.total_cost_cents,
            "year": year,
            "status": action.status,
            "opinion": action.opinion or None,
            "observations": action.observations or None,
        }
        granted, paid, left, ejs = 0, 0, 0, []
        action_lines = by_action.get(action.id, [])
        for line in action_lines:
            requested_key, proposed_key, granted_key = keys[line.funder_id]
            row[requested_key] = line.requested_cents
            row[proposed_key] = line.proposed_cents
            row[granted_key] = line.granted_cents
            granted += line.granted_cents or 0
            facts = payments.get(line.id or 0)
            line_paid = facts.paid_cents if facts else 0
            paid += line_paid
            left += left_to_pay_cents(line, line_paid)
            if line.ej_number and line.funder_id in state:
                ejs.append(line.ej_number)
        row["total_pv_cents"] = granted
        row["paid_cents"] = paid
        row["left_cents"] = left
        row["act"] = acts_cell(action_lines, names)
        row["ej"] = ", ".join(dict.fromkeys(ejs)) or None
        received = bilans.get(action.id, False)
        row["bilan"] = (
            "Non" if received is False else f"Oui, le {received:%d/%m/%Y}" if received else "Oui"
        )
        rows.append(row)
    return rows


def _synthesis(
    rows: list[dict[str, Any]],
    actions: list[ExportedAction],
    lines: list[ExportedLine],
    funders: list[Funder],
    tree: FrameworkTree,
) -> tuple[SynthesisTable, ...]:
    kinds = {kind.value: kind.label for kind in HolderKind}
    amounts = _amounts(actions, lines, funders)
    headers = (*(f.display_name for f in funders), "Total accordé", "Total demandé")
    return (
        _cross(
            "Montants accordés par pilier / thématique et par financeur",
            "Pilier / thématique",
            headers,
            amounts,
            [  # by pillar (or 2024 theme): the top of each action's path
                tree.top(node).label if (node := row.get("framework")) else "(non classée)"
                for row in rows
            ],
        ),
        _cross(
            "Montants accordés par type de porteur et par financeur",
            "Type de porteur",
            headers,
            amounts,
            [kinds.get(row["holder_kind"], row["holder_kind"]) for row in rows],
        ),
        _cross(
            "Montants accordés par commune et par financeur",
            "Commune(s) des quartiers visés",
            headers,
            amounts,
            [row.get("communes") or "(aucun quartier)" for row in rows],
        ),
    )


def _amounts(
    actions: list[ExportedAction], lines: list[ExportedLine], funders: list[Funder]
) -> list[tuple[int, ...]]:
    """Each action's granted amount by funder, then its total granted and total requested,
    summed once from its lines (then grouped three ways)."""
    place = {funder.id: index for index, funder in enumerate(funders)}
    width = len(funders)
    by_action: dict[int, list[int]] = {}
    for line in lines:
        found = by_action.get(line.action_id)
        if found is None:
            found = by_action[line.action_id] = [0] * (width + 2)
        granted = line.granted_cents or 0
        found[place[line.funder_id]] += granted
        found[width] += granted
        found[width + 1] += line.requested_cents or 0
    none = (0,) * (width + 2)
    return [tuple(by_action[a.id]) if a.id in by_action else none for a in actions]


def _cross(
    title: str,
    row_header: str,
    headers: tuple[str, ...],
    amounts: list[tuple[int, ...]],
    labels: list[str],
) -> SynthesisTable:
    groups: dict[str, list[tuple[int, ...]]] = defaultdict(list)
    for name, row in zip(labels, amounts, strict=True):
        groups[name].append(row)
    ordered = sorted(groups)
    sums = [tuple(map(sum, zip(*groups[name], strict=True))) for name in ordered]
    total = tuple(map(sum, zip(*sums, strict=True))) if sums else (0,) * len(headers)
    return SynthesisTable(
        title=title,
        row_header=row_header,
        column_headers=headers,
        rows=(*zip(ordered, sums, strict=True), ("Total", total)),
        counts=(*(len(groups[name]) for name in ordered), len(amounts)),
    )
