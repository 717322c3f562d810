"""A small dossier of contract CV922 with 2024 actions financed by the State, and the
State's exports crafted against it (a Dauphin-style extraction, a posts list)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.contract import Campaign, Commune, Contract
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

SIRET_A = "44306184100047"  # valid SIRETs (Luhn)
SIRET_B = "73282932000074"
SIRET_C = "35600000000048"
EJ_OLD = "2100123456"
EJ_NEW = "2100654321"

DAUPHIN_HEADER = [
    "Action - Code dossier",
    "Tiers",
    "Code SIRET",
    "Libellé de l'action",
    "Montant engagé",
    "CHORUS -EJ",
    "Code contrat ville",
    "Année",
]


@dataclass
class Crafted:
    state: Funder
    town: Funder
    same: Action  # in the file, same values
    differs: Action  # in the file, amount engaged and EJ differ
    absent: Action  # financed by the State, not in the file
    other: Action  # of the holder of a row the dossier lacks: to link by hand
    town_only: Action  # financed by the town only: the State's file need not name it


def crafted_dossier(dossier: Dossier, year: int = 2024) -> Crafted:
    repos = Repositories(dossier)
    contract = repos.contracts.add(
        Contract(
            "Contrat de ville de Villiers-sur-Marne (données inventées)",
            "CV922",
            2015,
            2030,
            communes=(Commune("94079", "Villiers-sur-Marne"),),
        )
    )
    state = repos.funders.add(Funder("État – politique de la ville (BOP 147)", FunderKind.STATE))
    town = repos.funders.add(Funder("Ville de Villiers-sur-Marne", FunderKind.COMMUNE))
    campaign = repos.campaigns.add(Campaign(year, contract.id))
    holders = [
        repos.holders.add(Holder(name, HolderKind.ASSOCIATION, siret=siret))
        for name, siret in (
            ("Compagnie des Deux Rives", SIRET_A),
            ("Boxe Club des Hautes-Noues", SIRET_B),
            ("Centre social Les Portes de Paris", SIRET_C),
        )
    ]
    assert campaign.id and state.id and town.id

    def action(n: int, title: str, holder: Holder, dauphin: str, lines: dict[int, int]) -> Action:
        assert holder.id and campaign.id
        made = repos.actions.add(
            Action(f"{year}-CS-{n:03d}", title, holder.id, campaign.id, dauphin_number=dauphin)
        )
        assert made.id
        for funder_id, cents in lines.items():
            ej = EJ_OLD if funder_id == state.id else ""
            repos.funding_lines.add(
                FundingLine(made.id, funder_id, cents, cents, cents, ej_number=ej)
            )
        return made

    return Crafted(
        state,
        town,
        action(1, "Accompagnement à la scolarité", holders[0], "00123401", {state.id: 500_000}),
        action(2, "Boxe éducative", holders[1], "00123402", {state.id: 300_000}),
        action(3, "Médiation sociale", holders[2], "00123403", {state.id: 800_000}),
        action(4, "Ateliers sociolinguistiques", holders[2], "", {town.id: 200_000}),
        action(5, "Fête de quartier", holders[0], "", {town.id: 100_000}),
    )


def dauphin_rows(crafted: Crafted, year: int = 2024) -> list[list[Any]]:
    """Matched, matched with differences, a row the dossier lacks (its holder has another
    action: to link by hand), a row of another contract, and one of nobody's."""
    return [
        DAUPHIN_HEADER,
        ["00123401", "Compagnie des Deux Rives", SIRET_A, "Accompagnement à la scolarité",
         5000, EJ_OLD, "CV922", year],
        ["00123402", "Boxe Club des Hautes-Noues", SIRET_B, "Boxe éducative",
         3500, EJ_NEW, "CV922", year],
        ["00123499", "Centre social Les Portes de Paris", SIRET_C, "ASL – parents",
         2000, "", "CV922", year],
        ["00123498", "Association Ailleurs", "", "Action d'une autre ville",
         1000, "", "CV357", year],
        ["00123497", "Les Amis du Parc", "", "Jardin partagé", 1200, "", "CV922", year],
    ]  # fmt: skip


def write_workbook(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "Extraction") -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    page = book.add_worksheet(sheet)
    for number, row in enumerate(rows):
        page.write_row(number, 0, list(row))
    book.close()
    return path
