"""Export the programmation from the window (page button, File menu), and the background
helper that runs it off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from contrat_desktop.ui.background import Cancelled, TaskControl, run_in_background
from contrat_desktop.ui.session import DossierSession

WAIT_MS = 30_000


def test_export_from_the_page_writes_the_campaign(
    session: DossierSession,
    exchange_window: Any,
    exported_workbook: Path,
    exported_column: Any,
) -> None:
    sheet = openpyxl.load_workbook(exported_workbook, read_only=False)["Programmation"]
    reference = exported_column(sheet, "Référence")
    title = exported_column(sheet, "Intitulé de l'action")
    written = {
        sheet.cell(row=row, column=reference).value: sheet.cell(row=row, column=title).value
        for row in range(5, sheet.max_row)
    }
    actions = session.repos.actions.for_campaign(session.campaign_id)
    assert written == {action.reference: action.title for action in actions}
    assert len(written) == 50
    status = exchange_window.statusBar().currentMessage()
    assert str(exported_workbook) in status and "50" in status


def test_menu_entry_proposes_a_named_file_and_says_where_it_went(
    qtbot: QtBot, session: DossierSession, exchange_window: Any, answer_save_dialog: Any
) -> None:
    year = session.campaign_year
    target = session.dossier.path.parent / "sortie" / f"programmation-{year}"  # no suffix typed
    target.parent.mkdir()
    calls = answer_save_dialog(target)
    assert exchange_window.export_action.isEnabled()
    exchange_window.export_action.trigger()
    assert Path(calls[0][2]).name == f"programmation-{year}.xlsx"
    task = exchange_window.export_task
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as outcome:
        pass
    written = target.with_suffix(".xlsx")
    assert outcome.args[0].path == written and written.exists()
    assert f"Programmation {year} exportée" in exchange_window.statusBar().currentMessage()


def test_export_to_an_unwritable_place_says_why(
    qtbot: QtBot, exchange_window: Any, answer_save_dialog: Any, tmp_path: Path, boxes: Any
) -> None:
    answer_save_dialog(tmp_path / "absent" / "programmation.xlsx")
    exchange_window.export_action.trigger()
    with qtbot.waitSignal(exchange_window.export_task.failed, timeout=WAIT_MS):
        pass
    assert boxes.shown and boxes.shown[0][0] == "warning"
    assert not (tmp_path / "absent").exists()


# background helper --------------------------------------------------------------------
def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: dict[str, Any] = {"progress": []}

    def work(control: TaskControl) -> int:
        seen["worker"] = threading.get_ident()
        for done in range(3):
            control.report(done, 3)
        return 42

    task = run_in_background(work)
    task.progressed.connect(
        lambda done, total: seen["progress"].append((done, total, threading.get_ident()))
    )
    task.succeeded.connect(lambda _value: seen.setdefault("slot", threading.get_ident()))
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as outcome:
        pass
    assert outcome.args == [42]
    assert seen["worker"] != gui and seen["slot"] == gui
    assert [(d, t) for d, t, _ in seen["progress"]] == [(0, 3), (1, 3), (2, 3)]
    assert {thread for _, _, thread in seen["progress"]} == {gui}


def test_exception_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    def work(_control: TaskControl) -> None:
        raise ValueError("montant illisible")

    task = run_in_background(work)
    threads: list[int] = []
    task.failed.connect(lambda _error: threads.append(threading.get_ident()))
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as outcome:
        pass
    assert isinstance(outcome.args[0], ValueError) and str(outcome.args[0]) == "montant illisible"
    assert threads == [threading.get_ident()]


def test_cancel_stops_the_work_at_its_next_checkpoint(qtbot: QtBot) -> None:
    started, release = threading.Event(), threading.Event()
    reached: list[int] = []

    def work(control: TaskControl) -> str:
        started.set()
        release.wait(10)
        for step in range(100):
            control.report(step, 100)
            reached.append(step)
        return "fini"

    task = run_in_background(work)
    results: list[Any] = []
    task.succeeded.connect(results.append)
    assert started.wait(10)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        pass
    assert reached == [] and results == []
    assert task.control.cancelled
    with pytest.raises(Cancelled):
        task.control.check()
