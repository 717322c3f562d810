"""The reads behind the reminders ("À faire"), one query per kind, each returning only the
rows that are due: filtered by status first (an index), so that a dossier of 50 000 actions
answers in a few milliseconds. What is due, and what it says, is decided in
``operations.reminder_kinds`` with the domain's rules; these queries only pre-select.

Rows are named tuples built positionally (a frozen dataclass costs ~8 µs a row to build,
a tuple ~1 µs: thousands of rows are read after every edit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from contrat_desktop.domain.money_checks import RULES, Condition
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reminder_indexes_schema import UNSIGNED_LINE

HOLDER_NAME = (
    "CASE WHEN h.acronym <> '' THEN h.legal_name || ' (' || h.acronym || ')' ELSE h.legal_name END"
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


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _codes(statuses: Iterable[ActionStatus]) -> list[str]:
    return sorted(status.value for status in statuses)


def _year_filter(year: int | None) -> tuple[str, list[Any]]:
    """The actions ``a`` of campaign ``year`` (None: any): by campaign id, so that the index
    on status and campaign finds them."""
    if year is None:
        return "", []
    return "AND a.campaign_id IN (SELECT id FROM campaign WHERE year = ?)", [year]


_ACTION = f"a.id, a.reference, a.title, a.holder_id, {HOLDER_NAME}, c.year, a.status"


# The rows of the largest reads (thousands per list, read after every edit) are plain
# tuples, their columns in the order their alias says: the kinds unpack them (a named tuple
# per row, and reading its fields by name, cost three times as much).

# an action {a} whose bilan is awaited, of a campaign {c} up to a year: granted, no bilan
# in (its sums kept by triggers, 0018); then the statuses' marks and that year
_WITHOUT_BILAN = """{a}.status IN ({marks}) AND {c}.year <= ?
    AND EXISTS (SELECT 1 FROM action_total m
                WHERE m.action_id = {a}.id AND NOT m.bilan_received AND m.granted_cents > 0)"""


# an action whose bilan is awaited: action id, reference, title, holder id, year
LateRow = tuple[int, str, str, int, int]


def actions_without_bilan(
    dossier: Dossier, statuses: Iterable[ActionStatus], last_year: int, year: int | None
) -> list[LateRow]:
    """Granted actions in ``statuses`` of campaigns up to ``last_year`` with no bilan, by
    campaign then reference."""
    codes = _codes(statuses)
    where, params = _year_filter(year)
    late = _WITHOUT_BILAN.format(a="a", c="c", marks=_marks(codes))
    rows: list[LateRow] = dossier.db.execute(
        f"""
        SELECT a.id, a.reference, a.title, a.holder_id, c.year FROM action a
        CROSS JOIN campaign c ON c.id = a.campaign_id
        WHERE {late} {where}
        ORDER BY c.year, a.reference
        """,
        [*codes, last_year, *params],
    ).fetchall()
    return rows


# an action being requested: action id, reference, holder id, campaign year
RequestRow = tuple[int, str, int, int]


def requested_actions(
    dossier: Dossier, statuses: Iterable[ActionStatus], year: int | None
) -> list[RequestRow]:
    """The actions in ``statuses`` (of campaign ``year``, or any), by reference."""
    codes = _codes(statuses)
    where, params = _year_filter(year)
    rows: list[RequestRow] = dossier.db.execute(
        f"""
        SELECT a.id, a.reference, a.holder_id, c.year FROM action a
        CROSS JOIN campaign c ON c.id = a.campaign_id
        WHERE a.status IN ({_marks(codes)}) {where}
        ORDER BY a.reference
        """,
        [*codes, *params],
    ).fetchall()
    return rows


# a holder as the reminders name it: its name (with its acronym), SIRET and kind's code
HolderFacts = tuple[str, str, str]


def holder_facts(dossier: Dossier) -> dict[int, HolderFacts]:
    """Every holder's name, SIRET and kind, by id: read once per list, instead of joined to
    each of thousands of rows."""
    return {
        holder_id: (name, siret, kind)
        for holder_id, name, siret, kind in dossier.db.execute(
            f"SELECT h.id, {HOLDER_NAME}, h.siret, h.kind FROM holder h"
        )
    }


# a line to pay: action id, reference, holder id, campaign year, funder id, granted, paid,
# act kind, due date (ISO: the act's signature, else the decision; None: neither), bilan
# received (1 or 0)
PayableRow = tuple[int, str, int, int, int, int, int, str | None, str | None, int]


_FLAT_ACTION = "a.id, a.reference, a.holder_id, c.year"
# a line's due date: its act's signature, else its decision ('' reads as no date)
_LINE_DUE = "coalesce(nullif(fl.act_signed_on, ''), nullif(fl.decision_date, ''))"
# CROSS JOIN keeps this order: the actions first (selected by status, then campaign: an
# index), their lines, what selects the lines, and only then the campaign and the funder's
# position of what is kept (names come from ``holder_facts`` and ``funder_facts``)
_NAMES = """CROSS JOIN campaign c ON c.id = a.campaign_id
    CROSS JOIN funder f ON f.id = fl.funder_id"""
# in the order of the reminders' list for one due date (see ``operations.reminders``)
_BY_ACTION = "ORDER BY a.reference, c.year, f.position"


def lines_to_pay(
    dossier: Dossier, statuses: Iterable[ActionStatus], year: int | None
) -> list[PayableRow]:
    """The lines of the actions in ``statuses`` with money to pay now: nothing paid yet, or
    the rest once the bilan is in; by action."""
    codes = _codes(statuses)
    where, params = _year_filter(year)
    rows: list[PayableRow] = dossier.db.execute(
        f"""
                SELECT {_FLAT_ACTION}, fl.funder_id, fl.granted_cents, fl.paid_cents,
                       fl.act_kind, {_LINE_DUE}, m.bilan_received
                FROM action a CROSS JOIN funding_line fl ON fl.action_id = a.id
                CROSS JOIN action_total m ON m.action_id = a.id {_NAMES}
                WHERE a.status IN ({_marks(codes)}) AND fl.granted_cents > fl.paid_cents
                  AND (fl.paid_cents = 0 OR m.bilan_received) {where}
                {_BY_ACTION}
                """,
        [*codes, *params],
    ).fetchall()
    return rows


# a line above the convention threshold, not signed as a convention (or CPO): action id,
# reference, holder id, campaign year, funder id, act kind, signed (1 or 0: the act's
# signature date is known), decision date (ISO or None), what the funder granted the holder
# that year
AgreementRow = tuple[int, str, int, int, int, str | None, int, str | None, int]


def unsigned_agreements(
    dossier: Dossier, statuses: Iterable[ActionStatus], years: Sequence[int], threshold: int
) -> list[AgreementRow]:
    """The lines of the actions in ``statuses`` of ``years`` whose holder got more than
    ``threshold`` from that funder that year, with no signed convention (or CPO); each with
    that total (kept by triggers, 0018); by action. The lines are read from the index of
    the unsigned ones (0019), which SQLite would not pick by itself (it prefers the index
    on the amounts): a dossier without it is refused, not read slowly."""
    if not years:
        return []
    codes = _codes(statuses)
    rows: list[AgreementRow] = dossier.db.execute(
        f"""
                SELECT {_FLAT_ACTION}, fl.funder_id, fl.act_kind,
                       fl.act_signed_on IS NOT NULL AND fl.act_signed_on <> '',
                       nullif(fl.decision_date, ''), t.granted_cents
                FROM action a
                CROSS JOIN funding_line fl INDEXED BY idx_line_unsigned ON fl.action_id = a.id
                CROSS JOIN grant_total t ON t.campaign_id = a.campaign_id
                 AND t.funder_id = fl.funder_id AND t.holder_id = a.holder_id {_NAMES}
                WHERE a.status IN ({_marks(codes)}) AND {UNSIGNED_LINE.format(fl="fl.")}
                  AND a.campaign_id IN (SELECT id FROM campaign WHERE year IN ({_marks(years)}))
                  AND t.granted_cents > ?
                {_BY_ACTION}
                """,
        [*codes, *years, threshold],
    ).fetchall()
    return rows


# a funder as the reminders name it: its name, SIRET and kind's code
FunderFacts = tuple[str, str, str]


def funder_facts(dossier: Dossier) -> dict[int, FunderFacts]:
    """Every funder's name, SIRET and kind, by id."""
    return {
        funder_id: (name, siret, kind)
        for funder_id, name, siret, kind in dossier.db.execute(
            "SELECT id, name, siret, kind FROM funder"
        )
    }


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


