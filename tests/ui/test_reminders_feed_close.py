"""Closing a dossier session calls off the reminders' reading an edit had asked for: no read
of the closed dossier's file afterwards, no error."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import contrat_desktop.operations.reminders as reminders
from contrat_desktop.domain.bilans import Report
from contrat_desktop.operations.bilans import save_bilan
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.ui.background import wait_for_background_work
from contrat_desktop.ui.reminders_feed import DELAY_MS, reminder_feed
from contrat_desktop.ui.session import DossierSession


def test_closing_right_after_an_edit_reads_nothing_afterwards(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int | None] = []
    lock = threading.Lock()
    real = reminders.list_reminders

    def counted(dossier: Any, year: int | None = None, *args: Any, **kwargs: Any) -> Any:
        with lock:
            reads.append(year)
        return real(dossier, year, *args, **kwargs)

    monkeypatch.setattr(reminders, "list_reminders", counted)
    session = DossierSession(open_dossier(demo_path, user="camille", daily_backup=False))
    feed = reminder_feed(session)
    failures: list[str] = []
    received: list[object] = []
    feed.failed.connect(failures.append)
    feed.updated.connect(received.append)
    year = session.campaign_year
    late = next(r for r in real(session.dossier, year) if r.kind == "bilan_late")
    save_bilan(session.dossier, None, Report(late.action_id or 0, date.today()), date.today())
    session.notify("action")  # the edit: a reading is due in DELAY_MS
    assert feed.pending
    session.close()
    assert not feed.pending
    qtbot.wait(3 * DELAY_MS)  # past the moment the reading was due
    assert wait_for_background_work()
    qtbot.wait(50)  # any outcome queued to the GUI thread is delivered
    assert feed.readings == 0 and reads == []
    assert failures == [] and received == []
    feed.ask()  # a reader asking after the close reads nothing either
    assert feed.readings == 0 and not feed.pending
