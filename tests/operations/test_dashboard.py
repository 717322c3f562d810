"""The figures of the home page equal sums computed directly from the demo dossier."""

from __future__ import annotations

from datetime import date

from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.council import council_overview
from contrat_desktop.operations.dashboard import load_dashboard
from contrat_desktop.operations.programmation import load_references
from contrat_desktop.storage.database import Dossier

YEAR = 2016
_PAID = """coalesce((SELECT sum(CASE p.kind WHEN 'reversement' THEN -p.amount_cents
           ELSE p.amount_cents END) FROM payment p WHERE p.funding_line_id = fl.id), 0)"""


def _figures(demo: Dossier, year: int = YEAR):  # type: ignore[no-untyped-def]
    references = load_references(demo)
    return load_dashboard(demo, references.campaigns[year], references, date(2016, 1, 1))


def _sql(demo: Dossier, query: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in demo.db.execute(query, [YEAR, *params]).fetchall()]


def test_status_counts_and_totals(demo: Dossier) -> None:
    figures = _figures(demo).figures
    expected = dict(
        _sql(
            demo,
            "SELECT a.status, count(*) FROM action a JOIN campaign c "
            "ON c.id = a.campaign_id WHERE c.year = ? GROUP BY a.status",
        )
    )
    assert {ActionStatus(s.key).value: s.count for s in figures.by_status} == expected
    ((requested, proposed, granted, paid),) = _sql(
        demo,
        f"""SELECT sum(fl.requested_cents), sum(coalesce(fl.proposed_cents, 0)),
            sum(coalesce(fl.granted_cents, 0)), sum({_PAID})
            FROM funding_line fl JOIN action a ON a.id = fl.action_id
            JOIN campaign c ON c.id = a.campaign_id WHERE c.year = ?""",
    )
    assert (figures.requested_cents, figures.proposed_cents, figures.granted_cents,
            figures.paid_cents) == (requested, proposed, granted, paid)  # fmt: skip
    assert figures.count == sum(expected.values())


def test_funders_against_their_envelopes(demo: Dossier) -> None:
    figures = _figures(demo, 2015).figures
    rows = demo.db.execute(
        f"""SELECT fl.funder_id, sum(fl.requested_cents), sum(coalesce(fl.proposed_cents, 0)),
            sum(coalesce(fl.granted_cents, 0)), sum({_PAID}),
            (SELECT e.amount_cents FROM envelope e WHERE e.funder_id = fl.funder_id
             AND e.year = c.year)
            FROM funding_line fl JOIN action a ON a.id = fl.action_id
            JOIN campaign c ON c.id = a.campaign_id WHERE c.year = 2015
            GROUP BY fl.funder_id"""
    ).fetchall()
    expected = {row[0]: tuple(row[1:]) for row in rows}
    got = {
        f.funder_id: (f.requested_cents, f.proposed_cents, f.granted_cents, f.paid_cents,
                      f.envelope_cents)
        for f in figures.by_funder
        if f.count
    }  # fmt: skip
    assert got == expected
    assert sum(v[3] for v in got.values()) > 0  # 2015 has payments


