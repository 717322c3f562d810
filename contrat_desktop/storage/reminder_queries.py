"""The reads behind the reminders ("À faire"), one query per kind, each returning only the
rows that are due: filtered by status first (an index), so that a dossier of 50 000 actions
answers in a few milliseconds. What is due, and what it says, is decided in
``operations.reminder_kinds`` with the domain's rules; these queries only pre-select.

Rows are named tuples built positionally (a frozen dataclass costs ~8 µs a row to build,
a tuple ~1 µs: thousands of rows are read after every edit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from contrat_desktop.domain.money_checks import RULES, Condition
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.database import Dossier

HOLDER_NAME = (
    "CASE WHEN h.acronym <> '' THEN h.legal_name || ' (' || h.acronym || ')' ELSE h.legal_name END"
)
BILAN_RECEIVED = (
    "EXISTS (SELECT 1 FROM report r WHERE r.action_id = a.id AND r.received_on IS NOT NULL)"
)


class ActionRow(NamedTuple):
    """An action as a reminder names it."""

    action_id: int
    reference: str
    title: str
    holder_id: int
    holder: str
    year: int
    status: ActionStatus


class LineRow(NamedTuple):
    action: ActionRow
    line_id: int
    funder_id: int
    funder: str
    granted_cents: int
    paid_cents: int
    act_kind: str | None
    act_signed_on: date | None
    decision_date: date | None
    bilan_received: bool


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _codes(statuses: Iterable[ActionStatus]) -> list[str]:
    return sorted(status.value for status in statuses)


def _year_filter(year: int | None) -> tuple[str, list[Any]]:
    return ("AND c.year = ?", [year]) if year is not None else ("", [])


_ACTION = f"a.id, a.reference, a.title, a.holder_id, {HOLDER_NAME}, c.year, a.status"


_STATUS = {status.value: status for status in ActionStatus}  # faster than ActionStatus(code)


def _action(row: Sequence[Any]) -> ActionRow:
    return ActionRow(row[0], row[1], row[2], row[3], row[4], row[5], _STATUS[row[6]])


def actions_without_bilan(
    dossier: Dossier, statuses: Iterable[ActionStatus], last_year: int, year: int | None
) -> list[ActionRow]:
    """Granted actions in ``statuses`` of campaigns up to ``last_year`` with no bilan."""
    codes = _codes(statuses)
    where, params = _year_filter(year)
    return [
        _action(row)
        for row in dossier.db.execute(
            f"""
            SELECT {_ACTION} FROM action a
            JOIN campaign c ON c.id = a.campaign_id JOIN holder h ON h.id = a.holder_id
            WHERE a.status IN ({_marks(codes)}) AND c.year <= ? {where}
              AND NOT {BILAN_RECEIVED}
              AND EXISTS (SELECT 1 FROM funding_line fl
                          WHERE fl.action_id = a.id AND fl.granted_cents > 0)
            ORDER BY c.year, a.reference
            """,
            [*codes, last_year, *params],
        )
    ]


LINES_TO_PAY = f"fl.granted_cents > fl.paid_cents AND (fl.paid_cents = 0 OR {BILAN_RECEIVED})"
_LINE_COLUMNS = f"""
    SELECT {_ACTION}, fl.id, fl.funder_id, f.name, fl.granted_cents, fl.paid_cents,
           fl.act_kind, fl.act_signed_on, fl.decision_date, {BILAN_RECEIVED}"""
# CROSS JOIN keeps SQLite's order: the actions first (selected by status), then their lines
_LINE_FROM = """
    FROM action a CROSS JOIN funding_line fl ON fl.action_id = a.id
    JOIN campaign c ON c.id = a.campaign_id JOIN holder h ON h.id = a.holder_id
    JOIN funder f ON f.id = fl.funder_id
