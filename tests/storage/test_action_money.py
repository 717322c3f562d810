"""The money of actions read by position (no field looked up by name): each funding line
the same as the repository rebuilds it field by field, with what was paid on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import ActKind, FundingLine, Payment, PaymentKind
from contrat_desktop.storage.action_money import money_of_actions, money_of_campaign
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


def test_a_flat_reader_selects_every_field_in_order() -> None:
    columns, build = flat_reader(FundingLine)
    assert columns[:3] == ("action_id", "funder_id", "requested_cents")
    row = [7, 3, 100, None, 50, "", "2026-04-28", "convention", "", None, "", None, None, 9, 2]
    line = build(row)
    assert line == FundingLine(
        7, 3, 100, None, 50, decision_date=date(2026, 4, 28), act_kind=ActKind.AGREEMENT, id=9,
        version=2,
    )  # fmt: skip