class EnvelopeRow(NamedTuple):
    funder_id: int
    funder: str
    year: int
    amount_cents: int
    committed_cents: int


def envelopes_committed(dossier: Dossier, years: Iterable[int]) -> list[EnvelopeRow]:
    """Each envelope of ``years`` with what its funder granted on that year's actions (the
    grants per holder kept by triggers, 0018)."""
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
                SELECT c.year, t.funder_id, sum(t.granted_cents) AS total
                FROM campaign c JOIN grant_total t ON t.campaign_id = c.id
                WHERE c.year IN ({_marks(wanted)}) GROUP BY c.year, t.funder_id
            ) s ON s.year = e.year AND s.funder_id = e.funder_id
            WHERE e.year IN ({_marks(wanted)})
            ORDER BY f.name, e.year, f.position
            """,
            [*wanted, *wanted],
        )
    ]


class TotalsRow(NamedTuple):
    """An action whose status and sums contradict each other, flat."""

    action_id: int
    reference: str
    title: str
    holder_id: int
    holder: str
    year: int
    status: str  # the status' code
    granted_cents: int
    paid_cents: int
    left_cents: int
    overpaid_cents: int
    bilan_received: int  # 1 or 0


_CONDITION_SQL = {
    Condition.GRANTED: "m.granted_cents > 0",
    Condition.PAID: "m.paid_cents > 0",
    # paid beyond granted on some line
    Condition.OVERPAID: "m.left_cents - (m.granted_cents - m.paid_cents) > 0",
    Condition.NOTHING_GRANTED: "m.granted_cents = 0",
    Condition.NOTHING_PAID: "m.granted_cents > 0 AND m.paid_cents <= 0",
    Condition.LEFT_TO_PAY: "m.left_cents > 0",
    Condition.NO_BILAN: "m.granted_cents > 0 AND NOT m.bilan_received",
}


def _contradiction_groups(excluded: Iterable[ActionStatus]) -> list[tuple[list[str], str]]:
    """The statuses (but ``excluded``) grouped by the domain's contradiction rules that apply
    to them, each group with its SQL condition on the per-action sums: one of the rules
    holds."""
    left_out = set(excluded)
    groups: dict[str, list[str]] = {}
    for status in ActionStatus:
        held = [
            _CONDITION_SQL[rule.condition]
            for rule in RULES
            if rule.statuses is None or status in rule.statuses
        ]
        if held and status not in left_out:
            groups.setdefault(" OR ".join(held), []).append(status.value)
    return [(sorted(codes), condition) for condition, codes in groups.items()]


def contradicted_actions(
    dossier: Dossier, excluded: Iterable[ActionStatus], years: Sequence[int]
) -> list[TotalsRow]:
    """The actions of ``years`` (but those in ``excluded``) whose status and sums (kept by
    triggers, 0018) contradict each other by one of the domain's rules. One SELECT per
    group of statuses sharing their rules, each reading its statuses and campaigns from the
    index and testing only its own condition (one CASE over every status cost half again
    as much), by reference."""
    if not years:
        return []
    selects, params = [], []
    for codes, condition in _contradiction_groups(excluded):
        selects.append(
            f"""
            SELECT {_ACTION}, m.granted_cents, m.paid_cents, m.left_cents,
                   m.left_cents - (m.granted_cents - m.paid_cents), m.bilan_received
            FROM action a CROSS JOIN action_total m ON m.action_id = a.id
            CROSS JOIN campaign c ON c.id = a.campaign_id
            CROSS JOIN holder h ON h.id = a.holder_id
            WHERE a.status IN ({_marks(codes)})
              AND a.campaign_id IN (SELECT id FROM campaign WHERE year IN ({_marks(years)}))
              AND ({condition})"""
        )
        params += [*codes, *years]
    # 2, 6: the reference and the campaign year
    found = dossier.db.execute(" UNION ALL ".join(selects) + " ORDER BY 2, 6", params)
    return list(map(TotalsRow._make, found))