"""


def _line(row: Sequence[Any]) -> LineRow:
    return LineRow(
        _action(row), row[7], row[8], row[9], row[10], row[11], row[12],
        _day(row[13]), _day(row[14]), bool(row[15]),
    )  # fmt: skip


def lines_to_pay(
    dossier: Dossier, statuses: Iterable[ActionStatus], year: int | None
) -> list[LineRow]:
    """The lines of the actions in ``statuses`` with money to pay now: nothing paid yet, or
    the rest once the bilan is in."""
    codes = _codes(statuses)
    where, params = _year_filter(year)
    return [
        _line(row)
        for row in dossier.db.execute(
            f"""{_LINE_COLUMNS} {_LINE_FROM}
            WHERE a.status IN ({_marks(codes)}) AND {LINES_TO_PAY} {where}
            ORDER BY c.year, a.reference, f.position
            """,
            [*codes, *params],
        )
    ]


class AgreementRow(NamedTuple):
    """A line of a holder above the convention threshold with that funder, and who the
    two parties are (a funder paying its own service needs no convention)."""

    line: LineRow
    holder_total_cents: int
    funder_siret: str
    funder_kind: str
    holder_siret: str
    holder_kind: str


def unsigned_agreements(
    dossier: Dossier, statuses: Iterable[ActionStatus], years: Sequence[int], threshold: int
) -> list[AgreementRow]:
    """The lines of the actions in ``statuses`` of ``years`` whose holder got more than
    ``threshold`` from that funder that year, with no signed convention (or CPO); each with
    that total."""
    if not years:
        return []
    codes = _codes(statuses)
    return [
        AgreementRow(_line(row), *row[16:21])
        for row in dossier.db.execute(
            f"""
            WITH totals AS (
                SELECT a.holder_id, fl.funder_id, a.campaign_id, sum(fl.granted_cents) AS total
                FROM campaign c JOIN action a ON a.campaign_id = c.id
                JOIN funding_line fl ON fl.action_id = a.id
                WHERE c.year IN ({_marks(years)}) AND fl.granted_cents > 0
                GROUP BY a.holder_id, fl.funder_id, a.campaign_id HAVING total > ?)
            {_LINE_COLUMNS}, t.total, f.siret, f.kind, h.siret, h.kind {_LINE_FROM}
            CROSS JOIN totals t ON t.holder_id = a.holder_id AND t.funder_id = fl.funder_id
                         AND t.campaign_id = a.campaign_id
            WHERE a.status IN ({_marks(codes)}) AND fl.granted_cents > 0
              AND NOT (coalesce(fl.act_kind, '') IN ('convention', 'cpo')
                       AND fl.act_signed_on IS NOT NULL)
            ORDER BY c.year, a.reference, f.position
            """,
            [*years, threshold, *codes],
        )
    ]


def open_years(dossier: Dossier, statuses: Iterable[ActionStatus]) -> list[int]:
    """The campaign years that hold at least one action in ``statuses``."""
    codes = _codes(statuses)
    return [
        year
        for (year,) in dossier.db.execute(
            f"SELECT DISTINCT c.year FROM campaign c WHERE EXISTS (SELECT 1 FROM action a "
            f"WHERE a.campaign_id = c.id AND a.status IN ({_marks(codes)})) ORDER BY c.year",
            codes,
        )
    ]


class TotalsRow(NamedTuple):
    action: ActionRow
    granted_cents: int
    paid_cents: int
    left_cents: int
    overpaid_cents: int
    bilan_received: bool


class EnvelopeRow(NamedTuple):
    funder_id: int
    funder: str
    year: int
    amount_cents: int
    committed_cents: int


def envelopes_committed(dossier: Dossier, years: Iterable[int]) -> list[EnvelopeRow]:
    """Each envelope of ``years`` with what its funder granted on that year's actions."""
    wanted = sorted(set(years))
    if not wanted:
        return []
    return [
        EnvelopeRow(*row)
        for row in dossier.db.execute(
            f"""
            SELECT e.funder_id, f.name, e.year, e.amount_cents, coalesce(s.total, 0)
            FROM envelope e JOIN funder f ON f.id = e.funder_id
            LEFT JOIN (
                SELECT c.year, fl.funder_id, sum(fl.granted_cents) AS total
                FROM campaign c JOIN action a ON a.campaign_id = c.id
                JOIN funding_line fl ON fl.action_id = a.id
                WHERE c.year IN ({_marks(wanted)}) GROUP BY c.year, fl.funder_id
            ) s ON s.year = e.year AND s.funder_id = e.funder_id
            WHERE e.year IN ({_marks(wanted)})
            ORDER BY e.year, f.position
            """,
            [*wanted, *wanted],
        )
    ]


