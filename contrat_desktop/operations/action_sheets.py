"""Action sheets (fiches action) as PDF bytes: one action, a list chosen in the window (a
committee's agenda, a funder's share), the actions named by reference, or a whole campaign.

The facts of hundreds of actions are read in a few batched queries; the PDF is built by
``reports.action_sheet``; ``write_action_sheets`` writes it through a temporary file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

from contrat_desktop.domain.action_sheet import ActionSheet, SheetFunding, SheetYear
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.request_file import missing_pieces
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.storage.action_batches import actions_by_ids
from contrat_desktop.storage.action_facts import (
    bilans_received,
    earlier_years,
    funding_with_paid,
    pieces_received,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

MAX_SHEETS = 5_000  # one PDF; beyond, choose a smaller list


def ids_of_references(dossier: Dossier, references: Sequence[str]) -> list[int]:
    """The actions named by reference, in the order given; unknown ones refused together."""
    found = {
        reference.upper(): action_id
        for action_id, reference in dossier.db.execute("SELECT id, reference FROM action")
    }
    unknown = [r for r in references if r.strip().upper() not in found]
    if unknown:
        raise ValidationError(
            "Aucune action de référence " + ", ".join(f"« {r} »" for r in unknown) + " dans "
            "ce dossier : aucune fiche n'a été écrite."
        )
    return list(dict.fromkeys(found[r.strip().upper()] for r in references))


def ids_of_year(dossier: Dossier, year: int) -> list[int]:
    """Every action of the campaign of ``year``, in reference order."""
    repos = Repositories(dossier)
    campaign = repos.campaigns.by_year(year)
    if campaign is None:
        known = ", ".join(str(y) for y in repos.campaigns.years()) or "aucune"
        raise ValidationError(
            f"La campagne {year} n'existe pas dans ce dossier (campagnes : {known})."
        )
    return [
        row[0]
        for row in dossier.db.execute(
            "SELECT id FROM action WHERE campaign_id = ? ORDER BY reference", [campaign.id]
        )
    ]


def load_action_sheets(dossier: Dossier, action_ids: Sequence[int]) -> list[ActionSheet]:
    """The sheets of ``action_ids``, in that order (an unknown id is refused)."""
    repos = Repositories(dossier)
    actions = actions_by_ids(dossier, action_ids)
    missing_ids = [i for i in action_ids if i not in actions]
    if missing_ids:
        raise ValidationError(f"{len(missing_ids)} action(s) n'existent plus dans ce dossier.")
    holders = {h.id: h for h in repos.holders.all()}
    funders = {f.id: f.display_name for f in repos.funders.all()}
    years = {c.id: c.year for c in repos.campaigns.all()}
    tree = repos.framework.tree()
    communes = {c.insee_code: c.name for c in repos.communes.all()}
    districts = {
        d.id: f"{d.name} ({d.code})"
        + (f", {', '.join(communes.get(c, c) for c in d.commune_codes)}" if d.commune_codes else "")
        for d in repos.districts.all()
    }
    kinds = repos.piece_kinds.all()
    ids = list(action_ids)
    funding = funding_with_paid(dossier, ids)
    pieces = pieces_received(dossier, ids)
    chains = earlier_years(dossier, ids)
    earlier_ids = [brief.id for chain in chains.values() for brief in chain]
    earlier_funding = funding_with_paid(dossier, earlier_ids)
    bilans = bilans_received(dossier, earlier_ids)
    references = {brief.id: brief.reference for chain in chains.values() for brief in chain}
    by_kind = {kind.id: kind for kind in kinds}
    sheets = []
    for action_id in ids:
        action = actions[action_id]
        holder = holders[action.holder_id]
        received = pieces.get(action_id, {})
        lacking = missing_pieces(kinds, received, holder.kind, action.is_renewal)
        sheets.append(
            ActionSheet(
                action=action,
                year=years.get(action.campaign_id, 0),
                status=action.status.label,
                holder=holder,
                framework=tree.path_label(action.framework_node_id)
                if action.framework_node_id
                else "",
                axes=tuple(tree.node(a).label for a in action.axis_ids),
                districts=tuple(districts.get(d, "?") for d in action.district_ids),
                renewal_of=references.get(action.renewal_of_id or 0, ""),
                funding=tuple(
                    SheetFunding(
                        funders.get(line.funder_id, "?"),
                        line.requested_cents,
                        line.proposed_cents,
                        line.granted_cents,
                        paid,
                        line.act_label(),
                    )
                    for line, paid in funding.get(action_id, [])
                ),
                pieces_received=tuple(
                    (by_kind[kind_id].label, day)
                    for kind_id, day in sorted(
                        received.items(), key=lambda item: by_kind[item[0]].position
                    )
                    if kind_id in by_kind
                ),
                pieces_missing=tuple(kind.label for kind in lacking),
                history=tuple(
                    _year(
                        brief.id,
                        brief.year,
                        brief.reference,
                        brief.status,
                        earlier_funding.get(brief.id, []),
                        bilans,
                    )
                    for brief in chains.get(action_id, [])
                ),
            )
        )
    return sheets


def _year(
    action_id: int,
    year: int,
    reference: str,
    status: str,
    lines: list[tuple[FundingLine, int]],
    bilans: dict[int, date | None],
) -> SheetYear:
    requested = sum(line.requested_cents for line, _ in lines)
    granted = sum(line.granted_cents or 0 for line, _ in lines)
    paid = sum(paid for _, paid in lines)
    if action_id in bilans:
        day = bilans[action_id]
        bilan = f"reçu le {day:%d/%m/%Y}" if day else "reçu"
    else:
        bilan = "non reçu" if granted else "—"
    return SheetYear(year, reference, ActionStatus(status).label, requested, granted, paid, bilan)


def action_sheets_bytes(
    dossier: Dossier, action_ids: Sequence[int], today: date | None = None
) -> bytes:
    """One PDF with one sheet per action (each starting on a new page)."""
    if not action_ids:
        raise ValidationError("Aucune action choisie : aucune fiche à écrire.")
    if len(action_ids) > MAX_SHEETS:
        raise ValidationError(
            f"{len(action_ids)} fiches demandées : un PDF en rassemble {MAX_SHEETS} au plus. "
            "Choisissez moins d'actions (un filtre, un financeur, une réunion)."
        )
    from contrat_desktop.reports.action_sheet import action_sheets_pdf  # ReportLab: when used

    sheets = load_action_sheets(dossier, action_ids)
    created = datetime.combine(today or date.today(), time())
    return action_sheets_pdf(sheets, load_document_settings(dossier), created)


def write_action_sheets(
    dossier: Dossier, action_ids: Sequence[int], target: str | Path, today: date | None = None
) -> int:
    """Write the sheets to ``target`` (a temporary file renamed at the end); its size."""
    from contrat_desktop.exchange.file_format import PDF, file_format

    file_format(target, PDF)
    content = action_sheets_bytes(dossier, action_ids, today)
    with replaced_atomically(target) as temporary:
        temporary.write_bytes(content)
    return len(content)
