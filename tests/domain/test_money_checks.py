"""Status and money contradictions (issue 16 point 8) and the moves the money refuses."""

from __future__ import annotations

from contrat_desktop.domain.action_money import ActionMoney, LineMoney
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.money_checks import check_move, contradictions
from contrat_desktop.domain.workflow import ActionStatus

S = ActionStatus


def money(
    status: ActionStatus, granted: int | None = 0, paid: int = 0, bilan: bool | None = None
) -> ActionMoney:
    return ActionMoney(
        status, (LineMoney(FundingLine(1, 2, granted_cents=granted, id=3), paid),), bilan
    )


def test_a_coherent_action_has_no_contradiction() -> None:
    assert contradictions(money(S.UNDER_REVIEW, None)) == []
    assert contradictions(money(S.RUNNING, 1000, 500)) == []
    assert contradictions(money(S.SETTLED, 1000, 1000, bilan=True)) == []


def test_granted_while_under_review_or_refused() -> None:
    (text,) = contradictions(money(S.UNDER_REVIEW, 1_200_000))
    assert text == "12\u202f000,00\u00a0€ accordés alors que l'action est « En instruction »."
    assert "« Refusé »" in contradictions(money(S.REFUSED, 100))[0]


def test_paid_too_early_overpaid_settled_with_money_left_and_missing_bilan() -> None:
    assert any("versés alors" in t for t in contradictions(money(S.NOTIFIED, 1000, 10)))
    assert any("au-delà de l'accordé" in t for t in contradictions(money(S.RUNNING, 1000, 1500)))
    assert any("reste 5,00" in t for t in contradictions(money(S.SETTLED, 1000, 500, True)))
    assert any("sans bilan saisi" in t for t in contradictions(money(S.SETTLED, 1000, 1000, False)))
    assert any("sans aucun montant" in t for t in contradictions(money(S.NOTIFIED, 0)))
    assert any("sans aucun versement" in t for t in contradictions(money(S.RUNNING, 1000, 0)))


def test_a_move_to_abandoned_or_refused_is_refused_once_money_was_paid() -> None:
    verdict = check_move(money(S.NOTIFIED, 1000, 300), S.ABANDONED)
    assert verdict.errors and "reversement" in verdict.errors[0]
    assert not check_move(money(S.NOTIFIED, 1000, 0), S.ABANDONED).errors


def test_a_move_that_creates_a_contradiction_is_warned() -> None:
    verdict = check_move(money(S.PROPOSED, 1000), S.REFUSED)
    assert verdict.warnings == ("10,00\u00a0€ accordés alors que l'action est « Refusé ».",)
    assert check_move(money(S.REPORT_RECEIVED, 1000, 500, True), S.SETTLED).warnings
    assert not check_move(money(S.REPORT_RECEIVED, 1000, 1000, True), S.SETTLED).warnings
    assert check_move(money(S.GRANTED, 1000), S.NOTIFIED, act_recorded=False).warnings