def test_splits_by_pillar_district_holder_kind_and_renewal(demo: Dossier) -> None:
    figures = _figures(demo).figures
    granted = (
        "coalesce((SELECT sum(fl.granted_cents) FROM funding_line fl WHERE fl.action_id = a.id), 0)"
    )
    by_kind = dict(
        (row[0], (row[1], row[2]))
        for row in _sql(demo, f"""SELECT h.kind, count(*), sum({granted}) FROM action a
            JOIN holder h ON h.id = a.holder_id JOIN campaign c ON c.id = a.campaign_id
            WHERE c.year = ? GROUP BY h.kind""")
    )  # fmt: skip
    assert {HolderKind(s.key).value: (s.count, s.granted_cents)
            for s in figures.by_holder_kind} == by_kind  # fmt: skip
    renewal = dict(
        (bool(row[0]), (row[1], row[2]))
        for row in _sql(demo, f"""SELECT a.renewal_of_id IS NOT NULL, count(*), sum({granted})
            FROM action a JOIN campaign c ON c.id = a.campaign_id WHERE c.year = ?
            GROUP BY 1""")
    )  # fmt: skip
    assert {s.key: (s.count, s.granted_cents) for s in figures.by_renewal} == renewal
    by_pillar = dict(
        (row[0], (row[1], row[2]))
        for row in _sql(demo, f"""WITH RECURSIVE up(action_id, node_id) AS (
                SELECT a.id, a.framework_node_id FROM action a
                JOIN campaign c ON c.id = a.campaign_id WHERE c.year = ?
                UNION ALL SELECT up.action_id, n.parent_id FROM up
                JOIN framework_node n ON n.id = up.node_id WHERE n.parent_id IS NOT NULL)
            SELECT n.label, count(*), sum({granted.replace('a.id', 'up.action_id')})
            FROM up JOIN framework_node n ON n.id = up.node_id
            WHERE n.parent_id IS NULL GROUP BY n.label""")
    )  # fmt: skip
    assert {s.label: (s.count, s.granted_cents) for s in figures.by_pillar} == by_pillar
    by_district = dict(
        (row[0], (row[1], row[2]))
        for row in _sql(demo, f"""SELECT ad.district_id, count(*), sum({granted})
            FROM action a JOIN campaign c ON c.id = a.campaign_id
            JOIN action_district ad ON ad.action_id = a.id WHERE c.year = ?
            GROUP BY ad.district_id""")
    )  # fmt: skip
    assert {s.key: (s.count, s.granted_cents) for s in figures.by_district} == by_district


def test_next_meetings_and_council_warnings(demo: Dossier) -> None:
    board = _figures(demo)
    expected = demo.db.execute(
        "SELECT count(*) FROM meeting WHERE starts_at >= '2016-01-01'"
    ).fetchone()[0]
    assert len(board.next_meetings) == min(expected, 5)
    references = load_references(demo)
    early = load_dashboard(demo, references.campaigns[2015], references, date(2015, 1, 1))
    assert [m.starts_at.date().isoformat() for m in early.next_meetings] == [
        row[0][:10]
        for row in demo.db.execute("SELECT starts_at FROM meeting ORDER BY starts_at LIMIT 5")
    ]
    council_id = demo.db.execute("SELECT min(id) FROM council").fetchone()[0]
    expected_warnings = council_overview(demo, council_id, date(2015, 1, 1)).warnings
    assert expected_warnings  # before its installation the council is too small
    assert early.council_warnings == tuple(w.message for w in expected_warnings)


def test_themes_are_the_pillars_children_whatever_the_depth(demo: Dossier) -> None:
    figures = _figures(demo).figures
    granted = (
        "coalesce((SELECT sum(fl.granted_cents) FROM funding_line fl WHERE fl.action_id = a.id), 0)"
    )
    rows = _sql(
        demo,
        f"""WITH RECURSIVE up(action_id, node_id, below) AS (
                SELECT a.id, a.framework_node_id, a.framework_node_id FROM action a
                JOIN campaign c ON c.id = a.campaign_id WHERE c.year = ?
                UNION ALL SELECT up.action_id, n.parent_id, up.node_id FROM up
                JOIN framework_node n ON n.id = up.node_id WHERE n.parent_id IS NOT NULL)
            SELECT up.below, count(*), sum({granted})
            FROM up JOIN framework_node n ON n.id = up.node_id JOIN action a ON a.id = up.action_id
            WHERE n.parent_id IS NULL GROUP BY up.below""",
    )
    assert {s.key: (s.count, s.granted_cents) for s in figures.by_theme} == {
        row[0]: (row[1], row[2]) for row in rows
    }
    references = load_references(demo)
    assert all(s.label == references.tree.path_label(int(s.key)) for s in figures.by_theme if s.key)
    assert sum(s.count for s in figures.by_theme) == figures.count


def test_a_campaign_without_actions_has_zero_figures_and_its_envelopes(demo: Dossier) -> None:
    from contrat_desktop.operations.campaigns import create_campaign

    create_campaign(demo, 2017)
    references = load_references(demo)
    figures = load_dashboard(demo, references.campaigns[2017], references).figures
    assert (figures.count, figures.requested_cents, figures.granted_cents) == (0, 0, 0)
    assert figures.by_status == () and figures.by_pillar == ()
