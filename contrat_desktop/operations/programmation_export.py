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
from contrat_desktop.domain.funding import FundingLine, left_to_pay_cents
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
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    actions: int
    funders: int
    requested_cents: int
    granted_cents: int


def identifier_of(action: Action) -> str:
    """The hidden, stable identifier written in the workbook: ``id:reference``."""
    return f"{action.id}:{action.reference}"


def export_programmation(dossier: Dossier, year: int, path: str | Path) -> ExportSummary:
    repos = Repositories(dossier)
    campaign = campaign_of_year(dossier, year)
    assert campaign.id is not None
    mark = now_iso(), journal_mark(dossier.db)  # before reading: a later change is after it
    actions = repos.actions.for_campaign(campaign.id)
    lines = repos.funding_lines.for_campaign(campaign.id)
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
        synthesis=_synthesis(rows, funders, tree),
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


def _versions(actions: list[Action], lines: list[FundingLine]) -> dict[str, RowVersions]:
    """The version of each exported action and of its funding lines (by funder)."""
    by_action: dict[int, dict[int, int]] = defaultdict(dict)
    for line in lines:
        by_action[line.action_id][line.funder_id] = line.version
    return {identifier_of(a): RowVersions(a.version, by_action.get(a.id or 0, {})) for a in actions}


def _rows(
    dossier: Dossier,
    repos: Repositories,
    campaign_id: int,
    actions: list[Action],
    lines: list[FundingLine],
    year: int,
) -> list[dict[str, Any]]:
    holders = {h.id: h for h in repos.holders.all()}
    funders = {f.id: f for f in repos.funders.all()}
    districts = {d.id: d for d in repos.districts.all()}
    communes = {c.insee_code: c.name for c in repos.communes.all()}
    payments = payments_by_line(dossier, campaign_id)
    bilans = reports_received(dossier, campaign_id)
    by_action: dict[int, list[FundingLine]] = defaultdict(list)
    for line in lines:
        by_action[line.action_id].append(line)
    names = {f.id: f.display_name for f in funders.values() if f.id is not None}
    rows = []
    for action in actions:
        assert action.id is not None
        holder = holders[action.holder_id]
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
            **territory_cells(action.district_ids, districts, communes),
            "target_public": action.target_public or None,
            "beneficiaries_total": action.beneficiaries.total,
            "start_date": action.start_date,
            "end_date": action.end_date,
            "total_cost_cents": action.total_cost_cents,
            "year": year,
            "status": action.status.value,
            "opinion": action.opinion.value if action.opinion else None,
            "observations": action.observations or None,
        }
        granted, paid, left, ejs = 0, 0, 0, []
        action_lines = by_action.get(action.id, [])
        for line in action_lines:
            row[funder_key(line.funder_id, "requested")] = line.requested_cents
            row[funder_key(line.funder_id, "proposed")] = line.proposed_cents
            row[funder_key(line.funder_id, "granted")] = line.granted_cents
            granted += line.granted_cents or 0
            facts = payments.get(line.id or 0)
            line_paid = facts.paid_cents if facts else 0
            paid += line_paid
            left += left_to_pay_cents(line, line_paid)
            if line.ej_number and funders[line.funder_id].kind is FunderKind.STATE:
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
    rows: list[dict[str, Any]], funders: list[Funder], tree: FrameworkTree
) -> tuple[SynthesisTable, ...]:
    kinds = {kind.value: kind.label for kind in HolderKind}
    granted = [funder_key(f.id or 0, "granted") for f in funders]
    requested = [funder_key(f.id or 0, "requested") for f in funders]
    # each row's amounts summed once (granted by funder, total granted, total requested),
    # then grouped three ways
    amounts = [
        (
            *(row.get(key) or 0 for key in granted),
            row["total_pv_cents"],
            sum(row.get(key) or 0 for key in requested),
        )
        for row in rows
    ]
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


def _cross(
    title: str,
    row_header: str,
    headers: tuple[str, ...],
    amounts: list[tuple[int, ...]],
    labels: list[str],
) -> SynthesisTable:
    sums: dict[str, list[int]] = {}
    counts: dict[str, int] = defaultdict(int)
    for name, row in zip(labels, amounts, strict=True):
        found = sums.setdefault(name, [0] * len(headers))
        for index, amount in enumerate(row):
            found[index] += amount
        counts[name] += 1
    ordered = sorted(sums)
    total = [sum(sums[name][i] for name in ordered) for i in range(len(headers))]
    return SynthesisTable(
        title=title,
        row_header=row_header,
        column_headers=headers,
        rows=(*((name, tuple(sums[name])) for name in ordered), ("Total", tuple(total))),
        counts=(*(counts[name] for name in ordered), len(amounts)),
    )
