"""The window's connection and the work done off the GUI thread: a background task can
neither close it nor deliver an outcome once it was closed, the import's progress goes before
its next dialogs, and the scripted run of issue 16 (cancel an import's progress, then open
the Conseil citoyen page) works."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from contrat_desktop.app import start
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.ui.background import read_in_background, run_in_background
from contrat_desktop.ui.session import DossierSession

WAIT_MS = 30_000


@pytest.fixture
def workbook(demo_path: Path, tmp_path: Path) -> Path:
    """The demo's 2015 programmation, as exported."""
    target = tmp_path / "programmation-2015.xlsx"
    with open_dossier(demo_path, read_only=True, daily_backup=False) as reader:
        export_programmation(reader, 2015, target)
    return target


def test_a_scripted_run_cancels_an_import_then_opens_the_council_page(
    qtbot: QtBot,
    demo_path: Path,
    workbook: Path,
    import_driver: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start() installs its own
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(workbook), ""))
    started = start([str(demo_path)])  # the window as the application builds it
    window = started.window
    qtbot.addWidget(window)
    window.import_action.trigger()  # step 1: Fichier › Importer un classeur…
    flow = window.import_flow
    assert flow.progress is not None and flow.task is not None
    flow.progress.findChild(QPushButton).click()  # its « Annuler »
    flow.ended.connect(lambda: started.app.exit(0))  # the script runs the window, ends a step
    started.app.exec()  # (aboutToQuit is emitted as the loop returns)
    assert flow.progress is None and flow.task is None
    assert not import_driver.sheets and not import_driver.previews  # nothing went on
    window.show_area("council")  # step 2: the Conseil citoyen page (it read a closed database)
    page = window.page("council")
    assert not started.dossier.closed
    assert page.council_combo.count() >= 1 and page.members.isVisibleTo(page)
    assert started.dossier.db.execute("SELECT count(*) FROM council").fetchone()[0] >= 1
    window.close()
    started.close()  # what main() does once the loop returned for good
    assert started.dossier.closed


def test_the_progress_goes_before_the_next_dialog_comes_up(
    qtbot: QtBot, exchange_window: Any, exported_workbook: Path, import_driver: Any
) -> None:
    seen: list[tuple[object, list[QProgressDialog]]] = []

    def at_sheet(_dialog: Any) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        seen.append((exchange_window.import_flow.task, [w for w in shown if w.isVisible()]))

    import_driver.on_sheet = at_sheet
    import_driver.apply = False
    exchange_window.import_workbook(exported_workbook)
    flow = exchange_window.import_flow
    with qtbot.waitSignal(flow.ended, timeout=WAIT_MS):
        pass
    assert seen == [(None, [])]  # no « Annuler » left over a reading that is done


def test_work_for_a_closed_dossier_ends_cancelled_without_its_outcome(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "autre.cdv"
    copy.write_bytes(demo_path.read_bytes())
    old = DossierSession(open_dossier(copy, user="camille", daily_backup=False))
    gate = threading.Event()

    def work(reader: Dossier) -> int:
        gate.wait(WAIT_MS / 1000)
        return int(reader.db.execute("SELECT count(*) FROM action").fetchone()[0])

    task = read_in_background(old.dossier, work)
    outcomes: list[object] = []
    task.succeeded.connect(outcomes.append)
    task.cancelled.connect(lambda: outcomes.append("annulée"))
    old.close()  # another dossier opened meanwhile: the window closes this one
    assert task.control.cancelled
    gate.set()
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert outcomes == ["annulée"]  # no handler ever sees the closed dossier


def test_a_worker_cannot_close_the_windows_connection(
    qtbot: QtBot, session: DossierSession
) -> None:
    task = run_in_background(lambda _control: session.dossier.close())
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as outcome:
        pass
    assert isinstance(outcome.args[0], sqlite3.ProgrammingError)
    assert not session.dossier.closed
    assert session.dossier.db.execute("SELECT count(*) FROM action").fetchone()[0] > 0


def test_a_cancelled_reading_lets_go_of_its_own_connection(
    qtbot: QtBot, session: DossierSession
) -> None:
    """Cancelled, the work closes its read-only connection: the window's writes, which the
    rollback journal keeps waiting while a reader holds the file, go through at once."""
    reading, gate = threading.Event(), threading.Event()

    def work(reader: Dossier) -> None:
        reader.db.execute("BEGIN")  # a read transaction: the file is held while it lasts
        reader.db.execute("SELECT count(*) FROM action").fetchone()
        reading.set()
        gate.wait(WAIT_MS / 1000)
        task.control.check()

    def write_at_once() -> None:
        db = session.dossier.db
        db.execute("PRAGMA busy_timeout = 0")  # fail instead of waiting for the reader
        try:
            with db.conn:
                db.execute("UPDATE action SET place = place WHERE id = 1")
        finally:
            db.execute("PRAGMA busy_timeout = 10000")

    task = read_in_background(session.dossier, work)
    assert reading.wait(WAIT_MS / 1000)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        write_at_once()  # the reader holds the file
    task.cancel()
    gate.set()
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        pass
    write_at_once()  # its connection was closed with the cancelled work
