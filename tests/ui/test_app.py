"""The GUI entry point opens offscreen on the right dossier."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from contrat_desktop.app import start
from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.paths import default_dossier_path
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.lock import lock_path


def test_first_start_creates_and_opens_the_demo(qtbot: QtBot, isolated_user_data: Path) -> None:
    started = start([])
    qtbot.addWidget(started.window)
    qtbot.waitExposed(started.window)
    assert started.dossier.path == default_dossier_path()
    assert str(isolated_user_data) in started.window.path_label.text()
    assert "dossier-demo.cdv" in started.window.windowTitle()
    table = started.window.counts
    counts = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert counts["Actions"] == "105"
    assert lock_path(started.dossier.path).exists()
    started.window.close()
    started.dossier.close()
    assert not lock_path(started.dossier.path).exists()


def test_reopens_the_last_dossier(qtbot: QtBot, tmp_path: Path) -> None:
    other = create_dossier(tmp_path / "autre.cdv")
    first = start([str(other)])
    qtbot.addWidget(first.window)
    first.window.close()
    first.dossier.close()
    second = start([])
    qtbot.addWidget(second.window)
    assert second.dossier.path.resolve() == other.resolve()
    second.window.close()
    second.dossier.close()


def test_second_instance_shows_read_only_banner(qtbot: QtBot, tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "partage.cdv")
    with open_dossier(path, user="dominique", daily_backup=False):
        started = start([str(path)])
        qtbot.addWidget(started.window)
        assert started.dossier.read_only
        assert "dominique" in started.window.banner.text()
        started.window.close()
        started.dossier.close()
