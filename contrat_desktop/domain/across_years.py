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
    count: int = 0
    requested_cents: int = 0
    granted_cents: int = 0
    paid_cents: int = 0

    def value(self, measure: Measure) -> int:
        return {
            Measure.COUNT: self.count,
            Measure.REQUESTED: self.requested_cents,
            Measure.GRANTED: self.granted_cents,
            Measure.PAID: self.paid_cents,
        }[measure]

    def __add__(self, other: YearCell) -> YearCell:
        return YearCell(
            self.count + other.count,
            self.requested_cents + other.requested_cents,
            self.granted_cents + other.granted_cents,
            self.paid_cents + other.paid_cents,
        )


@dataclass(frozen=True, slots=True)
class SeriesRow:
    key: Hashable
    label: str
    by_year: dict[int, YearCell] = field(default_factory=dict)

    def total(self) -> YearCell:
        total = YearCell()
        for cell in self.by_year.values():
            total = total + cell
        return total


@dataclass(frozen=True, slots=True)
class AcrossYears:
    dimension: Dimension
    years: tuple[int, ...]
    rows: tuple[SeriesRow, ...]  # largest total granted first

    def year_totals(self) -> dict[int, YearCell]:
        totals = {year: YearCell() for year in self.years}
        for row in self.rows:
            for year, cell in row.by_year.items():
                totals[year] = totals[year] + cell
        return totals


def gather(
    dimension: Dimension,
    years: Iterable[int],
    cells: Iterable[tuple[int, Hashable, str, YearCell]],
) -> AcrossYears:
    """``cells``: (year, key, label, sums); several cells of one key and year add up."""
    rows: dict[Hashable, SeriesRow] = {}
    for year, key, label, cell in cells:
        row = rows.setdefault(key, SeriesRow(key, label))
        row.by_year[year] = row.by_year.get(year, YearCell()) + cell
    ordered = sorted(rows.values(), key=lambda r: (-r.total().granted_cents, r.label))
    return AcrossYears(dimension, tuple(sorted(years)), tuple(ordered))
