"""The « Rapprochement » tab of the import preview: a State export imported from the window
shows its four categories; a row the dossier lacks is linked to an action (chosen in the
link dialog), another ignored, with the buttons; applying remembers both choices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.reconciliation import Category, Choice
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.reconciliation import RememberedChoices
from contrat_desktop.ui.dialogs.exchange.import_preview import PreviewDialog
from contrat_desktop.ui.dialogs.exchange.reconcile_link import LinkDialog
from contrat_desktop.ui.dialogs.exchange.reconcile_view import ReconcileView
from contrat_desktop.ui.session import DossierSession
from tests.operations.reconcile_fixtures import (
    Crafted,
    crafted_dossier,
    dauphin_rows,
    write_workbook,
)
from tests.ui.test_import_dialog import run_import


@pytest.fixture
def crafted_session(tmp_path: Path, qapp: Any) -> Iterator[tuple[DossierSession, Crafted]]:
    path = tmp_path / "villiers.cdv"
    with open_dossier(path, create=True, user="camille", daily_backup=False) as dossier:
        made = crafted_dossier(dossier)
    opened = DossierSession(open_dossier(path, user="camille", daily_backup=False))
    yield opened, made
    opened.close()


@pytest.fixture
def window(
    qtbot: QtBot, crafted_session: tuple[DossierSession, Crafted], tmp_path: Path
) -> Iterator[Any]:
    from PySide6.QtCore import QSettings

    from contrat_desktop.ui.background import wait_for_background_work
    from contrat_desktop.ui.main_window import MainWindow
    from contrat_desktop.ui.preferences import Preferences

    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    shown = MainWindow(prefs)
    qtbot.addWidget(shown)
    shown.set_session(crafted_session[0])
    yield shown
    wait_for_background_work()


def test_the_state_export_is_reconciled_in_the_window(
    qtbot: QtBot,
    window: Any,
    crafted_session: tuple[DossierSession, Crafted],
    import_driver: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, made = crafted_session
    export = write_workbook(tmp_path / "etat-2024.xlsx", dauphin_rows(made))
    linked: list[LinkDialog] = []

    def pick(dialog: LinkDialog) -> int:
        linked.append(dialog)
        shown = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert shown[0].startswith(made.absent.reference) and "même porteur" in shown[0]
        dialog.search.setText("sociolinguistiques")  # searching narrows the list
        assert dialog.list.count() == 1
        return 1

    monkeypatch.setattr(LinkDialog, "exec", pick)

    def on_preview(dialog: PreviewDialog) -> None:
        view = dialog.reconcile
        assert isinstance(view, ReconcileView)
        assert dialog.tabs.currentWidget() is view
        assert dialog.tabs.tabText(0) == "Rapprochement"
        categories = [line.category for line in view.model.rows()]
        assert categories == [
            Category.MATCHED, Category.DIFFERENT, Category.FILE_ONLY, Category.FILE_ONLY,
            Category.DOSSIER_ONLY,
        ]  # fmt: skip
        assert "Dans le dossier seulement : <b>1</b>" in view.summary.text()
        assert "1 d'autres contrats de ville" in view.summary.text()
        assert view.select_row(2)
        assert not view.create_button.isEnabled()  # matched: nothing to choose
        assert view.select_row(4)
        assert view.link_button.isEnabled() and view.create_button.isEnabled()
        qtbot.mouseClick(view.link_button, _left())
        assert linked and view.current() is not None
        line = view.current()
        assert line is not None and line.category is Category.DIFFERENT
        assert line.in_dossier.startswith(made.other.reference)
        assert view.select_row(6)
        qtbot.mouseClick(view.ignore_button, _left())
        line = view.current()
        assert line is not None and line.choice.startswith(Choice.IGNORE.label)
        view.which.setCurrentIndex(view.which.findData(Category.FILE_ONLY.key))
        assert [line.row for line in view.model.rows()] == [6]
        assert dialog.apply_button.isEnabled()

    import_driver.on_preview = on_preview
    run_import(qtbot, window, export)
    assert import_driver.previews
    kept = {(c.file_key, c.choice) for c in RememberedChoices(session.dossier).all()}
    assert ("dossier:00123499", Choice.LINK) in kept
    assert ("dossier:00123497", Choice.IGNORE) in kept


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
