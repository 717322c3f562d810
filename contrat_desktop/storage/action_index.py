"""A light index of every action, to match imported rows without loading whole records."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.storage.database import Dossier


@dataclass(frozen=True, slots=True)
class ActionKey:
    id: int
    reference: str
    dauphin_number: str
    title: str
    holder_id: int
    holder_siret: str
    holder_name: str
    campaign_id: int
    year: int


def action_keys(dossier: Dossier, campaign_id: int | None = None) -> list[ActionKey]:
    """Every action's keys, or those of one campaign's actions."""
    where, params = ("WHERE a.campaign_id = ?", [campaign_id]) if campaign_id else ("", [])
    return [
        ActionKey(*row)
        for row in dossier.db.execute(
            "SELECT a.id, a.reference, a.dauphin_number, a.title, a.holder_id, h.siret, "
            "h.legal_name, "
            "a.campaign_id, c.year FROM action a JOIN holder h ON h.id = a.holder_id "
            f"JOIN campaign c ON c.id = a.campaign_id {where}",
            params,
        )
    ]
