"""The funding lines of one funder and year that still have money to pay, with their
action, holder and bilan, read in one query (the "Versements à faire" list)."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.action_money import LineMoney
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.conversions import from_row
from contrat_desktop.storage.database import Dossier


@dataclass(frozen=True, slots=True)
class OpenLine:
    money: LineMoney
    reference: str
    title: str
    holder: str
    status: ActionStatus
    bilan_received: bool


def open_lines(dossier: Dossier, funder_id: int, year: int) -> list[OpenLine]:
    """Lines of ``funder_id`` on the actions of ``year`` with more granted than paid."""
    cursor = dossier.db.execute(
        """
        SELECT fl.*, a.reference AS a_reference, a.title AS a_title,
               CASE WHEN h.acronym <> '' THEN h.legal_name || ' (' || h.acronym || ')'
                    ELSE h.legal_name END AS a_holder,
               a.status AS a_status,
               EXISTS (SELECT 1 FROM report r WHERE r.action_id = a.id
                       AND r.received_on IS NOT NULL) AS a_bilan
        FROM funding_line fl
        JOIN action a ON a.id = fl.action_id
        JOIN holder h ON h.id = a.holder_id
        JOIN campaign c ON c.id = a.campaign_id
        WHERE fl.funder_id = ? AND c.year = ? AND coalesce(fl.granted_cents, 0) > 0
        ORDER BY a.reference
        """,
        [funder_id, year],
    )
    names = [d[0] for d in cursor.description]
    found = []
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        extra = {key: row.pop(key) for key in list(row) if key.startswith("a_")}
        money = LineMoney(from_row(FundingLine, row), row.pop("paid_cents"))
        if money.left_cents <= 0:
            continue
        found.append(
            OpenLine(
                money,
                extra["a_reference"],
                extra["a_title"],
                extra["a_holder"],
                ActionStatus(extra["a_status"]),
                bool(extra["a_bilan"]),
            )
        )
    return found
