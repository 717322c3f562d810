"""The kinds of reminders, each a small function of a ``ReminderContext``: late bilans,
payments to make, conventions required and not signed, overspent envelopes, requests of a
holder whose previous bilan is missing, status and money that contradict each other.

Each pre-selects through one query of ``storage.reminder_queries`` and decides with the
domain's rules (deadlines, the convention threshold, the contradictions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

from contrat_desktop.domain.conventions import ConventionCheck, own_service
from contrat_desktop.domain.funders import Envelope, EnvelopeUse
from contrat_desktop.domain.funding import ActKind, bilan_deadline, bilan_late
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.money_checks import MoneyTotals, contradictions
from contrat_desktop.domain.payment_rules import PAYABLE, suggested_kind
from contrat_desktop.domain.reminders import Opens, Reminder, written
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus
from contrat_desktop.operations.reminder_context import ReminderContext
from contrat_desktop.storage import reminder_queries as q

S = ActionStatus
# granted but no bilan yet: the bilan is awaited from these
AWAITING_BILAN = frozenset({S.GRANTED, S.NOTIFIED, S.RUNNING, S.REPORT_DUE})
# the grant is alive: its act matters
ACTING = frozenset(MAIN_PATH[MAIN_PATH.index(S.GRANTED) : MAIN_PATH.index(S.REPORT_RECEIVED) + 1])
_ACTS = {kind.value: kind for kind in ActKind}
REQUESTING = frozenset({S.DRAFT, S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW, S.PROPOSED, S.POSTPONED})


def _on_action(
    kind: str,
    label: str,
    row: q.ActionRow,
    due_on: date | None,
    says: Callable[..., str],
    facts: tuple[Any, ...],
    tab: str = "",
    funder_id: int | None = None,
    funder: str = "",
    amount_cents: int | None = None,
) -> Reminder:
    """A reminder about an action, built positionally (thousands per list); its sentence is
    ``says(*facts)``, written when read."""
    return Reminder(
        kind,
        label,
        due_on,
        row.year,
        Opens.ACTION,
        row.action_id,
        row.reference,
        row.holder,
        row.holder_id,
        funder_id,
        funder,
        amount_cents,
        tab,
        says,
        facts,
    )


def _late_rows(context: ReminderContext, every_year: bool = False) -> list[q.ActionRow]:
    """The granted actions whose bilan's deadline has passed, of the campaign asked (or of
    every campaign): read once per list, across campaigns, as a request of one year looks
    at all the years before it."""
    if "late" not in context.shared:
        month_day = context.rules.bilan_deadline_month_day
        last = context.today.year - 1  # the last campaign whose deadline may have passed
        while last > 1900 and not bilan_late(last, None, context.today, month_day):
            last -= 1
        context.shared["late"] = q.actions_without_bilan(
            context.dossier, AWAITING_BILAN, last, None
        )
    rows = cast("list[q.ActionRow]", context.shared["late"])
    if every_year or context.year is None:
        return rows
    return [row for row in rows if row.year == context.year]


def _late_text(title: str, deadline: date) -> str:
    return f"« {title} » : bilan attendu depuis le {deadline:%d/%m/%Y}."


def late_bilans(context: ReminderContext) -> list[Reminder]:
    month_day = context.rules.bilan_deadline_month_day
    deadlines: dict[int, date] = {}
    found = []
    for row in _late_rows(context):
        deadline = deadlines.get(row.year)
        if deadline is None:
            deadline = deadlines[row.year] = bilan_deadline(row.year, month_day)
        found.append(
            _on_action(
                "bilan_late",
                "Bilan en retard",
                row,
                deadline,
                _late_text,
                (row.title, deadline),
                "bilan",
            )
        )
    return found


def _payment_text(funder: str, left: int, paid: int, act: str | None, bilan: bool) -> str:
    kind = suggested_kind(paid, _ACTS.get(act or ""), bilan)
    return f"{funder} : {format_cents(left)} à verser ({kind.label.lower()})."


def payments_due(context: ReminderContext) -> list[Reminder]:
    """Lines granted and not fully paid on actions that can be paid, where a payment is due
    now: nothing paid yet, or the rest once the bilan is in."""
    found = []
    lines = q.lines_to_pay(context.dossier, PAYABLE - {S.SETTLED}, context.year)
    for row in lines:
        left = row.granted_cents - row.paid_cents
        facts = (row.funder, left, row.paid_cents, row.act_kind, row.bilan_received)
        found.append(
            _on_action(
                "payment_due",
                "Versement à faire",
                row.action,
                row.act_signed_on or row.decision_date,
                _payment_text,
                facts,
                "versements",
                row.funder_id,
                row.funder,
                left,
            )
        )
    return found


def unsigned_conventions(context: ReminderContext) -> list[Reminder]:
    threshold = context.rules.convention_threshold_cents
    found = []
    for found_row in q.unsigned_agreements(context.dossier, ACTING, context.years, threshold):
        row = found_row.line
        action = row.action
        check = ConventionCheck(
            row.funder,
            action.year,
            found_row.holder_total_cents,
            threshold,
            _ACTS.get(row.act_kind or ""),
            row.act_signed_on is not None,
            own_service(
                found_row.funder_siret,
                found_row.funder_kind,
                found_row.holder_siret,
                found_row.holder_kind,
            ),
        )
        if check.satisfied:
            continue
        found.append(
            _on_action(
                "convention_unsigned",
                "Convention non signée",
                action,
                row.decision_date,
                ConventionCheck.message,
                (check,),
                "versements",
                row.funder_id,
                row.funder,
                check.holder_total_cents,
            )
        )
    return found


def _envelope_text(row: q.EnvelopeRow, over: int) -> str:
    return (
        f"{row.year} : {format_cents(row.committed_cents)} accordés pour une enveloppe "
        f"de {format_cents(row.amount_cents)} (dépassement de {format_cents(over)})."
    )


def overspent_envelopes(context: ReminderContext) -> list[Reminder]:
    found = []
    for row in q.envelopes_committed(context.dossier, context.years):
        use = EnvelopeUse(
            Envelope(row.funder_id, row.year, row.amount_cents), row.committed_cents, 0
        )
        if not use.over_committed:
            continue
        found.append(
            Reminder(
                "envelope_over",
                "Enveloppe dépassée",
                None,
                row.year,
                opens=Opens.FUNDER,
                funder_id=row.funder_id,
                funder=row.funder,
                amount_cents=-use.left_cents,
                says=_envelope_text,
                facts=(row, -use.left_cents),
            )
        )
    return found


def _request_text(missing: list[q.ActionRow]) -> str:
    names = ", ".join(f"{row.reference} ({row.year})" for row in missing)
    return f"Nouvelle demande alors que le bilan de {names} n'est pas arrivé."


def requests_without_bilan(context: ReminderContext) -> list[Reminder]:
    """A holder asks for a new subsidy while a bilan of an earlier year is late
    (DOMAIN.md §1: the bilan comes before any new request)."""
    month_day = context.rules.bilan_deadline_month_day
    late = _late_rows(context, every_year=True)
    by_holder: dict[int, list[q.ActionRow]] = {}
    for row in late:
        by_holder.setdefault(row.holder_id, []).append(row)
    if not by_holder:
        return []
    first = min(row.year for row in late)
    found = []
    for request in q.requests_of_holders(context.dossier, by_holder, REQUESTING, first):
        if context.year is not None and request.year != context.year:
            continue
        missing = [row for row in by_holder[request.holder_id] if row.year < request.year]
        if not missing:
            continue
        found.append(
            _on_action(
                "request_without_bilan",
                "Demande sans bilan précédent",
                request,
                bilan_deadline(min(row.year for row in missing), month_day),
                _request_text,
                (missing,),
            )
        )
    return found


def money_contradictions(context: ReminderContext) -> list[Reminder]:
    found = []
    for row in q.contradicted_actions(context.dossier, [S.CLOSED], context.years):
        totals = MoneyTotals(
            row.action.status,
            row.granted_cents,
            row.paid_cents,
            row.left_cents,
            row.overpaid_cents,
            row.bilan_received,
        )
        texts = contradictions(totals)
        if texts:
            found.append(
                _on_action(
                    "money_contradiction",
                    "Statut et montants incohérents",
                    row.action,
                    None,
                    written,
                    (" ".join(texts),),
                    "versements",
                )
            )
    return found
