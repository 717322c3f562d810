"""The granted funding lines of one campaign (or all), read in two set queries for the
open-data export."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from contrat_desktop.domain.open_data import Grant

if TYPE_CHECKING:
    from sqlite_utils import Database

_GRANTS = """
SELECT fl.id, a.reference, a.title, c.year, f.name, f.siret, h.legal_name, h.siret,
       fl.granted_cents, fl.decision_date, fl.decision_reference, fl.act_kind,
       a.start_date, a.end_date
FROM funding_line fl
JOIN action a ON a.id = fl.action_id
JOIN campaign c ON c.id = a.campaign_id
JOIN funder f ON f.id = fl.funder_id
JOIN holder h ON h.id = a.holder_id
WHERE fl.granted_cents > 0 {year}
ORDER BY c.year, f.position, f.name, a.reference
"""

_PAYMENTS = """
SELECT p.funding_line_id, p.paid_on
FROM payment p
JOIN funding_line fl ON fl.id = p.funding_line_id
JOIN action a ON a.id = fl.action_id
JOIN campaign c ON c.id = a.campaign_id
WHERE p.kind <> 'reversement' AND fl.granted_cents > 0 {year}
ORDER BY p.paid_on
"""


def granted_lines(db: Database, year: int | None) -> list[Grant]:
    """Every funding line with an amount granted, of ``year`` (``None``: every year)."""
    clause, params = ("AND c.year = ?", [year]) if year is not None else ("", [])
    paid: dict[int, list[date]] = defaultdict(list)
    for line_id, paid_on in db.execute(_PAYMENTS.format(year=clause), params):
        paid[line_id].append(date.fromisoformat(paid_on[:10]))
    grants = []
    for row in db.execute(_GRANTS.format(year=clause), params):
        line_id, reference, title, campaign_year, funder, funder_siret = row[:6]
        holder, holder_siret, granted, decided, decision_reference, act, start, end = row[6:]
        grants.append(
            Grant(
                reference=reference,
                title=title,
                year=campaign_year,
                funder_name=funder,
                funder_siret=funder_siret,
                holder_name=holder,
                holder_siret=holder_siret,
                granted_cents=granted,
                decision_date=date.fromisoformat(decided[:10]) if decided else None,
                decision_reference=decision_reference,
                act_kind=act,
                start_date=date.fromisoformat(start[:10]) if start else None,
                end_date=date.fromisoformat(end[:10]) if end else None,
                payment_dates=tuple(paid.get(line_id, ())),
            )
        )
    return grants
