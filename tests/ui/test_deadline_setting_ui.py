"""« Bilan attendu au plus tard le » in the window: 31/02 is refused when typed, and a
31/02 already stored leaves « À faire » and the action editor working, with a French notice."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from contrat_desktop.operations.settings import load_rules
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
from contrat_desktop.ui.pages.reminders import RemindersPage
from contrat_desktop.ui.pages.settings import SettingsPage
from contrat_desktop.ui.session import DossierSession


def test_an_impossible_day_is_refused_and_nothing_saved(
    qtbot: QtBot, session: DossierSession, boxes
) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(session)
    qtbot.addWidget(page)
    before = session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()
    page.rules.deadline_day.setValue(31)
    page.rules.deadline_month.setValue(2)
    assert not page.rules.save_settings()
    assert "le 31/02 n'existe pas" in boxes.shown[-1][2]
    assert load_rules(session.dossier).bilan_deadline_month_day == "06-30"
    assert session.dossier.db.execute("SELECT count(*) FROM audit").fetchone() == before
    page.rules.deadline_day.setValue(30)
    page.rules.deadline_month.setValue(4)
    assert page.rules.save_settings()
    assert load_rules(session.dossier).bilan_deadline_month_day == "04-30"


def test_a_stored_31_february_is_read_with_a_notice(qtbot: QtBot, session: DossierSession) -> None:
    Repositories(session.dossier).settings.set("rules.bilan_deadline_month_day", "02-31")
    page = RemindersPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.notice.isVisible() and "31/02" in page.notice.summary.text()
    assert page.model.rowCount() > 0 and "Lecture impossible" not in page.count_label.text()
    late = ActionDialog(session, 20)  # 2015-CS-020: its bilan is late
    qtbot.addWidget(late)
    assert late.bilan_tab is not None and "29/02/2016" in late.bilan_tab.due.text()  # a leap year
    settings = SettingsPage(session)
    qtbot.addWidget(settings)
    assert (settings.rules.deadline_day.value(), settings.rules.deadline_month.value()) == (31, 2)
