"""The programmation's totals: in all and per funder, absent amounts counted as nothing."""

from __future__ import annotations

from types import MappingProxyType

from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.programmation import ActionSummary, FunderAmounts, totals
from contrat_desktop.domain.workflow import ActionStatus


def _row(number: int, by_funder: dict[int, FunderAmounts]) -> ActionSummary:
    return ActionSummary(
        number, 1, f"A{number}", "Action", 1, "Porteur", next(iter(HolderKind)),
        ActionStatus.DRAFT, "", None, "", False, (), (), None, 0, by_funder,
    )  # fmt: skip


def test_totals_sum_each_funder_then_all() -> None:
    rows = [
        _row(1, {1: FunderAmounts(100, None, 80, 30), 2: FunderAmounts(50, 40, None, 0)}),
        _row(2, {1: FunderAmounts(10, 5, 5, 5)}),
        _row(3, {}),
    ]
    found = totals(rows)
    assert (found.count, found.requested_cents, found.proposed_cents) == (3, 160, 45)
    assert (found.granted_cents, found.paid_cents) == (85, 35)
    assert found.by_funder == {1: FunderAmounts(110, 5, 85, 35), 2: FunderAmounts(50, 40, 0, 0)}
    assert sum(row.requested_cents for row in rows) == found.requested_cents


def test_no_row_totals_nothing() -> None:
    assert totals([]) == totals(iter([]))
    assert totals([_row(1, dict(MappingProxyType({})))]).by_funder == {}
