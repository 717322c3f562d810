"""The Financeurs page shows, per funder and year, the envelope, committed, paid, left to
commit and left to pay: every figure shown on the demo equals a sum made here in SQL,
independently of the application's queries (the reversement counted back)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.money import format_cents
from contrat_desktop.ui.pages.funders import FundersPage
from contrat_desktop.ui.session import DossierSession

COLUMNS = {"Enveloppe": 1, "Engagé (accordé)": 2, "Versé": 3, "Reste à engager": 4}
COLUMNS["Reste à verser"] = 5


def expected(session: DossierSession) -> dict[tuple[int, int], dict[str, int]]:
    db = session.dossier.db
    granted = {
        (f, y): cents
        for f, y, cents in db.execute(
            "SELECT fl.funder_id, c.year, total(fl.granted_cents) FROM funding_line fl, "
            "action a, campaign c WHERE a.id = fl.action_id AND c.id = a.campaign_id "
            "GROUP BY 1, 2"
        )
    }
    paid: dict[tuple[int, int], int] = {}
    for f, y, kind, cents in db.execute(
        "SELECT fl.funder_id, c.year, p.kind, p.amount_cents FROM payment p, funding_line fl, "
        "action a, campaign c WHERE fl.id = p.funding_line_id AND a.id = fl.action_id "
        "AND c.id = a.campaign_id"
    ):
        paid[(f, y)] = paid.get((f, y), 0) + (-cents if kind == "reversement" else cents)
    envelopes = {
        (f, y): cents
        for f, y, cents in db.execute("SELECT funder_id, year, amount_cents FROM envelope")
    }
    figures = {}
    for key in granted.keys() | envelopes.keys():
        committed, envelope, out = int(granted.get(key, 0)), envelopes.get(key, 0), paid.get(key, 0)
        figures[key] = {
            "Enveloppe": envelope,
            "Engagé (accordé)": committed,
            "Versé": out,
            "Reste à engager": envelope - committed,
            "Reste à verser": committed - out,
        }
    return figures


def test_every_figure_equals_an_independent_sum(qtbot: QtBot, session: DossierSession) -> None:
    page = FundersPage(session)
    qtbot.addWidget(page)
    figures = expected(session)
    model, shown = page.envelope_model, 0
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert [headers[c] for c in COLUMNS.values()] == list(COLUMNS)
    for funder in session.repos.funders.all():
        page.select_funder(funder.id or 0)
        years = {y for f, y in figures if f == funder.id}
        assert model.rowCount() == len(years)
        for row in range(model.rowCount()):
            year = int(model.data(model.index(row, 0)))
            for name, column in COLUMNS.items():
                cents = figures[(funder.id or 0, year)][name]
                text = model.data(model.index(row, column))
                if name == "Enveloppe" and (funder.id, year) not in {
                    (u.envelope.funder_id, u.envelope.year) for u in model.rows() if u.envelope.id
                }:
                    assert text == "—"
                else:
                    assert text == format_cents(cents), (funder.name, year, name)
                shown += 1
    assert shown > 100
    refund_funder = session.dossier.db.execute(
        "SELECT fl.funder_id FROM payment p JOIN funding_line fl ON fl.id = p.funding_line_id "
        "WHERE p.kind = 'reversement'"
    ).fetchone()
    assert refund_funder is not None  # the demo's reversement is among the sums checked
