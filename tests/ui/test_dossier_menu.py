"""File menu features: retry after read-only, new dossier, save a copy, backups and restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from contrat_desktop.app import start
from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.samples import fill_demo
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.lock import read_lock
from contrat_desktop.ui.dialogs.dossier.backups_dialog import BackupsDialog


def test_retry_opens_for_writing_once_the_holder_has_left(
    qtbot: QtBot, tmp_path: Path, boxes
) -> None:  # type: ignore[no-untyped-def]
    path = create_dossier(tmp_path / "partage.cdv", fill=fill_demo)
    holder = open_dossier(path, user="dominique", daily_backup=False)
    started = start([str(path)])
    qtbot.addWidget(started.window)
    window = started.window
    assert window.session.read_only and window.banner.isVisibleTo(window)
    window.banner.retry.click()  # still held: says so, stays read-only
    assert window.session.read_only
    assert "toujours" in boxes.shown[-1][2]
    holder.close()
    window.banner.retry.click()
    assert not window.session.read_only
    assert not window.banner.isVisibleTo(window)
    assert read_lock(path).user != "dominique"  # type: ignore[union-attr]
    assert window.page("programmation").new_button.isEnabled()
    window.close()
    window.session.close()


def test_new_dossier_and_save_a_copy(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    started = start([str(create_dossier(tmp_path / "demo.cdv", fill=fill_demo))])
    qtbot.addWidget(started.window)
    window = started.window
    copy = tmp_path / "copie.cdv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.save_copy_action.trigger()
    with open_dossier(copy, read_only=True) as saved:
        assert saved.db.execute("SELECT count(*) FROM action").fetchone()[0] == 105
    fresh = tmp_path / "nouveau"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    window._new_dossier()
    assert window.session.dossier.path == tmp_path / "nouveau.cdv"
    assert window.page("programmation").model.rowCount() == 0
    assert "nouveau.cdv" in window.windowTitle()
    window.close()
    window.session.close()


def test_backups_dialog_backs_up_and_restores(qtbot: QtBot, session, boxes) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(session)
    qtbot.addWidget(dialog)
    before = dialog.table.rowCount()
    dialog.backup_now.click()
    assert dialog.table.rowCount() == before + 1
    title = session.repos.actions.get(1).title
    action = session.repos.actions.get(1)
    from dataclasses import replace

    session.repos.actions.update(replace(action, title="Titre modifié après la sauvegarde"))
    dialog.table.selectRow(0)  # newest first: the manual backup just taken
    dialog._restore()
    assert session.repos.actions.get(1).title == title
    reasons = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "Avant une restauration" in reasons  # the state before restoring was kept
    assert "restaurée" in boxes.shown[-1][2]


def test_a_new_dossier_is_usable_at_once(qtbot: QtBot, tmp_path: Path, monkeypatch, boxes) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtWidgets import QInputDialog

    from contrat_desktop.domain.holders import Holder
    from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog

    started = start([str(create_dossier(tmp_path / "vide.cdv"))])
    qtbot.addWidget(started.window)
    window = started.window
    this_year = date.today().year
    assert window.campaign.currentText() == f"Campagne {this_year}"
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (this_year + 1, True))
    window.campaign_bar.new_campaign()
    assert window.campaign.currentText() == f"Campagne {this_year + 1}"
    window.campaign_bar.new_campaign()  # the same year again: refused, explained
    assert "existe déjà" in boxes.shown[-1][2]
    session = window.session
    session.repos.holders.add(Holder(legal_name="Association Test"))
    session.notify("holder")
    dialog = ActionDialog(session, None)
    qtbot.addWidget(dialog)
    assert dialog.form.reference.text() == f"{this_year + 1}-ACT-001"
    dialog.form.framework.setCurrentIndex(dialog.form.framework.findText("Cohésion sociale"))
    assert dialog.form.reference.text() == f"{this_year + 1}-CS-001"
    dialog.form.title.setText("Première action")
    dialog.form.holder.setCurrentIndex(0)
    assert dialog.save(), dialog.messages.text()
    assert window.page("programmation").model.rowCount() == 1
    window.close()
    session.close()
