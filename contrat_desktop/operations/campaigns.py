"""Campaigns (one per budget year) and the references of their actions."""

from __future__ import annotations

from datetime import date

from contrat_desktop.domain.actions import make_reference
from contrat_desktop.domain.contract import Campaign, Contract
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories

DEFAULT_CODE = "ACT"  # when the action is not classified yet


def campaign_of_year(dossier: Dossier, year: int) -> Campaign:
    """The campaign of ``year``; refused in French, naming the ones there are, when the
    dossier has none (every command given ``--year`` says it the same way)."""
    repos = Repositories(dossier)
    campaign = repos.campaigns.by_year(year)
    if campaign is None or campaign.id is None:
        known = ", ".join(str(c.year) for c in sorted(repos.campaigns.all(), key=_year))
        raise DossierError(
            f"Aucune campagne {year} dans ce dossier (campagnes : {known or 'aucune'})."
        )
    return campaign


def _year(campaign: Campaign) -> int:
    return campaign.year


def create_campaign(dossier: Dossier, year: int) -> Campaign:
    """Open the campaign of ``year`` (refused if it exists or the year is implausible)."""
    if not 2000 <= year <= 2100:
        raise ValidationError(f"L'année {year} n'est pas une année de campagne plausible.")
    repos = Repositories(dossier)
    if repos.campaigns.by_year(year) is not None:
        raise ValidationError(f"La campagne {year} existe déjà.")
    contract = repos.contracts.main()
    return repos.campaigns.add(Campaign(year=year, contract_id=contract.id if contract else None))


def start_empty_dossier(dossier: Dossier, today: date | None = None) -> None:
    """A new dossier is usable at once: a contract to name and this year's campaign."""
    year = (today or date.today()).year
    repos = Repositories(dossier)
    with dossier.db.atomic():
        repos.contracts.add(
            Contract(
                name="Contrat de ville (à nommer)",
                code="",
                start_year=year,
                end_year=max(year, 2030),
            )
        )
        create_campaign(dossier, year)


def suggest_reference(dossier: Dossier, campaign_id: int, framework_node_id: int | None) -> str:
    """``2026-CS-014``: the campaign year, the code of the pillar or theme, the next number."""
    repos = Repositories(dossier)
    campaign = repos.campaigns.get(campaign_id)
    code = DEFAULT_CODE
    if framework_node_id is not None:
        top = repos.framework.tree().top(framework_node_id)
        code = top.code.split("-")[0].split(".")[0].upper() or DEFAULT_CODE
    return make_reference(campaign.year, code, repos.actions.next_sequence(campaign.year, code))
