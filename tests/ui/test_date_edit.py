"""The date field takes a date typed on the keyboard, empty or not (QA walk, item 4)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from contrat_desktop.ui.widgets.date_edit import DateEdit

_windows: list[QWidget] = []


def _field(qtbot: Any, value: date | None) -> tuple[DateEdit, QLineEdit]:
    """A date field followed by a text field, in a shown window, the date field focused."""
    window = QWidget()
    _windows[:] = [window]  # kept alive for the test
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    field, after = DateEdit(window), QLineEdit(window)
    layout.addWidget(field)
    layout.addWidget(after)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    field.set_value(value)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return field, after


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15032026", date(2026, 3, 15)),
        ("15/03/2026", date(2026, 3, 15)),
        ("1/3/2026", date(2026, 3, 1)),
        ("150326", date(2026, 3, 15)),
        ("15/3/26", date(2026, 3, 15)),
    ],
)
def test_typing_into_an_empty_date_gives_that_date(qtbot: Any, typed: str, expected: date) -> None:
    field, after = _field(qtbot, None)
    assert field.text() == "jj/mm/aaaa"
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == expected
    assert field.text() == expected.strftime("%d/%m/%Y")
    assert after.hasFocus()


def test_typing_over_a_selected_date_replaces_it(qtbot: Any) -> None:
    field, _after = _field(qtbot, date(2016, 1, 1))
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "15032026")
    assert field.value() == date(2026, 3, 15)
    assert field.text() == "15/03/2026"


def test_an_impossible_date_is_refused_and_the_field_keeps_its_date(qtbot: Any) -> None:
    field, after = _field(qtbot, date(2016, 1, 1))
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "31022026")  # the last 6 would make 31/02/2026: refused
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == date(2016, 1, 1)
    assert after.hasFocus()


def test_day_month_year_sections_still_edit_a_date(qtbot: Any) -> None:
    field, _after = _field(qtbot, date(2016, 1, 1))
    field.setSelectedSection(DateEdit.Section.MonthSection)
    qtbot.keyClicks(field, "07")
    assert field.value() == date(2016, 7, 1)


def test_a_date_emptied_stays_empty(qtbot: Any) -> None:
    field, _after = _field(qtbot, date(2016, 1, 1))
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() is None
    assert field.text() == "jj/mm/aaaa"


def test_tab_leaves_an_empty_date_field(qtbot: Any) -> None:
    """An empty field (« jj/mm/aaaa ») is passed by Tab like any other, not a trap that
    keeps the keyboard user on its day section (the bilan's « Réalisée du » field)."""
    field, after = _field(qtbot, None)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus() and field.value() is None
    after.setFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Backtab)  # nothing before it but the text field
    assert not field.hasFocus() and field.value() is None


def test_a_date_field_is_as_wide_as_a_date_not_as_the_dialog(qtbot: Any) -> None:
    from PySide6.QtWidgets import QFormLayout

    form = QWidget()
    qtbot.addWidget(form)
    layout = QFormLayout(form)
    field, other = DateEdit(form), QLineEdit(form)
    layout.addRow("Date :", field)
    layout.addRow("Référence :", other)
    form.resize(900, 120)
    form.show()
    qtbot.waitExposed(form)
    assert other.width() > 600  # a text field takes the row
    assert field.width() < 200  # the date does not
    for shown in ("28/08/2026", "jj/mm/aaaa"):
        field.set_value(date(2026, 8, 28) if shown[0] == "2" else None)
        assert field.lineEdit().text() == shown
        assert field.fontMetrics().horizontalAdvance(shown) < field.lineEdit().width()
