"""The journal page: newest changes first, read a page at a time, filters and messages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from contrat_desktop.ui.background import wait_for_background_work
from contrat_desktop.ui.pages.journal import JournalPage
from contrat_desktop.ui.session import DossierSession
from tests.ui.window_room import show_in_a_1280_window


def _page(qtbot: QtBot, session: DossierSession) -> JournalPage:
    page = JournalPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    return page


def test_opens_on_the_newest_page_and_scrolls_for_more(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = _page(qtbot, session)
    total = session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert page.model.rowCount() == page.model.page_size < total
    newest = session.dossier.db.execute(
        "SELECT who FROM audit ORDER BY at DESC, id DESC LIMIT 1"
    ).fetchone()[0]
    assert page.model.index(0, 1).data() == newest
    qtbot.waitUntil(lambda: page.count_label.text().startswith(f"{total:,}".replace(",", "\u202f")))
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > page.model.page_size)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == total


def test_filters_and_a_filter_matching_nothing(qtbot: QtBot, session: DossierSession) -> None:
    page = _page(qtbot, session)
    page.kind.setCurrentIndex(page.kind.findData("payment"))
    payments = session.dossier.db.execute(
        "SELECT count(*) FROM audit WHERE entity = 'payment'"
    ).fetchone()[0]
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == payments
    assert all("Versement" in page.model.line(n).what for n in range(page.model.rowCount()))
    qtbot.keyClicks(page.search, "aucune-valeur-pareille")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.message.isVisible() and "Aucune modification ne correspond" in page.message.text()
    page.clear_filters()
    assert page.model.rowCount() == page.model.page_size and not page.message.isVisible()
    page.set_period(date(2030, 1, 2), date(2030, 1, 1))
    assert "à l'envers" in page.message.text() and page.model.rowCount() == 0
    wait_for_background_work()


def test_an_edit_shows_at_the_top(qtbot: QtBot, session: DossierSession) -> None:
    from contrat_desktop.operations.campaigns import create_campaign

    page = _page(qtbot, session)
    create_campaign(session.dossier, 2031)
    session.notify("campaign")
    assert page.model.line(0).what.startswith("Création – Campagne")
    wait_for_background_work()


def test_rows_show_french_labels_values_and_dates(qtbot: QtBot, session: DossierSession) -> None:
    page = _page(qtbot, session)
    page.kind.setCurrentIndex(page.kind.findData("attendance"))
    while page.model.canFetchMore():
        page.model.fetchMore()
    rows = [page.model.line(n) for n in range(page.model.rowCount())]
    changed = [line for line in rows if line.field == "Présence"]
    assert changed and {line.new for line in changed} <= {"Présent(e)", "Excusé(e)",
                                                          "Absent(e)", "Représenté(e)"}  # fmt: skip
    shown = [page.model.index(n, 3).data() for n in range(page.model.rowCount())]
    assert "Présence" in shown and "presence" not in shown
    assert all(" n° " not in line.what for line in rows)  # a person's name, not an id
    wait_for_background_work()


def test_export_to_excel_in_the_background(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, monkeypatch: Any
) -> None:
    import openpyxl

    page = _page(qtbot, session)
    page.kind.setCurrentIndex(page.kind.findData("report"))
    target = tmp_path / "journal"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Classeurs Excel (*.xlsx)")
    )
    page.write_file(".xlsx")
    assert page.file_task is not None
    qtbot.waitUntil(lambda: not page.file_task.running, timeout=20_000)
    rows = list(openpyxl.load_workbook(tmp_path / "journal.xlsx").active.iter_rows(min_row=5))
    reports = session.dossier.db.execute(
        "SELECT count(*) FROM audit WHERE entity = 'report'"
    ).fetchone()[0]
    assert len(rows) == reports > 0


def test_the_old_and_new_values_are_both_in_view_in_a_1280_px_window(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk: « Nouvelle valeur » began past the right edge (its header read « Nou »)."""
    page = _page(qtbot, session)
    show_in_a_1280_window(qtbot, page)
    header = page.table.horizontalHeader()
    room = page.table.viewport().width()
    for column in (4, 5):
        assert header.sectionSize(column) >= 150
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= room
