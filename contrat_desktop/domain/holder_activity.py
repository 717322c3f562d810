"""Read models of the holders page: one summary per holder, its actions across years,
totals per year, and the accent-insensitive filter (plain Python rows, no Qt proxy)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.workflow import ActionStatus


def fold(text: str) -> str:
    """Lower case without accents: ``Médiathèque`` → ``mediatheque``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True, slots=True)
class HolderSummary:
    """A holder with its number of actions and what they were granted."""

    holder: Holder
    action_count: int = 0
    granted_cents: int = 0

    @property
    def id(self) -> int:
        return self.holder.id or 0

    def matches(self, folded_words: Iterable[str]) -> bool:
        """True when every word is in the name, acronym or SIRET (accents ignored)."""
        holder = self.holder
        haystack = fold(f"{holder.legal_name} {holder.acronym} {holder.siret} {holder.city}")
        return all(word in haystack for word in folded_words)


def filter_holders(
    rows: Iterable[HolderSummary], text: str = "", kind: HolderKind | None = None
) -> list[HolderSummary]:
    words = fold(text).split()
    return [
        row
        for row in rows
        if (kind is None or row.holder.kind is kind) and (not words or row.matches(words))
    ]


@dataclass(frozen=True, slots=True)
class HolderAction:
    """One action of a holder, any year, with its amounts summed over funders."""

    action_id: int
    year: int
    reference: str
    title: str
    status: ActionStatus
    requested_cents: int
    granted_cents: int
    paid_cents: int


@dataclass(frozen=True, slots=True)
class YearTotals:
    """Sums of a holder's actions for one year; ``year`` is ``None`` for all years."""

    year: int | None
    count: int
    requested_cents: int
    granted_cents: int
    paid_cents: int


def totals_by_year(rows: Iterable[HolderAction]) -> list[YearTotals]:
    """One line per year, latest first, then the overall line (always present)."""
    sums: dict[int, list[int]] = {}
    for row in rows:
        line = sums.setdefault(row.year, [0, 0, 0, 0])
        line[0] += 1
        line[1] += row.requested_cents
        line[2] += row.granted_cents
        line[3] += row.paid_cents
    years = [YearTotals(year, *sums[year]) for year in sorted(sums, reverse=True)]
    overall = [sum(getattr(y, name) for y in years) for name in _SUMMED]
    return [*years, YearTotals(None, *overall)]


_SUMMED = ("count", "requested_cents", "granted_cents", "paid_cents")
