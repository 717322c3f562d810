"""The alerts shown before validating minutes (envelopes overspent, money to actions
refused, abandoned or without opinion), read for a previewed plan."""

from __future__ import annotations

from contrat_desktop.domain.minutes_preview import ActionChange
from contrat_desktop.domain.validation_alerts import (
    ValidationAlert,
    money_without_favour,
    overspent_envelopes,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def validation_alerts(
    dossier: Dossier, meeting_id: int, changes: list[ActionChange]
) -> list[ValidationAlert]:
    repos = Repositories(dossier)
    examined = {e.action_id: e for e in repos.examined_actions.for_meeting(meeting_id)}
    campaigns = {c.id: c.year for c in repos.campaigns.all()}
    years = {
        change.action_id: campaigns[repos.actions.get(change.action_id).campaign_id]
        for change in changes
    }
    uses = {
        (use.envelope.funder_id, year): use
        for year in set(years.values())
        for use in repos.envelopes.use(year)
    }
    funders = {f.id: f.name for f in repos.funders.all() if f.id is not None}
    return [
        *overspent_envelopes(changes, years, uses, funders),
        *money_without_favour(changes, examined),
    ]
