"""The campaign's call for projects, edited in the window: read it, save it (checked, audited,
versioned, undoable through the record commands) and say it in one line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from contrat_desktop.domain.campaign_call import call_problems, call_summary, cleaned
from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.records import write_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def load_campaign(dossier: Dossier, campaign_id: int) -> Campaign | None:
    return Repositories(dossier).campaigns.find(campaign_id)


def write_campaign_call(
    dossier: Dossier, current: Campaign | None, wanted: Campaign | None
) -> Campaign | None:
    """Save the call's calendar, priorities and closing; its year never changes here."""
    if wanted is None or current is None:
        raise ValidationError("Une campagne s'ouvre par « Nouvelle campagne… », pas ici.")
    wanted = cleaned(replace(wanted, year=current.year))
    problems = call_problems(wanted)
    if problems:
        raise problems[0]
    return write_record(Repositories(dossier).campaigns, current, wanted)


def campaign_call_line(dossier: Dossier, campaign_id: int, today: date | None = None) -> str:
    """The summary the programmation page shows ('' when there is no campaign)."""
    campaign = load_campaign(dossier, campaign_id)
    return call_summary(campaign, today or date.today()) if campaign else ""
