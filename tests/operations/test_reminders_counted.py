"""The reminders of the demo, kind by kind, against counts made another way: plain SQL
written from DOMAIN.md's rules (not the queries of ``storage.reminder_queries``), and, for
what SQL says badly (contradictions, request files), the editor's own reads. Across
campaigns and for one campaign, so that a faster list cannot drop or add a reminder."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from contrat_desktop.domain.funders import FunderKind
from contrat_desktop.domain.funding import ActKind
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.money_checks import contradictions
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.reminders import count_by_kind, list_reminders
from contrat_desktop.operations.request_file import load_request_file
from contrat_desktop.storage.action_money import money_of_actions
from contrat_desktop.storage.database import Dossier

S = ActionStatus
TODAY = date(2026, 12, 4)  # bilans of 2015 and 2016 were due by 30/06 of the next year
AWAITING = (S.GRANTED, S.NOTIFIED, S.RUNNING, S.REPORT_DUE)
PAYABLE_NOW = (*AWAITING, S.REPORT_RECEIVED)  # soldé: nothing left to pay by definition
REQUESTING = (S.DRAFT, S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW, S.PROPOSED, S.POSTPONED)
OPEN = (*REQUESTING, *PAYABLE_NOW)


def _in(statuses: Iterable[ActionStatus]) -> str:
    return "(" + ", ".join(f"'{status.value}'" for status in statuses) + ")"


RECEIVED = "(SELECT action_id FROM report WHERE received_on IS NOT NULL)"
LATE = f"""a.status IN {_in(AWAITING)} AND c.year <= {TODAY.year - 1}
    AND a.id NOT IN {RECEIVED}
    AND a.id IN (SELECT action_id FROM funding_line WHERE granted_cents > 0)"""


def expected(db: Dossier, year: int | None) -> dict[str, int]:
    sql = db.db.execute

    def count(query: str) -> int:
        return int(sql(query).fetchone()[0])

    open_years = [
        y
        for (y,) in sql(
            f"SELECT DISTINCT c.year FROM action a JOIN campaign c ON c.id = a.campaign_id "
            f"WHERE a.status IN {_in(OPEN)}"
        )
    ]
    years = [year] if year is not None else open_years
    chosen = f"c.year IN ({', '.join(map(str, years))})"
    asked = f"c.year = {year}" if year is not None else "1"
    agreements = f"('{ActKind.AGREEMENT.value}', '{ActKind.MULTI_YEAR.value}')"
    found = {
        "bilan_late": count(
            f"SELECT count(*) FROM action a JOIN campaign c ON c.id = a.campaign_id "
            f"WHERE {LATE} AND {asked}"
        ),
        "payment_due": count(
            f"""SELECT count(*) FROM funding_line fl JOIN action a ON a.id = fl.action_id
            JOIN campaign c ON c.id = a.campaign_id
            WHERE a.status IN {_in(PAYABLE_NOW)} AND {asked}
              AND fl.granted_cents > fl.paid_cents
              AND (fl.paid_cents = 0 OR a.id IN {RECEIVED})"""
        ),
        "convention_unsigned": count(
            f"""SELECT count(*) FROM funding_line fl JOIN action a ON a.id = fl.action_id
            JOIN campaign c ON c.id = a.campaign_id JOIN holder h ON h.id = a.holder_id
            JOIN funder f ON f.id = fl.funder_id
            WHERE a.status IN {_in((*AWAITING, S.REPORT_RECEIVED))} AND {chosen}
              AND fl.granted_cents > 0
              AND (SELECT sum(l2.granted_cents) FROM funding_line l2
                   JOIN action a2 ON a2.id = l2.action_id
                   WHERE a2.holder_id = a.holder_id AND a2.campaign_id = a.campaign_id
                     AND l2.funder_id = fl.funder_id AND l2.granted_cents > 0) > 2300000
              AND NOT (fl.act_kind IN {agreements} AND fl.act_signed_on IS NOT NULL)
              AND NOT (f.siret <> '' AND substr(f.siret, 1, 9) = substr(h.siret, 1, 9))
              AND NOT (h.siret = '' AND h.kind = '{HolderKind.MUNICIPAL_SERVICE.value}'
                       AND f.kind = '{FunderKind.COMMUNE.value}')"""
        ),
        "envelope_over": count(
            f"""SELECT count(*) FROM envelope e JOIN campaign c ON c.year = e.year
            WHERE {chosen} AND e.amount_cents < (
                SELECT coalesce(sum(fl.granted_cents), 0) FROM funding_line fl
                JOIN action a ON a.id = fl.action_id
                WHERE a.campaign_id = c.id AND fl.funder_id = e.funder_id)"""
        ),
        "request_without_bilan": count(
            f"""SELECT count(*) FROM action r JOIN campaign rc ON rc.id = r.campaign_id
            WHERE r.status IN {_in(REQUESTING)} AND {asked.replace("c.", "rc.")}
              AND EXISTS (SELECT 1 FROM action a JOIN campaign c ON c.id = a.campaign_id
                          WHERE a.holder_id = r.holder_id AND c.year < rc.year AND {LATE})"""
        ),
    }
    ids = [
        i
        for (i,) in sql(
            f"SELECT a.id FROM action a JOIN campaign c ON c.id = a.campaign_id "
            f"WHERE {chosen} AND a.status <> '{S.CLOSED.value}'"
        )
    ]
    found["money_contradiction"] = sum(
        1 for money in money_of_actions(db, ids).values() if contradictions(money)
    )
    near = [
        y
        for (y, deadline) in sql("SELECT year, filing_deadline FROM campaign")
        if y in years and deadline and (date.fromisoformat(deadline) - TODAY).days <= 14
    ]
    requests = sql(
        f"SELECT a.id FROM action a JOIN campaign c ON c.id = a.campaign_id "
        f"WHERE a.status IN {_in(REQUESTING)} AND c.year IN ({', '.join(map(str, near))})"
    ).fetchall()
    found["request_file_incomplete"] = sum(
        1 for (i,) in requests if not load_request_file(db, i).complete
    )
    return {kind: n for kind, n in found.items() if n}


@pytest.mark.parametrize("year", [None, 2015, 2016])
def test_each_kind_counts_what_plain_sql_counts(demo: Dossier, year: int | None) -> None:
    listed = count_by_kind(list_reminders(demo, year, TODAY))
    assert listed == expected(demo, year)
    assert year is not None or len(listed) == 7  # the demo holds every kind


def test_every_reminder_has_its_sentence_and_is_listed_once(demo: Dossier) -> None:
    reminders = list_reminders(demo, None, TODAY)
    assert all(r.text.endswith(".") and "{" not in r.text for r in reminders)
    keys = [(r.kind, r.action_id, r.funder_id, r.year) for r in reminders]
    assert len(keys) == len(set(keys))
    assert reminders == sorted(reminders, key=lambda r: r.sort_key())
