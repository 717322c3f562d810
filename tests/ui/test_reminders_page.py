"""The "À faire" page and the count in the status bar, on the demo dossier."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.reminders import Opens
from contrat_desktop.operations.bilans import save_bilan
from contrat_desktop.operations.reminders import list_reminders
from contrat_desktop.ui.pages.reminders import RemindersPage
from contrat_desktop.ui.reminders_feed import DELAY_MS
from contrat_desktop.ui.session import DossierSession


def loaded_page(qtbot: QtBot, session: DossierSession) -> RemindersPage:
    page = RemindersPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page


def test_the_page_lists_the_campaign_then_every_campaign(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = loaded_page(qtbot, session)
    year = session.campaign_year
    expected = list_reminders(session.dossier, year)
    assert page.model.rowCount() == len(expected) > 0
    assert {page.model.row(n).year for n in range(page.model.rowCount())} == {year}
    page.loaded = False
    page.scope.setCurrentIndex(page.scope.findData("all"))
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.model.rowCount() == len(list_reminders(session.dossier)) > len(expected)
    page.kind.setCurrentIndex(page.kind.findData("bilan_late"))
    kinds = {page.model.row(n).kind for n in range(page.model.rowCount())}
    assert kinds == {"bilan_late"}
    assert "Bilan en retard" in page.kind.currentText()


def test_a_row_opens_the_action_on_its_tab_and_payments_from_a_due_line(
    qtbot: QtBot, session: DossierSession, monkeypatch: Any
) -> None:
    page = loaded_page(qtbot, session)
    opened: list[tuple[int, str]] = []
    page.open_action.connect(lambda action_id, tab: opened.append((action_id, tab)))
    row = next(n for n in range(page.model.rowCount()) if page.model.row(n).kind == "payment_due")
    page.table.selectRow(row)
    reminder = page.current()
    assert reminder is not None and page.pay_button.isEnabled()
    page.open_button.click()
    assert opened == [(reminder.action_id, "versements")]
    shown: list[tuple[int | None, int | None]] = []

    class FakeDialog:
        def __init__(self, _session: Any, funder: int, year: int, _parent: Any) -> None:
            shown.append((funder, year))

        def exec(self) -> int:
            return 0

    import contrat_desktop.ui.dialogs.funding.due_payments_dialog as module

    monkeypatch.setattr(module, "DuePaymentsDialog", FakeDialog)
    page.pay_button.click()
    assert shown == [(reminder.funder_id, reminder.year)]


def test_the_status_bar_counts_once_the_window_is_shown(qtbot: QtBot, exchange_window: Any) -> None:
    window = exchange_window
    qtbot.wait(3 * DELAY_MS)  # start-up: nothing is read before the window is painted
    assert window.reminder_feed.task is None and window.reminder_feed.reminders is None
    assert not window.reminders_button.isVisibleTo(window)
    window.show()
    qtbot.waitUntil(lambda: window.reminders_button.isVisibleTo(window), timeout=10_000)
    year = window.session.campaign_year
    count = len(list_reminders(window.session.dossier, year))
    assert window.reminders_button.text() == f"À faire ({year}) : {count}"
    window.reminders_button.click()
    assert isinstance(window.pages.get("reminders"), RemindersPage)
    assert window.stack.currentWidget() is window.pages["reminders"]


def test_only_the_last_dossier_set_before_the_paint_is_counted(
    qtbot: QtBot, session: DossierSession, exchange_window: Any
) -> None:
    window = exchange_window
    first = window.reminder_feed
    window.set_session(session)  # again, before the window was ever painted
    window.show()
    qtbot.waitUntil(lambda: window.reminder_feed.reminders is not None, timeout=10_000)
    qtbot.wait(3 * DELAY_MS)
    # one feed per session, shared by the status bar, the page and the card: read once
    assert first is window.reminder_feed and first.readings == 1


def test_a_funder_reminder_opens_the_funders_page(qtbot: QtBot, exchange_window: Any) -> None:
    window = exchange_window
    from contrat_desktop.ui.pages.funders import FundersPage

    funder_id = window.session.references.funders[2].id
    window.open_funder(funder_id)
    page = window.pages["funders"]
    assert isinstance(page, FundersPage)
    assert page.current_funder() is not None and page.current_funder().id == funder_id
    assert Opens.FUNDER.value == "funder"


def test_the_status_bar_counts_the_campaign_chosen_as_the_page_does(
    qtbot: QtBot, exchange_window: Any
) -> None:
    """« À faire (2016) : 74 » beside a page of 74, not a count across campaigns; it follows
    the campaign selector and an edit."""
    window = exchange_window
    session = window.session
    window.show()
    qtbot.waitUntil(lambda: window.reminders_button.isVisibleTo(window), timeout=10_000)
    window.reminders_button.click()
    page = window.pages["reminders"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    year = session.campaign_year
    shown = page.model.rowCount()
    assert window.reminders_button.text() == f"À faire ({year}) : {shown}"
    assert shown < len(list_reminders(session.dossier))  # the demo has two campaigns
    assert f"campagne {year}" in window.reminders_button.toolTip()
    (earlier,) = session.dossier.db.execute(
        "SELECT id FROM campaign WHERE year = ?", [year - 1]
    ).fetchone()
    session.set_campaign(earlier)
    count = len(list_reminders(session.dossier, year - 1))
    qtbot.waitUntil(
        lambda: window.reminders_button.text() == f"À faire ({year - 1}) : {count}",
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=10_000)
    late = next(r for r in list_reminders(session.dossier, year - 1) if r.kind == "bilan_late")
    save_bilan(session.dossier, None, Report(late.action_id or 0, date.today()), date.today())
    session.notify("action")
    after = len(list_reminders(session.dossier, year - 1))
    assert after != count
    qtbot.waitUntil(
        lambda: window.reminders_button.text() == f"À faire ({year - 1}) : {after}",
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == after, timeout=10_000)


def test_the_detail_is_readable_at_1280_pixels(qtbot: QtBot, exchange_window: Any) -> None:
    """« Concerne » and « Détail » share the room left (tests/ui/test_shared_widths.py); the
    tooltip and the line under the table give the whole sentence; « Campagne » only shows
    across campaigns."""
    window = exchange_window
    window.resize(1280, 800)
    window.show()
    window.show_reminders("")
    page = window.pages["reminders"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    columns = [column.key for column in page.model.columns]
    header = page.table.horizontalHeader()
    widths = {key: header.sectionSize(n) for n, key in enumerate(columns)}
    assert widths["text"] == max(widths.values()) >= 300
    assert widths["concerns"] >= 300
    assert page.table.isColumnHidden(columns.index("year"))
    row = next(n for n in range(page.model.rowCount()) if len(page.model.row(n).text) > 80)
    reminder = page.model.row(row)
    cell = page.model.index(row, columns.index("text"))
    assert page.model.data(cell, Qt.ItemDataRole.ToolTipRole) == reminder.text
    assert page.detail.text().startswith("Choisissez une ligne")
    page.table.selectRow(row)
    assert reminder.text in page.detail.text() and page.detail.wordWrap()
    assert page.detail.isVisible() and page.detail.width() > 900
    page.loaded = False
    page.scope.setCurrentIndex(page.scope.findData("all"))
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert not page.table.isColumnHidden(columns.index("year"))


def test_one_edit_is_read_once_for_the_status_bar_the_page_and_the_home_card(
    qtbot: QtBot, exchange_window: Any, monkeypatch: Any
) -> None:
    """The status bar, the « À faire » page and the home page's card show the same list of
    the campaign: after an edit it is read once (in the background), not once each."""
    import threading

    import contrat_desktop.operations.reminders as reminders
    import contrat_desktop.ui.pages.reminders as page_module

    window = exchange_window
    session = window.session
    reads: list[int | None] = []
    lock = threading.Lock()

    def counted(dossier: Any, year: int | None = None, *args: Any, **kwargs: Any) -> Any:
        with lock:
            reads.append(year)
        return list_reminders(dossier, year, *args, **kwargs)

    monkeypatch.setattr(reminders, "list_reminders", counted)
    monkeypatch.setattr(page_module, "list_reminders", counted)
    window.show()
    qtbot.waitUntil(lambda: window.reminders_button.isVisibleTo(window), timeout=10_000)
    card = window.pages["dashboard"].reminders
    qtbot.waitUntil(lambda: card.counts is not None, timeout=10_000)
    window.show_reminders("")  # the page opens on what the status bar counted
    page = window.pages["reminders"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    year = session.campaign_year
    assert reads == [year]
    assert window.reminders_button.text() == f"À faire ({year}) : {page.model.rowCount()}"

    late = next(r for r in list_reminders(session.dossier, year) if r.kind == "bilan_late")
    save_bilan(session.dossier, None, Report(late.action_id or 0, date.today()), date.today())
    session.notify("action")
    after = len(list_reminders(session.dossier, year))
    qtbot.waitUntil(lambda: page.model.rowCount() == after, timeout=10_000)
    qtbot.waitUntil(
        lambda: window.reminders_button.text() == f"À faire ({year}) : {after}", timeout=10_000
    )
    window.show_area("dashboard")
    qtbot.waitUntil(lambda: sum((card.counts or {}).values()) == after, timeout=10_000)
    qtbot.wait(3 * DELAY_MS)  # nothing else is read after
    assert reads == [year, year]
