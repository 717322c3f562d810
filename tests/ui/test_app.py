"""The GUI entry point opens offscreen on the right dossier."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from contrat_desktop.app import START_AREAS, start
from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.paths import default_dossier_path
from contrat_desktop.samples import fill_demo
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.lock import read_lock


def test_first_start_creates_and_opens_the_demo(qtbot: QtBot, isolated_user_data: Path) -> None:
    started = start([])
    qtbot.addWidget(started.window)
    qtbot.waitExposed(started.window)
    assert started.dossier.path == default_dossier_path()
    assert started.dossier.path.is_relative_to(isolated_user_data)
    assert "dossier-demo.cdv" in started.window.windowTitle()
    page = started.window.page("programmation")
    assert page.model.rowCount() == 50  # the latest campaign (2016) is shown
    assert read_lock(started.dossier.path) is not None
    path = started.dossier.path
    started.window.close()
    started.window.session.close()
    assert read_lock(path) is None


def test_reopens_the_last_dossier(qtbot: QtBot, tmp_path: Path) -> None:
    other = create_dossier(tmp_path / "autre.cdv")
    first = start([str(other)])
    qtbot.addWidget(first.window)
    first.window.close()
    first.window.session.close()
    second = start([])
    qtbot.addWidget(second.window)
    assert second.dossier.path.resolve() == other.resolve()
    second.window.close()
    second.window.session.close()


def test_second_instance_shows_read_only_banner(qtbot: QtBot, tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "partage.cdv")
    with open_dossier(path, user="dominique", daily_backup=False):
        started = start([str(path)])
        qtbot.addWidget(started.window)
        assert started.dossier.read_only
        assert "dominique" in started.window.banner.label.text()
        assert started.window.banner.isVisibleTo(started.window)
        assert "#fff3cd" in started.window.banner.styleSheet()
        assert not started.window.page("programmation").new_button.isEnabled()
        started.window.close()
        started.window.session.close()


def test_navigation_shows_every_area(qtbot: QtBot, tmp_path: Path) -> None:
    started = start([str(create_dossier(tmp_path / "demo.cdv", fill=fill_demo))])
    qtbot.addWidget(started.window)
    window = started.window
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names[:5] == ["Tableau de bord", "Programmation", "À faire", "Porteurs", "Financeurs"]
    assert window.stack.currentWidget() is window.pages["dashboard"]  # the home page
    for row, key in enumerate(["dashboard", "programmation", "reminders", "holders", "funders"]):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[key]
    years = [window.campaign.itemText(i) for i in range(window.campaign.count())]
    assert years == ["Campagne 2015", "Campagne 2016"]
    window.campaign.setCurrentIndex(0)
    assert window.page("programmation").model.rowCount() == 55
    assert "Dernière sauvegarde" in window.backup_label.text()
    assert "écriture" in window.lock_label.text()
    window.close()
    window.session.close()


def test_a_dossier_that_cannot_be_opened_offers_another(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from contrat_desktop.app import start_or_recover

    damaged = tmp_path / "abime.cdv"
    damaged.write_text("illisible")
    good = create_dossier(tmp_path / "bon.cdv")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(
        QMessageBox,
        "clickedButton",
        lambda box: next(b for b in box.buttons() if b.text().startswith("Ouvrir")),
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    started = start_or_recover([str(damaged)])
    assert started is not None
    qtbot.addWidget(started.window)
    assert shown and "n'est pas un dossier" in shown[0]
    assert started.dossier.path == good
    from contrat_desktop.ui.preferences import Preferences

    assert Preferences().last_dossier == good.resolve()
    started.window.close()
    started.window.session.close()


def test_table_columns_are_remembered_for_every_list(qtbot: QtBot, tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "demo.cdv", fill=fill_demo)
    first = start([str(path)])
    qtbot.addWidget(first.window)
    window = first.window
    window.show_area("holders")
    holders_header = window._tables("holders")["holders/0"].horizontalHeader()
    holders_header.setSectionHidden(2, True)
    window.page("programmation").table.horizontalHeader().moveSection(2, 0)
    window.close()
    window.session.close()
    second = start([str(path)])
    qtbot.addWidget(second.window)
    moved = second.window.page("programmation").table.horizontalHeader()
    assert moved.logicalIndex(0) == 2
    second.window.show_area("holders")
    assert second.window._tables("holders")["holders/0"].horizontalHeader().isSectionHidden(2)
    second.window.close()
    second.window.session.close()


def test_qt_own_texts_are_in_french(qapp: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from contrat_desktop.ui.application import french_application

    assert french_application() is qapp
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
    )
    assert (
        buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuler"
    )
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Fermer"


def test_start_sets_what_it_built_aside_from_the_collector(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 11: the cyclic collector does not walk start-up's objects again and again (nor
    at exit); another dossier opened gives them back to it."""
    path = create_dossier(tmp_path / "demo.cdv", fill=fill_demo)
    gc.unfreeze()
    started = start([str(path)])
    qtbot.addWidget(started.window)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 10_000  # modules, widgets' wrappers, the page's rows
    assert started.window.banner.styleSheet() == ""  # styled when shown (read-only)
    assert started.controller.open(create_dossier(tmp_path / "autre.cdv"))
    assert gc.get_freeze_count() == 0
    started.window.close()
    started.window.session.close()


