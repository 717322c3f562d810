"""A Vitry-like intercommunal contract: three communes, four QPV, actions in each."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.contract import Campaign, Commune, Contract, District
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.operations.territory import write_commune, write_district
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

COMMUNES = (
    ("94081", "Vitry-sur-Seine"),
    ("94041", "Ivry-sur-Seine"),
    ("94022", "Choisy-le-Roi"),
)
# code, name, communes (a QPV may straddle two towns)
DISTRICTS = (
    ("QN09401M", "Balzac – Centre-ville", ("94081",)),
    ("QN09402M", "Commune de Paris – 8 Mai 1945", ("94081",)),
    ("QN09403N", "Pierre et Marie Curie", ("94041", "94081")),
    ("QN09404I", "Navigateurs – Gondoles", ("94022",)),
)


@dataclass(frozen=True)
class VitryLike:
    communes: dict[str, Commune]  # by INSEE code
    districts: dict[str, District]  # by QPV code
    actions: dict[str, Action]  # by the QPV code they target
    campaign: Campaign
    funder: Funder


def build_vitry_like(dossier: Dossier, year: int = 2026) -> VitryLike:
    """The contract, its communes and QPV through the settings' use cases, one action per
    QPV (granted 1 000 € × its rank) and one action on two QPV of two towns."""
    repos = Repositories(dossier)
    contract = repos.contracts.add(
        Contract("Contrat de ville intercommunal (essai)", "CN09403M", 2024, 2030)
    )
    communes = {}
    for code, name in COMMUNES:
        saved = write_commune(dossier, None, Commune(code, name))
        assert saved is not None
        communes[code] = saved
    districts = {}
    for code, name, commune_codes in DISTRICTS:
        saved_district = write_district(
            dossier, None, District(code, name, 2024, 3000, commune_codes)
        )
        assert saved_district is not None
        districts[code] = saved_district
    campaign = repos.campaigns.add(Campaign(year, contract.id))
    funder = repos.funders.add(Funder("État – politique de la ville (BOP 147)", FunderKind.STATE))
    holder = repos.holders.add(Holder("Association Ensemble", HolderKind.ASSOCIATION))
    assert campaign.id and holder.id and funder.id
    actions = {}
    for rank, code in enumerate(districts, start=1):
        action = repos.actions.add(
            Action(
                f"{year}-CS-{rank:03d}", f"Action à {districts[code].name}", holder.id,
                campaign.id, district_ids=(districts[code].id or 0,),
            )
        )  # fmt: skip
        repos.funding_lines.add(
            FundingLine(action.id or 0, funder.id, 100_000 * rank, granted_cents=100_000 * rank)
        )
        actions[code] = action
    both = repos.actions.add(
        Action(
            f"{year}-CS-005", "Action sur deux villes", holder.id, campaign.id,
            district_ids=(districts["QN09401M"].id or 0, districts["QN09404I"].id or 0),
        )
    )  # fmt: skip
    repos.funding_lines.add(FundingLine(both.id or 0, funder.id, 50_000, granted_cents=50_000))
    actions["both"] = both
    return VitryLike(communes, districts, actions, campaign, funder)
