"""Fichier › Exporter les subventions (données ouvertes): the campaign's grants as SCDL."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from contrat_desktop.ui.session import DossierSession


def test_menu_writes_the_campaign_in_the_background(
    qtbot: QtBot,
    session: DossierSession,
    exchange_window: Any,
    answer_save_dialog: Any,
    tmp_path: Path,
) -> None:
    calls = answer_save_dialog(tmp_path / "subventions")
    exchange_window.open_data_action.trigger()
    assert calls and calls[0][2].endswith("subventions-2016.csv")
    task = exchange_window.open_data_task
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    written = tmp_path / "subventions.csv"
    with written.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert rows and {row["dateConvention"][:4] for row in rows} == {"2016"}
    assert str(written) in exchange_window.statusBar().currentMessage()
