"""The bilan (report) a holder sends on an action: realised cost, funding and beneficiaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from contrat_desktop.domain.actions import Beneficiaries


class ObjectivesMet(StrEnum):
    YES = "oui"
    PARTLY = "partiellement"
    NO = "non"

    @property
    def label(self) -> str:
        return {"oui": "Oui", "partiellement": "Partiellement", "non": "Non"}[self.value]


@dataclass(frozen=True, slots=True)
class Report:
    action_id: int
    received_on: date | None = None
    realised_cost_cents: int | None = None
    realised_funding_cents: int | None = None
    gap_explanation: str = ""
    beneficiaries: Beneficiaries = field(default_factory=Beneficiaries)
    sessions_held: int | None = None
    objectives_met: ObjectivesMet | None = None
    assessment: str = ""
    follow_up: str = ""
    id: int | None = None
    version: int = 1
