"""The programmation table as a read model: one summary per action, filters and totals.

Filtering and totals run on these plain rows (fast at 5 000 rows, no Qt proxy involved).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.workflow import ActionStatus


class FunderAmounts(NamedTuple):
    """One funder's amounts on an action: a tuple, made 12 000 times a campaign shown."""

    requested_cents: int = 0
    proposed_cents: int | None = None
    granted_cents: int | None = None
    paid_cents: int = 0


class ActionSummary(NamedTuple):
    """One row of the programmation, read again at each campaign shown (5 000 of them):
    an immutable tuple with names, about four times quicker to make than a frozen
    dataclass (issue 11; the README's developer section says why)."""

    id: int
    version: int
    reference: str
    title: str
    holder_id: int
    holder_name: str
    holder_kind: HolderKind
    status: ActionStatus
    dauphin_number: str
    framework_node_id: int | None
    framework_label: str
    is_renewal: bool
    district_ids: tuple[int, ...]
    axis_ids: tuple[int, ...]
    start_date: date | None
    total_cost_cents: int
    by_funder: Mapping[int, FunderAmounts] = MappingProxyType({})
    # the required pieces of the request file not received yet, by their names
    missing_labels: tuple[str, ...] = ()

    @property
    def missing_pieces(self) -> int:
        return len(self.missing_labels)

    @property
    def requested_cents(self) -> int:
        return sum(a.requested_cents for a in self.by_funder.values())

    @property
    def proposed_cents(self) -> int:
        return sum(a.proposed_cents or 0 for a in self.by_funder.values())

    @property
    def granted_cents(self) -> int:
        return sum(a.granted_cents or 0 for a in self.by_funder.values())

    @property
    def paid_cents(self) -> int:
        return sum(a.paid_cents for a in self.by_funder.values())


@dataclass(frozen=True, slots=True)
class ProgrammationFilter:
    """What the user picked in the filter bar; ``None`` means "all"."""

    framework_node_ids: frozenset[int] | None = None  # the node and its descendants
    status: ActionStatus | None = None
    funder_id: int | None = None
    district_id: int | None = None
    district_ids: frozenset[int] | None = None  # any of them (the districts of a commune)
    holder_kind: HolderKind | None = None
    axis_id: int | None = None
    complete: bool | None = None  # the request file: complete, incomplete, or either
    matching_ids: frozenset[int] | None = None  # from the full-text search
    renewal: bool | None = None  # True: renewed actions only, False: first requests only

    def accepts(self, row: ActionSummary) -> bool:
        return (
            (self.matching_ids is None or row.id in self.matching_ids)
            and (self.status is None or row.status is self.status)
            and (self.holder_kind is None or row.holder_kind is self.holder_kind)
            and (
                self.framework_node_ids is None or row.framework_node_id in self.framework_node_ids
            )
            and (self.funder_id is None or self.funder_id in row.by_funder)
            and (self.district_id is None or self.district_id in row.district_ids)
            and (self.district_ids is None or not self.district_ids.isdisjoint(row.district_ids))
            and (self.axis_id is None or self.axis_id in row.axis_ids)
            and (self.renewal is None or row.is_renewal is self.renewal)
            and (self.complete is None or (row.missing_pieces == 0) is self.complete)
        )


def apply_filter(
    rows: Iterable[ActionSummary], criteria: ProgrammationFilter
) -> list[ActionSummary]:
    return [row for row in rows if criteria.accepts(row)]


@dataclass(frozen=True, slots=True)
class Totals:
    """The count and amounts of the rows shown, in all and per funder."""

    count: int
    requested_cents: int
    proposed_cents: int
    granted_cents: int
    paid_cents: int
    by_funder: dict[int, FunderAmounts]


def totals(rows: Iterable[ActionSummary]) -> Totals:
    """The rows' count and amounts, in all and per funder (summed per funder, then over)."""
    count = 0
    per_funder: dict[int, list[int]] = {}
    for row in rows:
        count += 1
        for funder_id, (asked, offered, given, spent) in row.by_funder.items():
            sums = per_funder.get(funder_id)
            if sums is None:
                sums = per_funder[funder_id] = [0, 0, 0, 0]
            sums[0] += asked
            sums[1] += offered or 0
            sums[2] += given or 0
            sums[3] += spent
    requested = proposed = granted = paid = 0
    for sums in per_funder.values():
        requested += sums[0]
        proposed += sums[1]
        granted += sums[2]
        paid += sums[3]
    by_funder = {f: FunderAmounts(s[0], s[1], s[2], s[3]) for f, s in per_funder.items()}
    return Totals(count, requested, proposed, granted, paid, by_funder)
