"""The strategic framework chosen in a list drawn as a tree (action editor, programmation
filter): labels as they are, no spaces to indent them; typing finds an element; the closed
box names its path; the list follows the edits made in the settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.framework_combo import DEPTH, GUIDES, PATH


def entries(combo: Any) -> list[tuple[str, int | None]]:
    return [(combo.itemText(n), combo.itemData(n, DEPTH)) for n in range(combo.count())]


def test_the_action_editor_shows_the_framework_as_a_tree(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = ActionDialog(session, 3)
    qtbot.addWidget(dialog)
    combo = dialog.form.framework
    shown = entries(combo)
    assert shown[0] == ("(non classée)", None)
    assert ("Cohésion sociale", 0) in shown and ("Vie locale", 1) in shown
    assert all(text == text.strip() for text, _depth in shown)  # no spaces to indent
    tree = session.references.tree
    for number in range(1, combo.count()):  # each element right under its parent
        node = tree.node(combo.itemData(number))
        depth = len(tree.ancestors(node.id or 0)) - 1
        assert (
            combo.itemData(number, DEPTH) == depth
            and len(combo.itemData(number, GUIDES)) == depth + 1
        )
    dialog.show()
    combo.setFocus()
    qtbot.keyClicks(combo, "Vie")  # typed on the closed list, as a user picks by keyboard
    assert combo.currentText() == "Vie locale"
    assert combo.current_path() == "Cohésion sociale › Vie locale"
    assert tree.node(combo.currentData()).code == "CS-VL"


def test_the_filter_follows_the_framework_edited_in_the_settings(
    qtbot: QtBot, session: DossierSession, boxes: Any, tmp_path: Any
) -> None:
    from contrat_desktop.ui.main_window import MainWindow
    from contrat_desktop.ui.preferences import Preferences

    window = MainWindow(Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.set_session(session)
    combo = window.page("programmation").filter_bar.framework
    settings = window.page("settings").references.framework
    health = next(n for n in session.references.tree.all() if n.code == "CS-SAN")
    settings.select(health.id or 0)
    boxes.text_answer = ("Santé et accès aux soins", True)
    settings.rename()
    settings.select(health.id or 0)
    boxes.text_answer = ("Prévention santé", True)
    settings.add_child()
    shown = entries(combo)
    renamed = shown.index(("Santé et accès aux soins", 1))
    assert shown[renamed + 1] == ("Prévention santé", 2)  # added under it
    combo.setCurrentIndex(renamed + 1)
    assert combo.current_path() == "Cohésion sociale › Santé et accès aux soins › Prévention santé"
    settings.select(health.id or 0)
    settings.toggle()  # deactivated: greyed, said in its path
    assert "(désactivé)" in window.page("programmation").filter_bar.framework.itemData(
        renamed, PATH
    )
