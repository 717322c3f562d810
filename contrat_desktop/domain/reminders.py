"""A reminder ("À faire"): one thing due in the dossier (a late bilan, a payment to make, a
convention to sign...), what it concerns (an action, a funder's envelope) and by when.

A list holds thousands of them (9 000 on a dossier of 50 000 actions) and is read again after
every edit, so a reminder is a light immutable tuple, built positionally, and its sentence is
written only when read (``text``): the table formats the rows it shows, not the whole list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple


class Opens(StrEnum):
    """What opening a reminder shows: the thing to fix."""

    ACTION = "action"  # the action editor (on ``tab`` when given)
    FUNDER = "funder"  # the funder's envelopes (Financeurs page)


def written(text: str) -> str:
    """The ``says`` of a sentence already written (``facts`` is the sentence)."""
    return text


class Reminder(NamedTuple):
    kind: str  # the kind's code ("bilan_late", "payment_due"...)
    kind_label: str  # what a person reads ("Bilan en retard")
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
    # what is due, in a sentence: ``says(*facts)``, written when read (``text``)
    says: Callable[..., str] = written
    facts: tuple[Any, ...] = ("",)

    @property
    def text(self) -> str:
        """What is due, in a sentence."""
        return self.says(*self.facts)

    @property
    def concerns(self) -> str:
        """The action (reference and holder) or the funder the reminder is about."""
        if self.action_id is not None:
            return f"{self.reference} – {self.holder}" if self.holder else self.reference
        return self.funder

    def sort_key(self) -> tuple[date, str, str]:
        return (self.due_on or date.max, self.kind, self.reference or self.funder)
