"""The money of actions read by position (no field looked up by name): each funding line
the same as the repository rebuilds it field by field, with what was paid on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import ActKind, FundingLine, Payment, PaymentKind
from contrat_desktop.storage.action_money import (
    money_of_actions,
    money_of_campaign,
    paid_and_left,
)
from contrat_desktop.storage.conversions import flat_reader
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def test_lines_read_by_position_equal_the_repository_ones(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    state = repos.funders.add(Funder("État BOP 147", FunderKind.STATE))
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    first, second = make_action(), make_action()
    assert first.id and second.id and state.id and town.id
    full = repos.funding_lines.add(
        FundingLine(
            first.id,
            state.id,
            requested_cents=1_000_000,
            proposed_cents=900_000,
            granted_cents=800_000,
            decision_reference="COPIL 2026-1",
            decision_date=date(2026, 4, 28),
            act_kind=ActKind.MULTI_YEAR,
            act_number="2026-14",
            act_signed_on=date(2026, 5, 12),
            ej_number="2103456789",
            cpo_first_year=2026,
            cpo_last_year=2028,
        )
    )
    bare = repos.funding_lines.add(FundingLine(first.id, town.id, requested_cents=50_000))
    repos.payments.add(Payment(full.id or 0, PaymentKind.ADVANCE, 300_000, date(2026, 6, 1)))
    repos.payments.add(Payment(full.id or 0, PaymentKind.REFUND, 20_000, date(2026, 7, 1)))

    money = money_of_actions(dossier, [first.id, second.id])

    assert [m.line for m in money[first.id].lines] == sorted(
        repos.funding_lines.for_action(first.id), key=lambda line: line.funder_id
    )
    assert [m.line for m in money[first.id].lines] == [full, bare]
    assert money[first.id].lines[0].line.act_kind is ActKind.MULTI_YEAR
    assert [m.paid_cents for m in money[first.id].lines] == [280_000, 0]
    assert money[second.id].lines == ()
    assert money_of_campaign(dossier, first.campaign_id)[first.id] == money[first.id]
    # summed in SQL as the rules sum them: 8 000 € granted, 2 800 € paid, 5 200 € left
    assert paid_and_left(dossier, [first.id, second.id]) == {first.id: (280_000, 520_000)}
    assert (money[first.id].paid_cents, money[first.id].left_cents) == (280_000, 520_000)


def test_a_repository_reads_a_flat_model_by_position(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    """Funding lines and payments come back whole (every field, dates and enums typed)."""
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    action = make_action()
    line = repos.funding_lines.add(
        FundingLine(
            action.id or 0, town.id or 0, 500_000, granted_cents=400_000,
            act_kind=ActKind.DECREE, act_signed_on=date(2026, 5, 2), act_number="A-7",
        )
    )  # fmt: skip
    payment = repos.payments.add(
        Payment(line.id or 0, PaymentKind.BALANCE, 100_000, date(2026, 9, 1), "M-12")
    )
    assert repos.funding_lines.for_action(action.id or 0) == [line]
    assert repos.funding_lines.get(line.id or 0).act_signed_on == date(2026, 5, 2)
    assert repos.payments.for_line(line.id or 0) == [payment]
    assert repos.payments.get(payment.id or 0).kind is PaymentKind.BALANCE


def test_a_flat_reader_selects_every_field_in_order() -> None:
    columns, build = flat_reader(FundingLine)
    assert columns[:3] == ("action_id", "funder_id", "requested_cents")
    row = [7, 3, 100, None, 50, "", "2026-04-28", "convention", "", None, "", None, None, 9, 2]
    line = build(row)
    assert line == FundingLine(
        7, 3, 100, None, 50, decision_date=date(2026, 4, 28), act_kind=ActKind.AGREEMENT, id=9,
        version=2,
    )  # fmt: skip
