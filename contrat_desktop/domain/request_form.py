"""The pre-filled request form sent to a holder for a campaign: its identity and its actions
as the dossier knows them (this year's requests, or last year's actions not renewed yet), the
pieces to join, the call's deadline; to be completed and sent back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.action_sheet import ActionSheet
from contrat_desktop.domain.holders import Holder


@dataclass(frozen=True, slots=True)
class FormAction:
    sheet: ActionSheet
    this_year: bool  # a request of the form's campaign (it keeps its reference)

    @property
    def reference(self) -> str:
        """The reference the holder's answer comes back under ("" for a new request)."""
        return self.sheet.action.reference if self.this_year else ""


@dataclass(frozen=True, slots=True)
class RequestForm:
    holder: Holder
    year: int
    actions: tuple[FormAction, ...]
    pieces: tuple[str, ...]  # the pieces to join (those asked of a first request)
    funders: tuple[str, ...]  # who may be asked, in the dossier's order
    filing_deadline: date | None = None

    @property
    def title(self) -> str:
        return f"Formulaire de demande de subvention – campagne {self.year}"
