"""Fichier › Envois in the window: a service copy made from the main dossier, an envoi opened,
previewed (conflict in red, choice per action) and applied, a retour written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from contrat_desktop.domain.packages import Choice, Verdict
from contrat_desktop.operations.package_write import write_package_file
from contrat_desktop.operations.programmation import load_action, save_action
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.ui.dialogs.exchange.package_dialog import PackageDialog
from contrat_desktop.ui.dialogs.exchange.package_flow import ChooseActionsDialog

WAIT_MS = 30_000


def _answer_files(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _retitle(dossier: Any, reference: str, title: str) -> None:
    row = dossier.db.execute("SELECT id FROM action WHERE reference = ?", [reference])
    seen = load_action(dossier, row.fetchone()[0])
    save_action(dossier, seen, replace(seen, action=replace(seen.action, title=title)))


def test_a_service_envoi_is_previewed_then_applied_in_the_main_window(
    qtbot: Any, exchange_window: Any, boxes: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = exchange_window
    menu = window.package_menu
    menu.refresh()  # as the « Fichier » menu opening does
    assert menu.copy_action.isEnabled() and "retour" in menu.write_action.text()

    copy = tmp_path / "service-jeunesse.cdv"
    boxes.text_answer = ("Service jeunesse", True)
    _answer_files(monkeypatch, copy)
    menu.copy_action.trigger()
    assert copy.exists() and "Service jeunesse" in boxes.shown[-1][2]

    session = window.session
    first, second = (s.reference for s in _campaign(session)[:2])
    package = tmp_path / "envoi.cdvenvoi"
    with open_dossier(copy, user="service", daily_backup=False) as service:
        _retitle(service, first, "Intitulé revu par le service")
        _retitle(service, second, "Titre du service")
        write_package_file(service, session.campaign_year, package)
    # the chef de projet changed the second one meanwhile: a conflict
    _retitle(session.dossier, second, "Titre du chef de projet")

    seen: dict[str, Any] = {}

    def preview(dialog: PackageDialog) -> int:
        seen["rows"] = dialog.actions.rowCount()  # unchanged actions hidden at first
        dialog.show_unchanged.setChecked(True)
        seen["all_rows"] = dialog.actions.rowCount()
        seen["first_state"] = dialog.actions.item(0, 2).text()
        dialog.actions.selectRow(0)
        seen["fields"] = [dialog.fields.item(r, 1).text() for r in range(dialog.fields.rowCount())]
        seen["local_edit"] = dialog.fields.item(0, 4).text()
        conflicted = next(a for a in dialog.plan.actions if a.verdict is Verdict.CONFLICT)
        dialog.plan.choose(conflicted.uid, Choice.TAKE)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PackageDialog, "exec", preview)
    _answer_files(monkeypatch, package)
    menu.open_action.trigger()
    with qtbot.waitSignal(menu.task.finished, timeout=WAIT_MS):
        pass
    assert (seen["rows"], seen["all_rows"]) == (2, len(_campaign(session)))
    assert seen["first_state"] == "En conflit" and seen["fields"] == ["Intitulé"]
    assert "camille" in seen["local_edit"]
    titles = {s.reference: s.title for s in _campaign(session)}
    assert titles[first] == "Intitulé revu par le service"
    assert titles[second] == "Titre du service"
    assert boxes.shown[-1][1] == "Envoi appliqué"


def test_the_main_dossier_writes_a_retour_of_the_ticked_actions(
    qtbot: Any, exchange_window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    menu = exchange_window.package_menu
    menu.refresh()  # as the « Fichier » menu opening does
    target = tmp_path / "retour.cdvenvoi"

    def tick_two(dialog: ChooseActionsDialog) -> int:
        first = dialog.list.item(0).text().split()[0]
        dialog.filter.setText(first)
        shown = [i for i in range(dialog.list.count()) if not dialog.list.item(i).isHidden()]
        assert shown == [0]
        dialog.filter.setText("")
        for index in range(2, dialog.list.count()):
            dialog.list.item(index).setCheckState(Qt.CheckState.Unchecked)
        assert dialog.count.text().startswith("2 action(s)")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ChooseActionsDialog, "exec", tick_two)
    _answer_files(monkeypatch, target)
    menu.write_action.trigger()
    with qtbot.waitSignal(menu.task.finished, timeout=WAIT_MS):
        pass
    assert target.exists()
    with open_dossier(exchange_window.session.dossier.path, read_only=True) as dossier:
        row = dossier.db.execute(
            "SELECT kind, direction, actions FROM package_journal ORDER BY id DESC"
        ).fetchone()
    assert (
        row[0] == "retour"
        and row[1] == "écrit"
        and 0 < row[2] < len(_campaign(exchange_window.session))
    )


def _campaign(session: Any) -> list[Any]:
    from contrat_desktop.operations.programmation import load_programmation

    return sorted(
        load_programmation(session.dossier, session.campaign_id), key=lambda s: s.reference
    )
