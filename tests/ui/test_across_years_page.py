"""« Vue pluriannuelle »: every year side by side, per funder, pillar, district, holder kind
or holder; sums equal a direct query; the line filter finds a holder's years."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from contrat_desktop.domain.money import format_cents
from contrat_desktop.ui.pages.across_years import AcrossYearsPage
from contrat_desktop.ui.session import DossierSession


def _cell(page: AcrossYearsPage, row: int, column: int) -> str:
    return str(page.model.index(row, column).data())


def test_funders_year_by_year_equal_a_direct_sum(qtbot: QtBot, session: DossierSession) -> None:
    page = AcrossYearsPage(session)
    qtbot.addWidget(page)
    assert [page.model.headerData(c, _h()) for c in range(4)] == [
        "Financeur",
        "2015",
        "2016",
        "Total",
    ]
    expected = dict(
        session.dossier.db.execute(
            """SELECT c.year, sum(fl.granted_cents) FROM funding_line fl
               JOIN action a ON a.id = fl.action_id JOIN campaign c ON c.id = a.campaign_id
               JOIN funder f ON f.id = fl.funder_id WHERE f.short_name = 'État BOP 147'
               GROUP BY c.year"""
        ).fetchall()
    )
    row = next(r for r in range(page.model.rowCount()) if _cell(page, r, 0) == "État BOP 147")
    assert _cell(page, row, 1) == format_cents(expected[2015])
    assert _cell(page, row, 2) == format_cents(expected[2016])
    assert _cell(page, row, 3) == format_cents(expected[2015] + expected[2016])
    total = session.dossier.db.execute("SELECT sum(granted_cents) FROM funding_line").fetchone()[0]
    assert _cell(page, page.model.rowCount() - 1, 3) == format_cents(total)


def test_nothing_entered_shows_a_dash_and_zero_shows_zero_euros(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = AcrossYearsPage(session)
    qtbot.addWidget(page)
    granted, paid = session.dossier.db.execute(
        """SELECT sum(fl.granted_cents), sum(fl.paid_cents) FROM funding_line fl
           JOIN action a ON a.id = fl.action_id JOIN campaign c ON c.id = a.campaign_id
           JOIN funder f ON f.id = fl.funder_id WHERE f.short_name = 'ARS' AND c.year = 2016"""
    ).fetchone()
    assert granted is None and paid == 0  # asked in 2016, not yet examined, nothing paid
    row = next(r for r in range(page.model.rowCount()) if _cell(page, r, 0) == "ARS")
    assert _cell(page, row, 2) == "—" and _cell(page, row, 1) != "—"
    assert "— : aucun montant à ce stade" in page.note.text()
    page.measure.setCurrentIndex(page.measure.findData("paid"))
    row = next(r for r in range(page.model.rowCount()) if _cell(page, r, 0) == "ARS")
    assert _cell(page, row, 2) == format_cents(0)
    page.measure.setCurrentIndex(page.measure.findData("count"))
    assert "aucun montant" not in page.note.text()


def test_a_holder_year_by_year_and_action_counts(qtbot: QtBot, session: DossierSession) -> None:
    page = AcrossYearsPage(session)
    qtbot.addWidget(page)
    page.dimension.setCurrentIndex(page.dimension.findData("holder"))
    page.measure.setCurrentIndex(page.measure.findData("count"))
    qtbot.keyClicks(page.search, "alpha villiers")
    assert page.model.rowCount() == 2  # the holder and the total line
    counts = dict(
        session.dossier.db.execute(
            """SELECT c.year, count(*) FROM action a JOIN campaign c ON c.id = a.campaign_id
               JOIN holder h ON h.id = a.holder_id WHERE h.legal_name = 'Association Alpha Villiers'
               GROUP BY c.year"""
        ).fetchall()
    )
    assert _cell(page, 0, 0) == "Association Alpha Villiers"
    assert [_cell(page, 0, 1), _cell(page, 0, 2)] == [str(counts[2015]), str(counts[2016])]


def test_chart_is_drawn_when_shown(qtbot: QtBot, session: DossierSession) -> None:
    page = AcrossYearsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.chart is not None)
    page.dimension.setCurrentIndex(page.dimension.findData("pillar"))
    chart: Any = page.chart
    (series,) = chart.chart().series()
    assert [s.label() for s in series.barSets()] == [
        page.model.rows[n].label for n in range(len(series.barSets()))
    ]


def _h() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
