"""Work that can wait runs after a widget's next paint, once (start-up paints first)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from contrat_desktop.ui.after_paint import after_next_paint


def test_called_once_after_the_next_paint_and_not_before(qtbot: QtBot) -> None:
    label = QLabel("Tableau de bord")
    qtbot.addWidget(label)
    calls: list[str] = []
    after_next_paint(label, lambda: calls.append("read"))
    qtbot.wait(100)
    assert calls == []  # never shown: never painted
    label.show()
    qtbot.waitUntil(lambda: calls == ["read"], timeout=5_000)
    label.setText("Tableau de bord – campagne 2026")
    label.repaint()
    qtbot.wait(100)
    assert calls == ["read"]


def test_never_called_for_a_widget_destroyed_first(qtbot: QtBot) -> None:
    label = QLabel("x")
    calls: list[int] = []
    after_next_paint(label, lambda: calls.append(1))
    label.deleteLater()
    qtbot.wait(100)
    assert calls == []