def requests_of_holders(
    dossier: Dossier, holder_ids: Iterable[int], statuses: Iterable[ActionStatus], after: int
) -> list[ActionRow]:
    """The actions in ``statuses`` of these holders in campaigns after ``after``."""
    holders = sorted(set(holder_ids))
    if not holders:
        return []
    codes = _codes(statuses)
    found: list[ActionRow] = []
    for start in range(0, len(holders), 500):
        chunk = holders[start : start + 500]
        found += [
            _action(row)
            for row in dossier.db.execute(
                f"""
                SELECT {_ACTION} FROM action a
                JOIN campaign c ON c.id = a.campaign_id JOIN holder h ON h.id = a.holder_id
                WHERE a.holder_id IN ({_marks(chunk)}) AND a.status IN ({_marks(codes)})
                  AND c.year > ?
                ORDER BY c.year, a.reference
                """,
                [*chunk, *codes, after],
            )
        ]
    return found


_CONDITION_SQL = {
    Condition.GRANTED: "g > 0",
    Condition.PAID: "p > 0",
    Condition.OVERPAID: "lft - (g - p) > 0",  # paid beyond granted on some line
    Condition.NOTHING_GRANTED: "g = 0",
    Condition.NOTHING_PAID: "g > 0 AND p <= 0",
    Condition.LEFT_TO_PAY: "lft > 0",
    Condition.NO_BILAN: "g > 0 AND NOT bilan",
}


def _contradiction_filter() -> tuple[str, list[str]]:
    """The domain's contradiction rules as a SQL condition on the per-action sums."""
    parts, params = [], []
    for rule in RULES:
        condition = _CONDITION_SQL[rule.condition]
        if rule.statuses is not None:
            codes = _codes(rule.statuses)
            condition = f"status IN ({_marks(codes)}) AND {condition}"
            params += codes
        parts.append(f"({condition})")
    return " OR ".join(parts), params


def contradicted_actions(
    dossier: Dossier, excluded: Iterable[ActionStatus], years: Sequence[int]
) -> list[TotalsRow]:
    """The actions of ``years`` (but those in ``excluded``) whose status and amounts
    contradict each other by one of the domain's rules, with their sums."""
    if not years:
        return []
    codes = _codes(excluded)
    having, having_params = _contradiction_filter()
    # three sums per action (each costs): what is over-paid is what is left less granted-paid;
    # grouped in the index's order (campaign, status, id: no sorting of 10 000 actions), the
    # names joined for the few actions found only
    rows = dossier.db.execute(
        f"""
        SELECT {_ACTION}, m.g, m.p, m.lft, m.lft - (m.g - m.p), m.bilan
        FROM (
            SELECT a.id, a.status, coalesce(sum(fl.granted_cents), 0) AS g,
                   coalesce(sum(fl.paid_cents), 0) AS p,
                   coalesce(sum(max(coalesce(fl.granted_cents, 0) - fl.paid_cents, 0)), 0) AS lft,
                   {BILAN_RECEIVED} AS bilan
            FROM action a LEFT JOIN funding_line fl ON fl.action_id = a.id
            WHERE a.status NOT IN ({_marks(codes)})
              AND a.campaign_id IN (SELECT id FROM campaign WHERE year IN ({_marks(years)}))
            GROUP BY a.campaign_id, a.status, a.id
            HAVING {having}
        ) m
        JOIN action a ON a.id = m.id
        JOIN campaign c ON c.id = a.campaign_id JOIN holder h ON h.id = a.holder_id
        ORDER BY c.year, a.reference
        """,
        [*codes, *years, *having_params],
    )
    return [TotalsRow(_action(row), row[7], row[8], row[9], row[10], bool(row[11])) for row in rows]
