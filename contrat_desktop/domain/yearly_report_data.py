"""What the yearly report of the contract is made from, as the dossier gives it: the
contract and its districts, each year's figures, the bilans received summed, the meetings
held, the pillars, the team's texts and the figures across years. ``yearly_report.py`` turns
it into the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.across_years import AcrossYears
from contrat_desktop.domain.dashboard import CampaignFigures


@dataclass(frozen=True, slots=True)
class BilanFigures:
    """What the bilans received say, summed: beneficiaries, women/men, age bands, QPV share."""

    expected: int  # actions whose bilan is due (running or past)
    received: int
    beneficiaries: int
    women: int
    men: int
    qpv_weighted_percent: int | None  # weighted by each bilan's beneficiaries
    age_bands: tuple[tuple[str, int], ...]
    realised_cost_cents: int


@dataclass(frozen=True, slots=True)
class MeetingHeld:
    starts_at: str
    body: str
    invited: int
    present: int  # present or represented
    council_present: int  # of them, members of the conseil citoyen


@dataclass(frozen=True, slots=True)
class Pillar:
    id: int
    label: str


@dataclass(frozen=True, slots=True)
class ReportData:
    organisation: str
    contract: str  # name (code)
    period: str  # « 2015–2020 »
    communes: tuple[str, ...]
    districts: tuple[tuple[str, int | None], ...]  # label, population
    first_year: int
    last_year: int
    figures: tuple[CampaignFigures, ...]  # one per year of the range
    bilans: BilanFigures
    meetings: tuple[MeetingHeld, ...]
    council_members: int | None  # members in office at the end of the range
    pillars: tuple[Pillar, ...]
    texts: dict[str, str]  # section → the team's text
    by_pillar: AcrossYears  # every year up to the last one, for the comparison
    by_funder: AcrossYears

    @property
    def evaluation(self) -> bool:
        return self.first_year != self.last_year

    @property
    def span(self) -> str:
        if self.evaluation:
            return f"{self.first_year}–{self.last_year}"
        return str(self.last_year)