def test_start_leaves_the_collector_off_when_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "vide.cdv")
    gc.disable()
    try:
        started = start([str(path)])
        assert not gc.isenabled()
    finally:
        gc.enable()
    qtbot.addWidget(started.window)
    started.window.close()
    started.window.session.close()


def test_the_window_opens_on_the_area_asked(qtbot: QtBot, tmp_path: Path) -> None:
    started = start(
        [str(create_dossier(tmp_path / "demo.cdv", fill=fill_demo)), "--rubrique", "porteurs"]
    )
    qtbot.addWidget(started.window)
    window = started.window
    assert set(START_AREAS.values()) == {key for key, _ in window.areas}
    assert list(window.pages) == ["holders"]  # the dashboard is not built
    assert window.stack.currentWidget() is window.pages["holders"]
    assert window.nav.currentItem().text() == "Porteurs"
    window.show_area("dashboard")
    assert window.stack.currentWidget() is window.pages["dashboard"]
    window.close()
    window.session.close()


def test_an_unknown_area_is_refused_in_french(capsys: Any) -> None:
    import pytest

    with pytest.raises(SystemExit):
        start(["--rubrique", "accueil"])
    assert "rubrique inconnue « accueil » (rubriques : tableau-de-bord," in capsys.readouterr().err


def test_the_envois_entries_follow_the_dossier_when_the_file_menu_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    started = start([str(create_dossier(tmp_path / "principal.cdv"))])
    qtbot.addWidget(started.window)
    menu = started.window.package_menu
    file_menu = started.window.menuBar().actions()[0].menu()
    assert file_menu.title() == "&Fichier"
    file_menu.aboutToShow.emit()
    assert menu.copy_action.isEnabled() and "retour" in menu.write_action.text()
    started.window.close()
    started.window.session.close()


def test_the_dossier_opened_reaches_the_preferences_file(qtbot: QtBot, tmp_path: Path) -> None:
    """Written by Qt once the event loop runs, not on the start-up's path."""
    from contrat_desktop.paths import preferences_file

    path = create_dossier(tmp_path / "ouvert.cdv")
    started = start([str(path)])
    qtbot.addWidget(started.window)
    file = preferences_file()
    qtbot.waitUntil(lambda: file.is_file() and "ouvert.cdv" in file.read_text(encoding="utf-8"))
    started.window.close()
    assert "geometry" in file.read_text(encoding="utf-8")
    started.window.session.close()
