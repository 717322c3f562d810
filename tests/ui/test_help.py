"""The user guide (F1) and the About dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contrat_desktop.paths import log_file, user_data_dir
from contrat_desktop.ui.dialogs.dossier.help_dialog import AboutDialog, HelpDialog, guide_path


def test_the_guide_covers_the_topics(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for topic in (
        "Pour commencer",
        "Le cycle de l'année",
        "COPIL",
        "préfecture",
        "compte rendu",
        "Conseil citoyen",
        "Sauvegardes et restauration",
        "Lecture seule et verrou",
        "Raccourcis clavier",
    ):
        assert topic in text, topic
    dialog.search.setText("verrou")
    assert dialog.find_next()
    assert dialog.browser.textCursor().selectedText().lower() == "verrou"
    dialog.search.setText("introuvable-xyz")
    assert not dialog.find_next() and dialog.status.text() == "Introuvable"


def test_f1_opens_the_guide_from_the_help_menu(qtbot: QtBot, exchange_window: Any) -> None:
    action = exchange_window.help_action
    assert action.shortcut().toString() == "F1"
    action.trigger()
    assert exchange_window.help_dialog.isVisible()
    assert exchange_window.help_dialog.browser.source().toLocalFile() == str(guide_path())
    exchange_window.help_dialog.close()


def test_about_tells_where_things_are(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = AboutDialog(tmp_path / "jeunesse.cdv")
    qtbot.addWidget(dialog)
    text = dialog.label.text()
    for fact in (str(tmp_path / "jeunesse.cdv"), str(user_data_dir()), str(log_file()), "MIT"):
        assert fact in text
    dialog.copy_facts()
    from PySide6.QtGui import QGuiApplication

    copied = QGuiApplication.clipboard().text()
    assert "Fichier journal" in copied and "Qt / PySide6" in copied
