"""The home page's use case: the chosen campaign's figures, the next meetings and the
conseil citoyen's composition warnings, read in one go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from contrat_desktop.domain.dashboard import CampaignFigures, campaign_figures
from contrat_desktop.operations.programmation import References
from contrat_desktop.storage.campaign_figures import campaign_sums, funder_sums
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.statistics import has_rows

UPCOMING = 5


@dataclass(frozen=True, slots=True)
class NextMeeting:
    id: int
    starts_at: datetime
    body: str
    place: str


@dataclass(frozen=True, slots=True)
class Dashboard:
    figures: CampaignFigures
    next_meetings: tuple[NextMeeting, ...]
    council_warnings: tuple[str, ...]


def campaign_figures_of(
    dossier: Dossier, campaign_id: int, references: References
) -> CampaignFigures:
    repos = Repositories(dossier)
    year = repos.campaigns.get(campaign_id).year
    envelopes = {e.funder_id: e.amount_cents for e in repos.envelopes.for_year(year)}
    return campaign_figures(
        year,
        campaign_sums(dossier.db, campaign_id),
        funder_sums(dossier.db, campaign_id),
        references.tree,
        {f.id: f.display_name for f in references.funders if f.id is not None},
        references.districts,
        envelopes,
    )


def load_dashboard(
    dossier: Dossier, campaign_id: int, references: References, today: date | None = None
) -> Dashboard:
    today = today or date.today()
    repos = Repositories(dossier)
    bodies = {b.id: b.name for b in repos.bodies.all()}
    start = datetime.combine(today, datetime.min.time())
    # the code of the meetings and of the council is loaded for a dossier that has them
    meetings = repos.meetings.all() if has_rows(dossier.db, "meeting") else []
    upcoming = [m for m in meetings if m.starts_at >= start][:UPCOMING]
    warnings: list[str] = []
    councils = repos.councils.all() if has_rows(dossier.db, "council") else []
    if councils:
        from contrat_desktop.operations.council import council_overview
    for council in councils:
        overview = council_overview(dossier, council.id or 0, today)
        prefix = f"{council.name} : " if len(councils) > 1 else ""
        warnings += [prefix + warning.message for warning in overview.warnings]
    return Dashboard(
        campaign_figures_of(dossier, campaign_id, references),
        tuple(
            NextMeeting(m.id or 0, m.starts_at, bodies.get(m.body_id, ""), m.place)
            for m in upcoming
        ),
        tuple(warnings),
    )
