"""A page shown with the room it has in a 1 280 px wide window, where the QA walk read it."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

PAGE_ROOM_1280 = (1060, 700)  # the window less the navigation list and the margins


def show_in_a_1280_window(qtbot: QtBot, page: Any) -> None:
    page.resize(*PAGE_ROOM_1280)
    page.show()
    qtbot.waitExposed(page)
