"""Reminders: each kind appears when something is due and disappears once it is fixed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.funders import Envelope
from contrat_desktop.domain.funding import ActKind, FundingLine, Payment, PaymentKind
from contrat_desktop.domain.holders import Holder
from contrat_desktop.domain.reminders import Opens
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.bilans import save_bilan
from contrat_desktop.operations.payments import record_payments
from contrat_desktop.operations.reminders import REMINDER_KINDS, count_by_kind, list_reminders
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.funding_fixtures import grant

S = ActionStatus


def kinds(dossier: Dossier, today: date, year: int | None = None) -> dict[str, int]:
    return count_by_kind(list_reminders(dossier, year, today))


def test_a_late_bilan_appears_the_day_after_the_deadline_and_goes_when_received(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    granted = grant(repos, make_action(year=2025), S.NOTIFIED)
    assert "bilan_late" not in kinds(dossier, date(2026, 6, 30))  # across the year change
    (late,) = [r for r in list_reminders(dossier, today=date(2026, 7, 1)) if r.kind == "bilan_late"]
    assert late.action_id == granted.action.id and late.due_on == date(2026, 6, 30)
    assert late.tab == "bilan" and late.year == 2025
    repos.settings.set("rules.bilan_deadline_month_day", "09-30")  # a dossier's own deadline
    assert "bilan_late" not in kinds(dossier, date(2026, 7, 1))
    assert "bilan_late" in kinds(dossier, date(2026, 10, 1))
    save_bilan(dossier, None, Report(granted.action.id or 0, date(2026, 10, 2)), date(2026, 10, 2))
    assert "bilan_late" not in kinds(dossier, date(2026, 10, 3))


def test_payments_due_until_paid_then_the_solde_once_the_bilan_is_in(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    granted = grant(repos, make_action(), S.NOTIFIED)
    today = date(2026, 9, 1)
    due = [r for r in list_reminders(dossier, today=today) if r.kind == "payment_due"]
    assert {r.funder_id for r in due} == {granted.state.id, granted.town.id}
    assert {r.amount_cents for r in due} == {1_000_000, 400_000}
    town = Payment(granted.town_line.id or 0, PaymentKind.SINGLE, 400_000, date(2026, 6, 1))
    advance = Payment(granted.state_line.id or 0, PaymentKind.ADVANCE, 500_000, date(2026, 6, 1))
    record_payments(dossier, [town, advance], today=today)
    assert "payment_due" not in kinds(dossier, today)  # the rest waits for the bilan
    save_bilan(dossier, None, Report(granted.action.id or 0, date(2026, 8, 1)), today)
    (solde,) = [r for r in list_reminders(dossier, today=today) if r.kind == "payment_due"]
    assert solde.amount_cents == 500_000 and "solde" in solde.text
    rest = Payment(granted.state_line.id or 0, PaymentKind.BALANCE, 500_000, date(2026, 8, 2))
    record_payments(dossier, [rest], today=today)
    assert "payment_due" not in kinds(dossier, today)


def test_a_convention_is_asked_above_23_000_euros_for_one_holder_and_funder(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    holder = repos.holders.add(Holder("Maison de quartier", "association"))
    today = date(2026, 9, 1)
    first = grant(repos, make_action(holder_id=holder.id), S.NOTIFIED, 1_300_000, 0)
    second = grant(repos, make_action(holder_id=holder.id), S.NOTIFIED, 1_000_000, 0)
    assert "convention_unsigned" not in kinds(dossier, today)  # 23 000,00 € exactly
    line = repos.funding_lines.get(second.state_line.id or 0)
    repos.funding_lines.update(replace(line, granted_cents=1_000_001))
    found = [r for r in list_reminders(dossier, today=today) if r.kind == "convention_unsigned"]
    assert {r.action_id for r in found} == {first.action.id, second.action.id}
    assert "23\u202f000,01\u00a0€ accordés" in found[0].text
    for granted in (first, second):
        line = repos.funding_lines.get(granted.state_line.id or 0)
        repos.funding_lines.update(replace(line, act_kind=ActKind.AGREEMENT))
    assert kinds(dossier, today)["convention_unsigned"] == 2  # not signed yet
    for granted in (first, second):
        line = repos.funding_lines.get(granted.state_line.id or 0)
        repos.funding_lines.update(replace(line, act_signed_on=date(2026, 5, 20)))
    assert "convention_unsigned" not in kinds(dossier, today)


def test_an_overspent_envelope_until_it_is_raised(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    granted = grant(repos, make_action(), S.GRANTED)
    envelope = repos.envelopes.add(Envelope(granted.state.id or 0, 2026, 900_000))
    (over,) = [r for r in list_reminders(dossier, 2026) if r.kind == "envelope_over"]
    assert over.opens is Opens.FUNDER and over.funder_id == granted.state.id
    assert over.amount_cents == 100_000 and "dépassement de 1\u202f000,00\u00a0€" in over.text
    repos.envelopes.update(replace(envelope, amount_cents=1_000_000))
    assert "envelope_over" not in kinds(dossier, date.today(), 2026)


def test_a_new_request_while_the_previous_bilan_is_missing(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    holder = repos.holders.add(Holder("Club de boxe", "association"))
    old = grant(repos, make_action(year=2025, holder_id=holder.id), S.RUNNING)
    new = make_action(year=2026, holder_id=holder.id)
    repos.actions.change_status(new, S.FILED)
    today = date(2026, 10, 1)
    (found,) = [
        r for r in list_reminders(dossier, today=today) if r.kind == "request_without_bilan"
    ]
    assert found.action_id == new.id and old.action.reference in found.text
    assert [r.kind for r in list_reminders(dossier, 2026, today)].count(
        "request_without_bilan"
    ) == 1
    save_bilan(dossier, None, Report(old.action.id or 0, date(2026, 9, 1)), today)
    assert "request_without_bilan" not in kinds(dossier, today)


def test_status_and_money_contradictions_until_corrected(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    under_review = make_action()
    for step in (S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW):
        under_review = repos.actions.change_status(under_review, step)
    state = grant(repos, make_action(), S.GRANTED).state
    # a grant written while the action is still under review (an import, an old file)
    line = repos.funding_lines.add(
        FundingLine(under_review.id or 0, state.id or 0, granted_cents=500_000)
    )
    (found,) = [r for r in list_reminders(dossier) if r.kind == "money_contradiction"]
    assert found.action_id == under_review.id and "« En instruction »" in found.text
    repos.funding_lines.update(replace(line, granted_cents=None))
    assert "money_contradiction" not in kinds(dossier, date.today())


def test_every_kind_is_listed_once_with_a_french_label() -> None:
    codes = [kind.code for kind in REMINDER_KINDS]
    assert len(codes) == len(set(codes)) == 7
    assert all(kind.label[0].isupper() for kind in REMINDER_KINDS)


def test_the_query_finds_exactly_the_actions_the_domain_rules_flag(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    """Random statuses, grants, payments and bilans: the contradictions the reminders list
    are those ``contradictions`` finds on each action's money, no more, no fewer."""
    import random

    from contrat_desktop.domain.money_checks import contradictions
    from contrat_desktop.storage.action_money import money_of_actions

    rng = random.Random(7)
    first = grant(repos, make_action(), S.UNDER_REVIEW)  # granted while under review
    state = first.state
    ids = [first.action.id or 0]
    for _ in range(80):
        action = make_action()
        repos.actions.correct_status(
            action.id or 0, rng.choice([s for s in S if s is not S.CLOSED]), "essai", 1
        )
        granted = rng.choice([None, 0, 1000, 5000])
        line = repos.funding_lines.add(
            FundingLine(action.id or 0, state.id or 0, granted_cents=granted)
        )
        for _ in range(rng.randrange(3)):
            kind = rng.choice([PaymentKind.SINGLE, PaymentKind.REFUND])
            repos.payments.add(
                Payment(line.id or 0, kind, rng.choice([500, 1000, 5000]), date(2026, 6, 1))
            )
        if rng.random() < 0.4:
            repos.reports.add(Report(action.id or 0, date(2027, 3, 1)))
        ids.append(action.id or 0)
    money = money_of_actions(dossier, ids)
    expected = {i for i in ids if contradictions(money[i])}
    listed = {r.action_id for r in list_reminders(dossier, 2026) if r.kind == "money_contradiction"}
    assert listed == expected and len(expected) > 10
    texts = {
        r.action_id: r.text
        for r in list_reminders(dossier, 2026)
        if r.kind == "money_contradiction"
    }
    assert all(texts[i] == " ".join(contradictions(money[i])) for i in expected)
