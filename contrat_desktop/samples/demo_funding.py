"""Money of the demo dossier: funding lines, payments, budgets, bilans and envelopes.

Amounts are invented (deterministic for the demo's random seed) and consistent: proposed
≤ requested, granted = proposed, payments follow the status, envelopes cover the grants.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from datetime import date

from contrat_desktop.domain.actions import Action, Beneficiaries
from contrat_desktop.domain.bilans import ObjectivesMet, Report
from contrat_desktop.domain.funders import Envelope, Funder
from contrat_desktop.domain.funding import FundingLine, Payment, PaymentKind, suggested_act_kind
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus
from contrat_desktop.storage.repositories import Repositories

S = ActionStatus
SINGLE_UP_TO = 300_000  # 3 000 €: one versement unique, no advance


def _reached(status: ActionStatus, milestone: ActionStatus) -> bool:
    return status in MAIN_PATH and MAIN_PATH.index(status) >= MAIN_PATH.index(milestone)


def build_funding(
    repos: Repositories,
    rng: random.Random,
    year: int,
    pending: list[tuple[Action, Funder, ActionStatus]],
) -> None:
    """Funding lines, payments, budgets, bilans and envelopes of one demo campaign."""
    amounts: list[tuple[Action, Funder, ActionStatus, int, int | None, int | None]] = []
    granted_by_pair: dict[tuple[int, int], int] = defaultdict(int)
    for action, funder, status in pending:
        big = funder.short_name in {"État BOP 147", "Ville"}
        requested = rng.randrange(15, 300 if big else 120) * 10_000
        proposed = granted = None
        if _reached(status, S.PROPOSED) or status in {S.REFUSED, S.POSTPONED}:
            proposed = requested * rng.choice([100, 100, 90, 80, 75]) // 100 // 10_000 * 10_000
        if _reached(status, S.GRANTED):
            granted = proposed
        elif status is S.REFUSED:
            granted = 0
        amounts.append((action, funder, status, requested, proposed, granted))
        granted_by_pair[(action.holder_id, funder.id or 0)] += granted or 0
    requested_by_action: dict[int, int] = defaultdict(int)
    for action, funder, status, requested, proposed, granted in amounts:
        assert action.id is not None and funder.id is not None
        requested_by_action[action.id] += requested
        decided = granted is not None and granted > 0
        line = repos.funding_lines.add(
            FundingLine(
                action_id=action.id,
                funder_id=funder.id,
                requested_cents=requested,
                proposed_cents=proposed,
                granted_cents=granted,
                decision_reference=f"{year}-{funder.id:02d}-{action.id:04d}" if decided else "",
                decision_date=date(year, 4, 28) if decided else None,
                act_kind=(
                    suggested_act_kind(granted_by_pair[(action.holder_id, funder.id)])
                    if decided
                    else None
                ),
            )
        )
        if decided and granted is not None:
            _payments(repos, line, status, year, granted)
    _budgets_and_reports(
        repos, rng, year, {a.id: (a, s) for a, _, s in pending if a.id}, requested_by_action
    )
    _envelopes(repos, year, amounts)


def _payments(
    repos: Repositories, line: FundingLine, status: ActionStatus, year: int, granted: int
) -> None:
    assert line.id is not None
    if not _reached(status, S.RUNNING):
        return
    if granted <= SINGLE_UP_TO:  # a small grant is paid at once
        repos.payments.add(
            Payment(line.id, PaymentKind.SINGLE, granted, date(year, 6, 15), f"Mandat {line.id}")
        )
        return
    advance = granted // 2 // 100 * 100
    repos.payments.add(
        Payment(line.id, PaymentKind.ADVANCE, advance, date(year, 6, 15), f"EJ 2100{line.id:06d}")
    )
    if _reached(status, S.SETTLED):
        repos.payments.add(
            Payment(
                line.id,
                PaymentKind.BALANCE,
                granted - advance,
                date(year + 1, 7, 10),
                f"EJ 2100{line.id:06d}",
            )
        )


def _budgets_and_reports(
    repos: Repositories,
    rng: random.Random,
    year: int,
    actions: dict[int, tuple[Action, ActionStatus]],
    requested_by_action: dict[int, int],
) -> None:
    for action_id, (_, status) in actions.items():
        current = repos.actions.get(action_id)
        requested = requested_by_action[action_id]
        own = requested * rng.randrange(5, 30) // 100 // 100 * 100
        other = rng.choice([0, 0, 50_000, 120_000])
        balanced = rng.random() < 0.93  # a few budgets do not balance, to show the warning
        total = requested + own + other + (0 if balanced else 150_000)
        current = repos.actions.update(
            replace(current, total_cost_cents=total, own_funds_cents=own, other_income_cents=other)
        )
        if _reached(status, S.REPORT_RECEIVED):
            realised = total * rng.randrange(85, 101) // 100
            beneficiaries = current.beneficiaries
            reached = (beneficiaries.total or 0) * rng.randrange(70, 110) // 100
            repos.reports.add(
                Report(
                    action_id=action_id,
                    received_on=date(year + 1, rng.randrange(3, 7), rng.randrange(1, 28)),
                    realised_cost_cents=realised,
                    realised_funding_cents=realised - own,
                    beneficiaries=Beneficiaries(total=reached, qpv_share_percent=80),
                    sessions_held=rng.randrange(10, 60),
                    objectives_met=rng.choice(list(ObjectivesMet)),
                    assessment="Action conforme au projet ; fréquentation régulière.",
                )
            )


def _envelopes(
    repos: Repositories,
    year: int,
    amounts: list[tuple[Action, Funder, ActionStatus, int, int | None, int | None]],
) -> None:
    totals: dict[int, int] = defaultdict(int)
    for _, funder, _, requested, _, granted in amounts:
        totals[funder.id or 0] += granted if granted is not None else requested * 8 // 10
    for funder_id, total in sorted(totals.items()):
        amount = (total * 105 // 100 + 99_999) // 100_000 * 100_000  # rounded up to 1 000 €
        repos.envelopes.add(Envelope(funder_id=funder_id, year=year, amount_cents=amount))
