"""The home page: its figures follow the campaign and edits, and each figure (table row,
bar or slice) opens the programmation filtered on it."""

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


def _programmation(window: Any) -> ProgrammationPage:
    page = window.pages["programmation"]
    assert window.stack.currentWidget() is page
    return page


def test_the_window_opens_on_the_dashboard(exchange_window: Any) -> None:
    assert exchange_window.stack.currentWidget() is exchange_window.pages["dashboard"]
    assert "programmation" not in exchange_window.pages  # built when first opened


def test_a_status_row_opens_the_filtered_programmation(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    page: DashboardPage = exchange_window.pages["dashboard"]
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
    page: DashboardPage = exchange_window.pages["dashboard"]
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

    page: DashboardPage = exchange_window.pages["dashboard"]
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

    page: DashboardPage = exchange_window.pages["dashboard"]
    exchange_window.show()
    qtbot.waitExposed(exchange_window)
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
