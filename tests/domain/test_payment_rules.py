"""Payment rules and the status moves that follow the money, with property tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contrat_desktop.domain.action_money import ActionMoney, LineMoney, status_following_money
from contrat_desktop.domain.funding import ActKind, FundingLine, Payment, PaymentKind
from contrat_desktop.domain.payment_rules import check_payment, check_payment_removal
from contrat_desktop.domain.workflow import ActionStatus

S = ActionStatus
TODAY = date(2026, 9, 1)
DECIDED = date(2026, 4, 28)


def money(
    granted: int = 1_000_000,
    paid: int = 0,
    status: ActionStatus = S.NOTIFIED,
    bilan: bool = False,
    act: ActKind | None = ActKind.DECREE,
) -> ActionMoney:
    line = FundingLine(1, 7, granted_cents=granted, decision_date=DECIDED, act_kind=act, id=10)
    return ActionMoney(status, (LineMoney(line, paid),), bilan)


def pay(
    amount: int, kind: PaymentKind = PaymentKind.ADVANCE, on: date = date(2026, 6, 1)
) -> Payment:
    return Payment(10, kind, amount, on)


def test_a_payment_within_what_is_left_is_accepted_and_starts_the_action() -> None:
    verdict = check_payment(money(status=S.GRANTED), pay(500_000), TODAY)
    assert verdict.accepted and not verdict.warnings
    assert verdict.status_path == (S.NOTIFIED, S.RUNNING)


def test_a_payment_beyond_what_is_left_is_refused_with_the_figures() -> None:
    verdict = check_payment(money(paid=600_000, status=S.RUNNING), pay(500_000), TODAY)
    (error,) = verdict.errors
    assert error.field == "amount_cents"
    assert "dépasse le reste à verser" in error.message
    assert "4\u202f000,00\u00a0€" in error.message  # what is left


def test_a_negative_amount_that_is_not_a_refund_is_refused() -> None:
    (error,) = check_payment(money(), pay(-100), TODAY).errors
    assert "Reversement" in error.message and error.field == "amount_cents"


def test_a_refund_cannot_return_more_than_was_paid() -> None:
    verdict = check_payment(
        money(paid=300_000, status=S.RUNNING), pay(400_000, PaymentKind.REFUND), TODAY
    )
    assert "dépasse ce qui a été versé" in verdict.errors[0].message
    assert check_payment(
        money(paid=300_000, status=S.RUNNING), pay(300_000, PaymentKind.REFUND), TODAY
    ).accepted


def test_a_payment_dated_before_the_decision_is_refused() -> None:
    (error,) = check_payment(money(), pay(100, on=date(2026, 4, 27)), TODAY).errors
    assert error.field == "paid_on" and "28/04/2026" in error.message


@pytest.mark.parametrize("status", [S.UNDER_REVIEW, S.PROPOSED, S.REFUSED, S.ABANDONED, S.CLOSED])
def test_no_payment_on_an_action_not_granted_or_closed(status: ActionStatus) -> None:
    (error,) = check_payment(money(status=status), pay(100), TODAY).errors
    assert status.label in error.message


def test_nothing_granted_by_this_funder_means_no_payment() -> None:
    (error,) = check_payment(money(granted=0, status=S.RUNNING), pay(100), TODAY).errors
    assert "rien n'a été accordé" in error.message


def test_warnings_for_a_solde_before_the_bilan_and_a_missing_act() -> None:
    verdict = check_payment(
        money(paid=500_000, status=S.RUNNING, act=None), pay(400_000, PaymentKind.BALANCE), TODAY
    )
    assert verdict.accepted
    assert any("avant la réception du bilan" in w for w in verdict.warnings)
    assert any("laisse 1\u202f000,00\u00a0€" in w for w in verdict.warnings)
    assert any("Aucun acte attributif" in w for w in verdict.warnings)


def test_the_solde_after_the_bilan_settles_the_action() -> None:
    verdict = check_payment(
        money(paid=500_000, status=S.REPORT_RECEIVED, bilan=True),
        pay(500_000, PaymentKind.BALANCE, date(2027, 7, 1)),
        date(2027, 7, 2),
    )
    assert verdict.accepted and not verdict.warnings
    assert verdict.status_path == (S.SETTLED,)


def test_a_partial_payment_after_the_bilan_does_not_settle() -> None:
    verdict = check_payment(
        money(paid=500_000, status=S.REPORT_RECEIVED, bilan=True), pay(100_000), TODAY
    )
    assert verdict.status_path == ()


def test_removing_a_payment_never_leaves_more_paid_than_granted_or_less_than_zero() -> None:
    line = LineMoney(FundingLine(1, 7, granted_cents=1000, id=10), 1000)
    assert check_payment_removal(line, pay(400, PaymentKind.REFUND))  # paid would be 1 400
    assert not check_payment_removal(line, pay(400))
    refunded = LineMoney(FundingLine(1, 7, granted_cents=1000, id=10), 100)
    assert check_payment_removal(refunded, pay(1000))  # would leave -900


attempts = st.lists(
    st.tuples(st.sampled_from(list(PaymentKind)), st.integers(-50_000, 700_000)), max_size=25
)


@settings(max_examples=300, deadline=None)
@given(granted=st.integers(0, 2_000_000), attempts=attempts)
def test_paid_never_exceeds_granted_plus_refunds(
    granted: int, attempts: list[tuple[PaymentKind, int]]
) -> None:
    """Whatever is tried, the payments accepted keep: paid ≤ granted + refunds, net paid
    ≥ 0, and each status move is one the money asks for."""
    state = money(granted=granted, status=S.NOTIFIED)
    paid_out = refunded = 0
    for kind, amount in attempts:
        payment = pay(amount, kind)
        verdict = check_payment(state, payment, TODAY)
        if not verdict.accepted:
            continue
        line = state.lines[0]
        state = replace(
            state, lines=(replace(line, paid_cents=line.paid_cents + payment.signed_cents),)
        )
        for status in verdict.status_path:
            state = replace(state, status=status)
        if kind is PaymentKind.REFUND:
            refunded += amount
        else:
            paid_out += amount
        assert paid_out <= granted + refunded
        assert 0 <= state.paid_cents <= granted
        assert state.status in (S.NOTIFIED, S.RUNNING)
        assert (state.status is S.RUNNING) == (paid_out > 0)


@given(
    status=st.sampled_from(list(ActionStatus)), paid=st.integers(0, 10), granted=st.integers(0, 10)
)
def test_status_following_money_only_moves_forward_along_allowed_steps(
    status: ActionStatus, paid: int, granted: int
) -> None:
    from contrat_desktop.domain.workflow import can_transition

    state = ActionMoney(
        status,
        (LineMoney(FundingLine(1, 7, granted_cents=granted, id=1), min(paid, granted)),),
        True,
    )
    current = status
    for following in status_following_money(state):
        assert can_transition(current, following)
        current = following
