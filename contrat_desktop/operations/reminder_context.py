"""What a reminder kind reads through: the dossier, the campaign asked (or None: every
campaign), today, the rule settings, and what kinds share once read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from contrat_desktop.domain.settings import RuleSettings
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus
from contrat_desktop.operations.settings import load_rules
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reminder_queries import (
    FunderFacts,
    HolderFacts,
    funder_facts,
    holder_facts,
    open_years,
)

S = ActionStatus
# a campaign is open while requests are instructed or money is in motion on it
OPEN_STATUSES = frozenset(
    {S.DRAFT, S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW, S.PROPOSED, S.POSTPONED}
    | set(MAIN_PATH[MAIN_PATH.index(S.GRANTED) : MAIN_PATH.index(S.REPORT_RECEIVED) + 1])
)


@dataclass
class ReminderContext:
    dossier: Dossier
    year: int | None  # one campaign, or None: every campaign
    today: date
    shared: dict[str, object] = field(default_factory=dict)  # what kinds read once

    @cached_property
    def rules(self) -> RuleSettings:
        return load_rules(self.dossier)

    @cached_property
    def years(self) -> list[int]:
        """The campaign asked, else the open ones (envelopes, conventions, contradictions
        of closed years are history, not things to do)."""
        if self.year is not None:
            return [self.year]
        return open_years(self.dossier, OPEN_STATUSES)

    @cached_property
    def holders(self) -> dict[int, HolderFacts]:
        """Every holder's name, SIRET and kind, by id."""
        return holder_facts(self.dossier)

    @cached_property
    def funders(self) -> dict[int, FunderFacts]:
        """Every funder's name, SIRET and kind, by id."""
        return funder_facts(self.dossier)
