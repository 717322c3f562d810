"""The kinds of reminders, each a small function of a ``ReminderContext``: late bilans,
payments to make, conventions required and not signed, overspent envelopes, requests of a
holder whose previous bilan is missing, status and money that contradict each other.

Each pre-selects through one query of ``storage.reminder_queries`` and decides with the
domain's rules (deadlines, the convention threshold, the contradictions)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import cast

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


A = Opens.ACTION
_day = date.fromisoformat
# a reminder built from its fields in order: tuple.__new__ skips NamedTuple's Python-level
# __new__ (1 µs of the 2 µs a reminder costs; thousands per list)
_new = tuple.__new__


def _deadlines(context: ReminderContext, years: Iterable[int]) -> dict[int, date]:
    """The bilan deadline of each campaign of ``years``."""
    month_day = context.rules.bilan_deadline_month_day
    return {year: bilan_deadline(year, month_day) for year in set(years)}


def _last_late_year(context: ReminderContext) -> int:
    """The last campaign whose bilans' deadline has passed."""
    month_day = context.rules.bilan_deadline_month_day
    last = context.today.year - 1  # the last campaign whose deadline may have passed
    while last > 1900 and not bilan_late(last, None, context.today, month_day):
        last -= 1
    return last


def _late_rows(context: ReminderContext, every_year: bool = False) -> list[q.LateRow]:
    """The granted actions whose bilan's deadline has passed, of the campaign asked (or of
    every campaign): read once per list, across campaigns, as a request of one year looks
    at all the years before it."""
    if "late" not in context.shared:
        context.shared["late"] = q.actions_without_bilan(
            context.dossier, AWAITING_BILAN, _last_late_year(context), None
        )
    rows = cast("list[q.LateRow]", context.shared["late"])
    if every_year or context.year is None:
        return rows
    return [row for row in rows if row[-1] == context.year]


def _late_text(title: str, deadline: date) -> str:
    return f"« {title} » : bilan attendu depuis le {deadline:%d/%m/%Y}."


def late_bilans(context: ReminderContext) -> list[Reminder]:
    """Reminders are built from their fields in order, straight from the rows (thousands per
    list), in the order of the rows (by action); each sentence is ``says(*facts)``, written
    when read."""
    rows = _late_rows(context)
    due = _deadlines(context, (year for *_, year in rows))
    holders = context.holders
    return [
        _new(Reminder, (
            "bilan_late", "Bilan en retard", due[year], year, A, action, reference,
            holders[holder_id][0], holder_id, None, "", None, "bilan", _late_text,
            (title, due[year]),
        ))
        for action, reference, title, holder_id, year in rows
    ]  # fmt: skip


def _payment_text(funder: str, left: int, paid: int, act: str | None, bilan: int) -> str:
    kind = suggested_kind(paid, _ACTS.get(act or ""), bool(bilan))
    return f"{funder} : {format_cents(left)} à verser ({kind.label.lower()})."


def payments_due(context: ReminderContext) -> list[Reminder]:
    """Lines granted and not fully paid on actions that can be paid, where a payment is due
    now: nothing paid yet, or the rest once the bilan is in."""
    holders = context.holders
    funders = {funder_id: facts[0] for funder_id, facts in context.funders.items()}
    return [
        _new(Reminder, (
            "payment_due", "Versement à faire", _day(due) if due else None, year, A, action,
            reference, holders[holder_id][0], holder_id, funder_id, funders[funder_id],
            granted - paid, "versements", _payment_text,
            (funders[funder_id], granted - paid, paid, act, bilan),
        ))
        for (action, reference, holder_id, year, funder_id, granted, paid, act, due,
             bilan) in q.lines_to_pay(context.dossier, PAYABLE - {S.SETTLED}, context.year)
    ]  # fmt: skip


def unsigned_conventions(context: ReminderContext) -> list[Reminder]:
    threshold = context.rules.convention_threshold_cents
    holders, funders = context.holders, context.funders
    found = []
    for (action, reference, holder_id, year, funder_id, act_kind, signed, decided, total,
    ) in q.unsigned_agreements(context.dossier, ACTING, context.years, threshold):  # fmt: skip
        holder, holder_siret, holder_kind = holders[holder_id]
        funder, funder_siret, funder_kind = funders[funder_id]
        own = own_service(funder_siret, funder_kind, holder_siret, holder_kind)
        act = _ACTS.get(act_kind or "")
        check = ConventionCheck(funder, year, total, threshold, act, bool(signed), own)
        if check.satisfied:
            continue
        found.append(
            _new(Reminder, (
                "convention_unsigned", "Convention non signée",
                _day(decided) if decided else None, year, A, action, reference, holder,
                holder_id, funder_id, funder, total, "versements", ConventionCheck.message,
                (check,),
            ))
        )  # fmt: skip
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


def _request_text(late: list[q.LateRow], year: int) -> str:
    names = ", ".join(f"{row[1]} ({row[-1]})" for row in late if row[-1] < year)
    return f"Nouvelle demande alors que le bilan de {names} n'est pas arrivé."


def requests_without_bilan(context: ReminderContext) -> list[Reminder]:
    """A holder asks for a new subsidy while a bilan of an earlier year is late
    (DOMAIN.md §1: the bilan comes before any new request). The late bilans are those the
    list reads once (across campaigns); the requests are then kept in Python."""
    by_holder: dict[int, list[q.LateRow]] = {}  # each holder's, earliest campaign first
    for row in _late_rows(context, every_year=True):
        by_holder.setdefault(row[3], []).append(row)
    if not by_holder:
        return []
    first = {holder_id: late[0][-1] for holder_id, late in by_holder.items()}
    requests = [
        row
        for row in q.requested_actions(context.dossier, REQUESTING, context.year)
        if row[2] in first and row[3] > first[row[2]]
    ]
    due = _deadlines(context, (first[holder_id] for _, _, holder_id, _ in requests))
    holders = context.holders
    return [
        _new(Reminder, (
            "request_without_bilan", "Demande sans bilan précédent",
            due[first[holder_id]], year, A, action, reference, holders[holder_id][0],
            holder_id, None, "", None, "", _request_text, (by_holder[holder_id], year),
        ))
        for action, reference, holder_id, year in requests
    ]  # fmt: skip


def money_contradictions(context: ReminderContext) -> list[Reminder]:
    found = []
    for r in q.contradicted_actions(context.dossier, [S.CLOSED], context.years):
        totals = MoneyTotals(
            ActionStatus(r.status), r.granted_cents, r.paid_cents, r.left_cents,
            r.overpaid_cents, bool(r.bilan_received),
        )  # fmt: skip
        texts = contradictions(totals)
        if texts:
            found.append(
                Reminder(
                    "money_contradiction", "Statut et montants incohérents", None, r.year, A,
                    r.action_id, r.reference, r.holder, r.holder_id, None, "", None,
                    "versements", written, (" ".join(texts),),
                )
            )  # fmt: skip
    return found
