"""Renewal of an action from campaign N into N+1: which actions are renewed, which are left
and why, and exactly what a renewal carries.

Carried: the holder, title, framework position (and cross-cutting axes), targeted districts,
public and expected beneficiaries, description, objectives, place and the multi-year flag;
the budget and the co-funding plan as requested amounts, or left empty (the user's choice).
Not carried: the Dauphin number, dates, status (a renewal starts as a draft), the avis and
observations, payments, bilans, attachments and the pieces of the request file.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from enum import StrEnum

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.workflow import ActionStatus


class AmountChoice(StrEnum):
    """What the renewal asks each funder for."""

    REQUESTED = "demande"  # last year's requested amounts
    GRANTED = "accorde"  # last year's granted amounts, asked again
    EMPTY = "vide"  # nothing: the holder's new request fills them

    @property
    def label(self) -> str:
        return {
            AmountChoice.REQUESTED: "reprendre les montants demandés l'an dernier",
            AmountChoice.GRANTED: "demander les montants accordés l'an dernier",
            AmountChoice.EMPTY: "laisser les montants vides",
        }[self]


class SkipReason(StrEnum):
    ALREADY_RENEWED = "deja_reconduite"
    ABANDONED = "abandonnee"
    HOLDER_DISSOLVED = "porteur_dissous"

    @property
    def label(self) -> str:
        return {
            SkipReason.ALREADY_RENEWED: "déjà reconduite",
            SkipReason.ABANDONED: "abandonnée",
            SkipReason.HOLDER_DISSOLVED: "porteur dissous",
        }[self]


def skip_reason(
    action_id: int,
    status: ActionStatus,
    holder_dissolved_on: date | None,
    renewed: Collection[int],
    new_year: int,
) -> SkipReason | None:
    """Why an action is not renewed into ``new_year``, or ``None`` when it is; ``renewed``
    holds the ids of the actions that already have a successor. A holder dissolved by the
    first day of the new year has no renewal."""
    if action_id in renewed:
        return SkipReason.ALREADY_RENEWED
    if status is ActionStatus.ABANDONED:
        return SkipReason.ABANDONED
    if holder_dissolved_on is not None and holder_dissolved_on <= date(new_year, 1, 1):
        return SkipReason.HOLDER_DISSOLVED
    return None


def renewed_action(
    previous: Action, campaign_id: int, reference: str, amounts: AmountChoice
) -> Action:
    """The draft that renews ``previous`` in another campaign (see the module docstring)."""
    keep_budget = amounts is not AmountChoice.EMPTY
    return Action(
        reference=reference,
        title=previous.title,
        holder_id=previous.holder_id,
        campaign_id=campaign_id,
        status=ActionStatus.DRAFT,
        renewal_of_id=previous.id,
        multi_year=previous.multi_year,
        framework_node_id=previous.framework_node_id,
        district_ids=previous.district_ids,
        axis_ids=previous.axis_ids,
        description=previous.description,
        objectives=previous.objectives,
        target_public=previous.target_public,
        beneficiaries=previous.beneficiaries,
        place=previous.place,
        total_cost_cents=previous.total_cost_cents if keep_budget else 0,
        own_funds_cents=previous.own_funds_cents if keep_budget else 0,
        other_income_cents=previous.other_income_cents if keep_budget else 0,
    )


def renewed_lines(
    previous: Iterable[FundingLine], action_id: int, amounts: AmountChoice
) -> list[FundingLine]:
    """One requested line per funder of last year's plan; none when amounts are left empty.
    A funder that granted nothing is asked nothing under ``GRANTED`` (its line is left out)."""
    if amounts is AmountChoice.EMPTY:
        return []
    lines = []
    for line in previous:
        cents = line.requested_cents if amounts is AmountChoice.REQUESTED else line.granted_cents
        if amounts is AmountChoice.GRANTED and not cents:
            continue
        lines.append(FundingLine(action_id, line.funder_id, requested_cents=cents or 0))
    return lines


class ReferenceAllocator:
    """References of the renewed actions: ``2025-CS-014`` → ``2026-CS-014`` when free, else the
    next free number of that code in the new year."""

    def __init__(self, year: int, taken: Iterable[str]) -> None:
        self.year = year
        self.taken = set(taken)
        self._last: dict[str, int] = {}

    def allocate_all(self, previous_references: list[str]) -> list[str]:
        """One new reference per previous one, in order: those whose number is free in the
        new year keep it, the others take the next free numbers afterwards."""
        kept: dict[int, str] = {}
        for index, reference in enumerate(previous_references):
            same = self._same_number(reference)
            if same and same not in self.taken:
                kept[index] = same
                self.taken.add(same)
        return [kept.get(i) or self.allocate(r) for i, r in enumerate(previous_references)]

    def _same_number(self, previous_reference: str) -> str:
        parts = previous_reference.split("-")
        return f"{self.year}-{parts[1]}-{parts[2]}" if len(parts) == 3 and parts[1] else ""

    def allocate(self, previous_reference: str) -> str:
        parts = previous_reference.split("-")
        code = parts[1] if len(parts) == 3 and parts[1] else "ACT"
        wanted = self._same_number(previous_reference)
        if not wanted or wanted in self.taken:
            number = self._last.get(code)
            if number is None:
                prefix = f"{self.year}-{code}-"
                number = max(
                    (int(r[len(prefix) :]) for r in self.taken
                     if r.startswith(prefix) and r[len(prefix) :].isdigit()),
                    default=0,
                )  # fmt: skip
            while wanted == "" or wanted in self.taken:
                number += 1
                wanted = f"{self.year}-{code}-{number:03d}"
            self._last[code] = number
        self.taken.add(wanted)
        return wanted
