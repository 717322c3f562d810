""" "Versements à faire": for one funder and year, the lines that can be paid now, each with
the payment it usually takes (see ``suggested_payment``), to be paid several at once."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.funders import Funder
from contrat_desktop.domain.funding import PaymentKind
from contrat_desktop.domain.payment_rules import PAYABLE, suggested_payment
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.due_payments import OpenLine, open_lines
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class DuePayment:
    open_line: OpenLine
    kind: PaymentKind
    amount_cents: int

    @property
    def line_id(self) -> int:
        return self.open_line.money.line.id or 0


def payments_due(dossier: Dossier, funder_id: int, year: int) -> list[DuePayment]:
    """The lines of ``funder_id`` in ``year`` with money left to pay, on actions that can
    be paid (granted, notified, running, bilan due or received)."""
    due = []
    for line in open_lines(dossier, funder_id, year):
        if line.status not in PAYABLE:
            continue
        kind, cents = suggested_payment(line.money, line.bilan_received)
        due.append(DuePayment(line, kind, cents))
    return due


def paying_funders(dossier: Dossier) -> list[Funder]:
    return Repositories(dossier).funders.all()


def campaign_years(dossier: Dossier) -> list[int]:
    return sorted(Repositories(dossier).campaigns.years(), reverse=True)
