"""The home page: read after the window's first paint; its figures follow the campaign and
edits, each figure (table row, bar or slice) opens the programmation filtered on it, each
kind of thing to do the « À faire » page on that kind; its charts are updated in place."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from contrat_desktop.ui.pages.dashboard import DashboardPage
from contrat_desktop.ui.pages.programmation import ProgrammationPage
from contrat_desktop.ui.session import DossierSession


def _count(session: DossierSession, where: str, *params: object) -> int:
    return session.dossier.db.execute(
        "SELECT count(*) FROM action a JOIN campaign c ON c.id = a.campaign_id "
        f"JOIN holder h ON h.id = a.holder_id WHERE a.campaign_id = ? AND {where}",
        [session.campaign_id, *params],
    ).fetchone()[0]


def _shown(qtbot: QtBot, window: Any) -> DashboardPage:
    """The dashboard of a window shown on screen, once its figures are read."""
    page: DashboardPage = window.pages["dashboard"]
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: page.data is not None)
    return page


def _programmation(window: Any) -> ProgrammationPage:
    page = window.pages["programmation"]
    assert window.stack.currentWidget() is page
    return page


def test_the_window_opens_on_the_dashboard_and_reads_it_after_the_first_paint(
    qtbot: QtBot, exchange_window: Any
) -> None:
    page: DashboardPage = exchange_window.pages["dashboard"]
    assert exchange_window.stack.currentWidget() is page
    assert "programmation" not in exchange_window.pages  # built when first opened
    assert page.data is None and page.status.table.rowCount() == 0  # nothing read yet
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        exchange_window.show()
    assert page.data is not None and page.status.table.rowCount() > 0


def test_a_status_row_opens_the_filtered_programmation(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    page = _shown(qtbot, exchange_window)
    table = page.status.table
    row = next(n for n in range(table.rowCount()) if table.item(n, 0).text() == "Recevable")
    assert int(table.item(row, 1).text()) == _count(session, "a.status = 'recevable'")
    qtbot.mouseClick(
        table.viewport(), qtbot_left(), pos=table.visualItemRect(table.item(row, 0)).center()
    )
    programmation = _programmation(exchange_window)
    assert programmation.model.rowCount() == _count(session, "a.status = 'recevable'")
    assert programmation.filter_bar.status.currentText() == "Recevable"


def test_keyboard_and_other_cards(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    page = _shown(qtbot, exchange_window)
    renewals = page.renewals.table
    row = next(n for n in range(renewals.rowCount()) if renewals.item(n, 0).text() == "Reconduites")
    renewals.setCurrentCell(row, 0)
    renewals.setFocus()
    qtbot.keyClick(renewals, qtbot_enter())
    expected = _count(session, "a.renewal_of_id IS NOT NULL")
    assert _programmation(exchange_window).model.rowCount() == expected
    exchange_window.show_area("dashboard")
    kinds = page.holder_kinds.table
    row = next(n for n in range(kinds.rowCount()) if kinds.item(n, 0).text() == "Service municipal")
    kinds.cellClicked.emit(row, 0)
    assert _programmation(exchange_window).model.rowCount() == _count(
        session, "h.kind = 'service_municipal'"
    )


def test_chart_parts_open_what_lies_behind_them(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    from PySide6 import QtCharts

    page = _shown(qtbot, exchange_window)
    page.draw_charts()
    chart = page.funders.chart.chart()  # type: ignore[union-attr]
    (bars,) = chart.series()
    granted = bars.barSets()[0]
    funders = page.data.figures.by_funder  # type: ignore[union-attr]
    granted.clicked.emit(1)  # the second funder (vertical bars keep their order)
    programmation = _programmation(exchange_window)
    assert programmation.filter_bar.funder.currentData() == funders[1].funder_id
    exchange_window.show_area("dashboard")
    status_bars = page.status.chart.chart().series()[0].barSets()[0]  # type: ignore[union-attr]
    status_bars.clicked.emit(len(page.data.figures.by_status) - 1)  # horizontal: bottom first
    assert _programmation(exchange_window).filter_bar.status.currentText() == (
        page.data.figures.by_status[0].label  # type: ignore[union-attr]
    )
    exchange_window.show_area("dashboard")
    pie = page.pillars.chart.chart().series()[0]  # type: ignore[union-attr]
    assert isinstance(pie, QtCharts.QPieSeries)
    pie.slices()[0].clicked.emit()
    pillar = page.data.figures.by_pillar[0]  # type: ignore[union-attr]
    shown = _programmation(exchange_window).model.rowCount()
    assert shown == pillar.count


def test_follows_the_campaign_and_edits(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    from contrat_desktop.domain.workflow import ActionStatus
    from contrat_desktop.operations.programmation import change_statuses

    page = _shown(qtbot, exchange_window)
    campaigns = exchange_window.campaign
    campaigns.setCurrentIndex(campaigns.findText("Campagne 2015"))
    assert "campagne 2015" in page.title.text()
    assert page.data.figures.count == _count(session, "1") == 55  # type: ignore[union-attr]
    campaigns.setCurrentIndex(campaigns.findText("Campagne 2016"))
    before = {s.label: s.count for s in page.data.figures.by_status}  # type: ignore[union-attr]
    (granted,) = session.dossier.db.execute(
        "SELECT id FROM action WHERE campaign_id = ? AND status = 'accorde' LIMIT 1",
        [session.campaign_id],
    ).fetchone()
    change_statuses(session.dossier, [granted], ActionStatus.NOTIFIED)
    session.notify("action")
    after = {s.label: s.count for s in page.data.figures.by_status}  # type: ignore[union-attr]
    assert after["Notifié"] == before["Notifié"] + 1
    assert after["Accordé"] == before["Accordé"] - 1


def test_charts_are_updated_in_place_after_a_campaign_change(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    page = _shown(qtbot, exchange_window)
    page.draw_charts()
    views = [card.chart for card in page.cards]
    status_chart = page.status.plot.chart  # type: ignore[union-attr]
    campaigns = exchange_window.campaign
    campaigns.setCurrentIndex(campaigns.findText("Campagne 2015"))
    assert [card.chart for card in page.cards] == views  # the same widgets, not rebuilt
    assert page.status.plot.chart is status_chart  # type: ignore[union-attr]
    figures = page.data.figures  # type: ignore[union-attr]
    (bars,) = status_chart.series()
    counts = bars.barSets()[0]
    shown = list(reversed([counts.at(n) for n in range(counts.count())]))  # bottom first
    assert shown == [s.count for s in figures.by_status]
    assert sum(shown) == _count(session, "1") == 55
    pie = page.pillars.plot.pie  # type: ignore[union-attr]
    assert [piece.value() for piece in pie.slices()] == [
        s.granted_cents / 100_000 for s in figures.by_pillar
    ]


def test_things_to_do_per_kind_open_the_to_do_page_on_that_kind(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    from contrat_desktop.operations.reminders import count_by_kind, list_reminders
    from contrat_desktop.ui.pages.reminders import RemindersPage

    page = _shown(qtbot, exchange_window)
    card = page.reminders
    qtbot.waitUntil(lambda: card.counts is not None, timeout=10_000)
    expected = count_by_kind(list_reminders(session.dossier, session.campaign_year))
    assert card.counts == expected and expected  # the demo has things to do in 2016
    rows = {card.table.item(n, 0).text(): card.table.item(n, 1).text()
            for n in range(card.table.rowCount())}  # fmt: skip
    assert rows["Versement à faire"] == str(expected["payment_due"])
    card.table.setCurrentCell(card.kinds.index("payment_due"), 0)
    card.table.setFocus()
    qtbot.keyClick(card.table, qtbot_enter())
    reminders = exchange_window.pages["reminders"]
    assert isinstance(reminders, RemindersPage)
    assert exchange_window.stack.currentWidget() is reminders
    assert reminders.kind.currentData() == "payment_due"
    assert reminders.scope.currentData() == "campaign"
    qtbot.waitUntil(lambda: reminders.loaded and reminders.task is None, timeout=10_000)
    assert reminders.model.rowCount() == expected["payment_due"]
    shown = {reminders.model.row(n).kind for n in range(reminders.model.rowCount())}
    assert shown == {"payment_due"}
    exchange_window.show_area("dashboard")
    card.all_button.click()
    assert reminders.kind.currentData() == ""  # every kind


def test_things_to_do_follow_the_campaign_and_edits(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    from datetime import date

    from contrat_desktop.domain.funding import Payment, PaymentKind
    from contrat_desktop.operations.payments import record_payments
    from contrat_desktop.operations.reminders import count_by_kind, list_reminders

    page = _shown(qtbot, exchange_window)
    card = page.reminders
    campaigns = exchange_window.campaign
    campaigns.setCurrentIndex(campaigns.findText("Campagne 2015"))
    assert card.counts is None  # the other campaign's counts are not shown meanwhile
    qtbot.waitUntil(lambda: card.year == 2015 and card.counts is not None, timeout=10_000)
    assert card.counts == count_by_kind(list_reminders(session.dossier, 2015))
    assert "campagne 2015" in card.summary.text()
    before = card.counts["payment_due"]  # type: ignore[index]
    due = next(r for r in list_reminders(session.dossier, 2015) if r.kind == "payment_due")
    (line,) = session.dossier.db.execute(
        "SELECT id FROM funding_line WHERE action_id = ? AND funder_id = ?",
        [due.action_id, due.funder_id],
    ).fetchone()
    paid = Payment(line, PaymentKind.SINGLE, due.amount_cents or 0, date(2015, 9, 1))
    record_payments(session.dossier, [paid], today=date(2015, 9, 1))
    session.notify("payment")
    qtbot.waitUntil(lambda: card.counts["payment_due"] == before - 1, timeout=10_000)  # type: ignore[index]
    assert card.counts == count_by_kind(list_reminders(session.dossier, 2015))


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def qtbot_enter() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Key.Key_Return


def test_start_up_loads_neither_qtcharts_nor_reportlab(tmp_path: Any) -> None:
    """The home page is on the start-up path: its charts come after the window is shown."""
    import os
    import subprocess
    import sys

    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.samples import fill_demo

    path = create_dossier(tmp_path / "demo.cdv", fill=fill_demo)
    code = (
        "import sys\n"
        "from contrat_desktop.app import start\n"
        f"started = start([{str(path)!r}])\n"
        "started.app.processEvents()\n"
        "print(sorted(m for m in ('PySide6.QtCharts', 'reportlab') if m in sys.modules))\n"
        "started.window.close(); started.window.session.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_campaign_without_actions_says_so_without_empty_charts(
    qtbot: QtBot, qtlog: Any, session: DossierSession, exchange_window: Any
) -> None:
    """QA: an empty campaign showed axes « 0 0 0 1 1 1 », no message, and Qt logged an
    invalid range [nan - nan]."""
    from contrat_desktop.operations.campaigns import create_campaign

    page = _shown(qtbot, exchange_window)
    page.draw_charts()
    create_campaign(session.dossier, 2017)
    session.reload_references()
    session.set_campaign(session.references.campaigns[2017])
    assert "Aucune action pour cette campagne" in page.totals.text()
    for card in (page.status, page.pillars, page.districts, page.holder_kinds, page.renewals):
        assert card.empty.isVisible() and not card.table.isVisible(), card.title()
        assert card.chart is None or not card.chart.isVisible(), card.title()
    qtbot.wait(50)
    assert not [r for r in qtlog.records if "nan" in r.message.lower()]
    session.set_campaign(session.references.campaigns[2016])
    assert page.status.table.isVisible() and not page.status.empty.isVisible()
    assert page.status.chart is not None and page.status.chart.isVisible()


def test_a_few_actions_have_whole_ticks(qtbot: QtBot, exchange_window: Any) -> None:
    page = _shown(qtbot, exchange_window)
    page.draw_charts()
    page.status.set_chart(["Déposé", "Accordé"], [("Actions", [1, 2])])
    axis = page.status.plot.values  # type: ignore[union-attr]
    assert (axis.min(), axis.max(), axis.tickCount()) == (0, 2, 3)


def test_the_charts_come_after_the_figures_are_painted(qtbot: QtBot, exchange_window: Any) -> None:
    """Start-up: the figures are read after the first paint and painted, and only then is
    QtCharts loaded and are the charts drawn (on a busy machine, the charts' timer used to
    run before what the figures' paint had queued)."""
    from PySide6.QtCore import QEvent, QObject

    page: DashboardPage = exchange_window.pages["dashboard"]
    seen: list[str] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            painted = event.type() == QEvent.Type.Paint and page.data is not None
            if painted and "figures painted" not in seen:
                seen.append("figures painted")
            return False

    spy = Spy()
    page.widget().installEventFilter(spy)
    draw = page.draw_charts
    page.draw_charts = lambda: (seen.append("charts"), draw())  # type: ignore[method-assign]
    page.loaded.connect(lambda: seen.append("figures read"))
    exchange_window.show()
    qtbot.waitUntil(lambda: page.status.plot is not None, timeout=10_000)
    assert seen[:3] == ["figures read", "figures painted", "charts"]


def test_every_status_row_is_in_view_without_scrolling(qtbot: QtBot, exchange_window: Any) -> None:
    """QA walk: 2015 has all sixteen statuses; the table stopped at twelve and scrolled
    while the chart beside it showed them all."""
    exchange_window.campaign.setCurrentIndex(exchange_window.campaign.findText("Campagne 2015"))
    page = _shown(qtbot, exchange_window)
    qtbot.waitUntil(lambda: page.status.table.rowCount() == 16)
    table = page.status.table
    assert not table.verticalScrollBar().isVisible()
    last = table.visualItemRect(table.item(table.rowCount() - 1, 0))
    assert last.bottom() <= table.viewport().height()
