"""The same figures for every year of the contract side by side: per funder, pillar,
district, holder kind or holder, the number of actions and the amounts requested, granted
and paid each year (the « vue pluriannuelle » and the report's comparison with past years)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Dimension(StrEnum):
    FUNDER = "funder"
    PILLAR = "pillar"
    DISTRICT = "district"
    HOLDER_KIND = "holder_kind"
    HOLDER = "holder"

    @property
    def label(self) -> str:
        return {
            Dimension.FUNDER: "Financeur",
            Dimension.PILLAR: "Pilier",
            Dimension.DISTRICT: "Quartier",
            Dimension.HOLDER_KIND: "Type de porteur",
            Dimension.HOLDER: "Porteur",
        }[self]


class Measure(StrEnum):
    GRANTED = "granted"
    REQUESTED = "requested"
    PAID = "paid"
    COUNT = "count"

    @property
    def label(self) -> str:
        return {
            Measure.GRANTED: "Montant accordé",
            Measure.REQUESTED: "Montant demandé",
            Measure.PAID: "Montant versé",
            Measure.COUNT: "Nombre d'actions",
        }[self]

    @property
    def money(self) -> bool:
        return self is not Measure.COUNT


@dataclass(frozen=True, slots=True)
class YearCell:
    """Actions and amounts of a cell; an amount is ``None`` where none was entered at that
    stage (shown « — »), which is not an amount of zero."""

    count: int = 0
    requested_cents: int | None = None
    granted_cents: int | None = None
    paid_cents: int | None = None

    def value(self, measure: Measure) -> int | None:
        if measure is Measure.COUNT:
            return self.count
        if measure is Measure.GRANTED:
            return self.granted_cents
        if measure is Measure.REQUESTED:
            return self.requested_cents
        return self.paid_cents

    def __add__(self, other: YearCell) -> YearCell:
        return YearCell(
            self.count + other.count,
            _plus(self.requested_cents, other.requested_cents),
            _plus(self.granted_cents, other.granted_cents),
            _plus(self.paid_cents, other.paid_cents),
        )


def _plus(first: int | None, second: int | None) -> int | None:
    if first is None:
        return second
    return first if second is None else first + second


EMPTY = YearCell()


@dataclass(frozen=True, slots=True)
class SeriesRow:
    key: Hashable
    label: str
    by_year: dict[int, YearCell] = field(default_factory=dict)
    total: YearCell = EMPTY  # across the years, as summed by the dossier


@dataclass(frozen=True, slots=True)
class AcrossYears:
    dimension: Dimension
    years: tuple[int, ...]
    rows: tuple[SeriesRow, ...]  # largest total granted first
    by_year: dict[int, YearCell] = field(default_factory=dict)  # each action counted once

    def year_totals(self) -> dict[int, YearCell]:
        return {year: self.by_year.get(year, EMPTY) for year in self.years}

    def total(self) -> YearCell:
        total = EMPTY
        for cell in self.by_year.values():
            total = total + cell
        return total


def sort_key(row: SeriesRow, measure: Measure) -> tuple[int, str]:
    """Largest first (« — » after every amount), then by name."""
    value = row.total.value(measure)
    return (-value if value is not None else 1, row.label)


def gather(
    dimension: Dimension,
    years: Iterable[int],
    cells: Iterable[tuple[int, Hashable, str, YearCell]],
    totals: Iterable[tuple[Hashable, YearCell]],
    by_year: dict[int, YearCell],
) -> AcrossYears:
    """``cells``: (year, key, label, sums), one per key and year; ``totals``: (key, sums
    across the years); ``by_year``: each year's sums. Nothing is summed here."""
    found: dict[Hashable, tuple[str, dict[int, YearCell]]] = {}
    for year, key, label, cell in cells:
        found.setdefault(key, (label, {}))[1][year] = cell
    across = dict(totals)
    rows = [
        SeriesRow(key, label, by_year=cells_of, total=across.get(key, EMPTY))
        for key, (label, cells_of) in found.items()
    ]
    rows.sort(key=lambda row: sort_key(row, Measure.GRANTED))
    return AcrossYears(dimension, tuple(sorted(years)), tuple(rows), by_year)
