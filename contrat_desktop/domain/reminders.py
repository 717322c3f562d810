"""A reminder ("À faire"): one thing due in the dossier (a late bilan, a payment to make, a
convention to sign...), what it concerns (an action, a funder's envelope) and by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Opens(StrEnum):
    """What opening a reminder shows: the thing to fix."""

    ACTION = "action"  # the action editor (on ``tab`` when given)
    FUNDER = "funder"  # the funder's envelopes (Financeurs page)


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: str  # the kind's code ("bilan_late", "payment_due"...)
    kind_label: str  # what a person reads ("Bilan en retard")
    text: str  # what is due, in a sentence
    due_on: date | None
    year: int | None  # the campaign concerned
    opens: Opens = Opens.ACTION
    action_id: int | None = None
    reference: str = ""
    holder: str = ""
    holder_id: int | None = None
    funder_id: int | None = None
    funder: str = ""
    amount_cents: int | None = None
    tab: str = ""  # "versements", "bilan": the editor's tab that fixes it

    @property
    def concerns(self) -> str:
        """The action (reference and holder) or the funder the reminder is about."""
        if self.action_id is not None:
            return f"{self.reference} – {self.holder}" if self.holder else self.reference
        return self.funder

    def sort_key(self) -> tuple[date, str, str]:
        return (self.due_on or date.max, self.kind, self.reference or self.funder)
