"""The qualitative texts of the yearly report (table ``bilan_text``), and what the bilans of
the actions offer to quote; the bilans' figures summed for the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contrat_desktop.domain.actions import AGE_BANDS
from contrat_desktop.domain.bilan_texts import BilanText, Excerpt
from contrat_desktop.domain.yearly_report_data import BilanFigures, MeetingHeld
from contrat_desktop.storage.table_repository import Repository

if TYPE_CHECKING:
    from sqlite_utils import Database


class BilanTextRepository(Repository[BilanText]):
    table = "bilan_text"
    model = BilanText
    order_by = "year, section"

    def for_years(self, first: int, last: int) -> list[BilanText]:
        if "bilan_text" not in self.db.table_names():  # an older dossier read as it is
            return []
        return self._select("WHERE year BETWEEN ? AND ?", [first, last])


def excerpts(db: Database, first: int, last: int) -> list[Excerpt]:
    """The non-empty assessments of the bilans of the actions of those years."""
    return [
        Excerpt(*row)
        for row in db.execute(
            """SELECT a.id, a.reference, a.title, h.legal_name, a.framework_node_id, r.assessment
            FROM report r JOIN action a ON a.id = r.action_id
            JOIN holder h ON h.id = a.holder_id JOIN campaign c ON c.id = a.campaign_id
            WHERE c.year BETWEEN ? AND ? AND trim(r.assessment) <> ''
            ORDER BY a.reference""",
            [first, last],
        )
    ]


_DUE = ("en_cours", "bilan_attendu", "bilan_recu", "solde", "cloture")


def bilan_figures(db: Database, first: int, last: int) -> BilanFigures:
    bands = ", ".join(f"coalesce(sum(r.beneficiaries_{name}), 0)" for name, _ in AGE_BANDS)
    marks = ", ".join("?" for _ in _DUE)
    expected = db.execute(
        f"""SELECT count(*) FROM action a JOIN campaign c ON c.id = a.campaign_id
        WHERE c.year BETWEEN ? AND ? AND a.status IN ({marks})""",
        [first, last, *_DUE],
    ).fetchone()[0]
    row = db.execute(
        f"""SELECT count(*), coalesce(sum(r.beneficiaries_total), 0),
            coalesce(sum(r.beneficiaries_women), 0), coalesce(sum(r.beneficiaries_men), 0),
            sum(r.beneficiaries_total * r.beneficiaries_qpv_share_percent),
            sum(CASE WHEN r.beneficiaries_qpv_share_percent IS NOT NULL
                THEN r.beneficiaries_total END),
            coalesce(sum(r.realised_cost_cents), 0), {bands}
        FROM report r JOIN action a ON a.id = r.action_id
        JOIN campaign c ON c.id = a.campaign_id
        WHERE c.year BETWEEN ? AND ? AND r.received_on IS NOT NULL""",
        [first, last],
    ).fetchone()
    received, total, women, men, weighted, weight, cost = row[:7]
    share = round(weighted / weight) if weighted is not None and weight else None
    return BilanFigures(
        expected=expected,
        received=received,
        beneficiaries=total,
        women=women,
        men=men,
        qpv_weighted_percent=share,
        age_bands=tuple(
            (label, value) for (_, label), value in zip(AGE_BANDS, row[7:], strict=True)
        ),
        realised_cost_cents=cost,
    )


def meetings_held(db: Database, first: int, last: int) -> list[MeetingHeld]:
    return [
        MeetingHeld(*row)
        for row in db.execute(
            """SELECT m.starts_at, b.name,
                (SELECT count(*) FROM attendance t WHERE t.meeting_id = m.id),
                (SELECT count(*) FROM attendance t WHERE t.meeting_id = m.id
                 AND t.presence IN ('present', 'represente')),
                (SELECT count(*) FROM attendance t JOIN person p ON p.id = t.person_id
                 WHERE t.meeting_id = m.id AND t.presence IN ('present', 'represente')
                 AND p.council_member = 1)
            FROM meeting m JOIN body b ON b.id = m.body_id
            WHERE CAST(substr(m.starts_at, 1, 4) AS INTEGER) BETWEEN ? AND ?
            ORDER BY m.starts_at""",
            [first, last],
        )
    ]
