"""Everything an action sheet (fiche action) prints, gathered as plain values: the holder's
identity, the action, its budget and co-funding plan, its request file, its earlier years."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.holders import Holder


@dataclass(frozen=True, slots=True)
class SheetFunding:
    """One funder of the co-funding plan."""

    funder: str
    requested_cents: int
    proposed_cents: int | None
    granted_cents: int | None
    paid_cents: int = 0
    act: str = ""  # « Arrêté n° 2016-12 du 02/05/2016 »


@dataclass(frozen=True, slots=True)
class SheetYear:
    """An earlier year of the action (the one it renews, and the one before...)."""

    year: int
    reference: str
    status: str
    requested_cents: int
    granted_cents: int
    paid_cents: int
    bilan: str  # « reçu le 12/05/2017 », « attendu », « — »


@dataclass(frozen=True, slots=True)
class ActionSheet:
    action: Action
    year: int
    status: str
    holder: Holder
    framework: str = ""  # the path in the strategic framework
    axes: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()  # « Les Hautes-Noues (QP094043), Villiers-sur-Marne »
    renewal_of: str = ""  # the reference of the action it renews
    funding: tuple[SheetFunding, ...] = ()
    pieces_received: tuple[tuple[str, date], ...] = ()
    pieces_missing: tuple[str, ...] = ()
    history: tuple[SheetYear, ...] = ()  # earlier years, most recent first

    @property
    def requested_cents(self) -> int:
        return sum(line.requested_cents for line in self.funding)

    @property
    def income_cents(self) -> int:
        """Produits: the funding asked for, own funds and other income."""
        action = self.action
        return self.requested_cents + action.own_funds_cents + action.other_income_cents

    @property
    def gap_cents(self) -> int:
        """Charges minus produits: zero when the budget is balanced."""
        return self.action.total_cost_cents - self.income_cents
