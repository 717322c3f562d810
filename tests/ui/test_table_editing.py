"""Tables edited in place, driven with the keyboard: an unreadable amount is marked at once
with its reason (in the cell, selected or not, and under the table), and Échap cancels the
edit of one cell, never the whole editor (action editor, meeting editor)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from contrat_desktop.operations.meetings import list_meetings
from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
from contrat_desktop.ui.dialogs.meetings.meeting_dialog import MeetingDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.cell_checks import ERROR_FRAME, PROBLEM_ROLE
from contrat_desktop.ui.widgets.money_edit import INVALID_STYLE


def shown(qtbot: QtBot, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def open_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> QLineEdit:
    """Select the cell and type: the first key opens its editor, as it does for a user."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClicks(table, text[0])
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit), type(editor)
    qtbot.keyClicks(editor, text[1:])
    return editor


def enter(qtbot: QtBot, editor: QLineEdit, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Leave the cell with Entrée (the table writes the cell once back in the event loop)."""
    table = editor.parentWidget().parentWidget()
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)


def frame_colour(table: QTableWidget, row: int, column: int) -> QColor:
    """The colour drawn on the left edge of a cell, as the user sees it."""
    rect = table.visualRect(table.model().index(row, column))
    image = table.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 1, rect.center().y())


def meeting(session: DossierSession, body: str) -> int:
    return next(m.id for m in list_meetings(session.dossier) if m.body.startswith(body))


def test_an_unreadable_amount_is_marked_at_once_with_its_reason(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = shown(qtbot, ActionDialog(session, 3))
    dialog.tabs.setCurrentIndex(3)
    grid, table = dialog.grid, dialog.grid.table
    editor = open_cell(qtbot, table, 0, 1, "abc")
    assert editor.styleSheet() == INVALID_STYLE  # while still typing
    assert "Montant illisible : « abc »" in editor.toolTip()
    enter(qtbot, editor)
    cell = table.item(0, 1)
    funder = table.item(0, 0).text()
    reason = f"{funder}, demandé : Montant illisible : « abc »."
    assert grid.problems.isVisibleTo(dialog) and reason in grid.problems.text()
    assert cell.toolTip() == reason and cell.data(PROBLEM_ROLE) == reason
    assert table.selectionModel().isRowSelected(0)  # the selection does not hide the mark
    assert frame_colour(table, 0, 1) == ERROR_FRAME
    assert not dialog.messages.isVisible()  # all this before any save
    enter(qtbot, type_over(qtbot, table, 0, 1, "12"))
    assert cell.text() == "12,00\u00a0€" and not cell.data(PROBLEM_ROLE)
    assert not grid.problems.isVisibleTo(dialog) and grid.errors == {}
    assert frame_colour(table, 0, 1) != ERROR_FRAME


def type_over(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> QLineEdit:
    editor = open_cell(qtbot, table, row, column, text)
    editor.setText(text)  # the first key replaced the cell's text; make it whole
    return editor


def test_an_unreadable_amount_in_a_meeting_is_marked_at_once(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = shown(qtbot, MeetingDialog(session, meeting(session, "Comité de pilotage technique")))
    dialog.tabs.setCurrentIndex(3)
    tab = dialog.examined
    column = tab.table.column(tab.amount_cell(0, tab.funder_ids[0]))
    before = tab.amount_cell(0, tab.funder_ids[0]).toolTip()  # the earlier stages
    enter(qtbot, type_over(qtbot, tab.table, 0, column, "douze"))
    assert tab.problems.isVisibleTo(dialog)
    assert "Montant illisible : « douze »" in tab.problems.text()
    assert frame_colour(tab.table, 0, column) == ERROR_FRAME
    enter(qtbot, type_over(qtbot, tab.table, 0, column, "1 000"))
    assert not tab.problems.isVisibleTo(dialog)
    assert tab.amount_cell(0, tab.funder_ids[0]).toolTip() == before


def test_escape_in_a_cell_cancels_that_cell_only(
    qtbot: QtBot, session: DossierSession, boxes: Any
) -> None:
    dialog = shown(qtbot, ActionDialog(session, 3))
    dialog.tabs.setCurrentIndex(3)
    table = dialog.grid.table
    before = table.item(0, 2).text()
    enter(qtbot, open_cell(qtbot, table, 0, 2, "99"), Qt.Key.Key_Escape)
    assert table.state() == QAbstractItemView.State.NoState
    assert table.item(0, 2).text() == before
    open_cell(qtbot, table, 0, 2, "77")
    qtbot.keyClick(table, Qt.Key.Key_Escape)  # the key reaches the table, not its editor
    assert table.state() == QAbstractItemView.State.NoState
    assert table.item(0, 2).text() == before
    assert dialog.isVisible() and not dialog.dirty and boxes.shown == []


def test_escape_in_a_list_or_date_cell_puts_back_its_value(
    qtbot: QtBot, session: DossierSession, boxes: Any
) -> None:
    dialog = shown(qtbot, MeetingDialog(session, meeting(session, "Comité de pilotage technique")))
    dialog.tabs.setCurrentIndex(1)
    presence = dialog.attendance.table.cellWidget(0, 4)
    assert isinstance(presence, QComboBox)
    presence.setFocus()
    was = presence.currentText()
    qtbot.keyClick(presence, Qt.Key.Key_Down)
    assert presence.currentText() != was
    qtbot.keyClick(presence, Qt.Key.Key_Escape)
    assert presence.currentText() == was and dialog.isVisible() and boxes.shown == []
    assert dialog.attendance.rows[0].presence.label == was
    dialog.tabs.setCurrentIndex(4)
    due = dialog.follow_ups.table.cellWidget(0, 2)
    due.setFocus()
    day = due.date()
    qtbot.keyClick(due, Qt.Key.Key_Up)
    assert due.date() != day
    qtbot.keyClick(due, Qt.Key.Key_Escape)
    assert due.date() == day and dialog.isVisible() and boxes.shown == []
    qtbot.keyClick(due, Qt.Key.Key_Escape)  # nothing left to cancel: the editor is left
    assert boxes.shown and boxes.shown[-1][0] == "question"


def test_the_payments_to_make_mark_an_unreadable_amount_and_escape_one_cell(
    qtbot: QtBot, session: DossierSession
) -> None:
    from contrat_desktop.ui.dialogs.funding.due_payments_dialog import (
        AMOUNT_COLUMN,
        KIND_COLUMN,
        DuePaymentsDialog,
    )

    state = session.references.funders[0]
    dialog = shown(qtbot, DuePaymentsDialog(session, state.id, 2016))
    table = dialog.table
    enter(qtbot, type_over(qtbot, table, 0, AMOUNT_COLUMN, "abc"))
    assert table.item(0, AMOUNT_COLUMN).data(PROBLEM_ROLE) == "Montant illisible : « abc »."
    assert frame_colour(table, 0, AMOUNT_COLUMN) == ERROR_FRAME
    kind = table.cellWidget(0, KIND_COLUMN)
    assert isinstance(kind, QComboBox)
    kind.setFocus()
    was = kind.currentText()
    last = kind.currentIndex() == kind.count() - 1
    qtbot.keyClick(kind, Qt.Key.Key_Up if last else Qt.Key.Key_Down)
    assert kind.currentText() != was
    qtbot.keyClick(kind, Qt.Key.Key_Escape)
    assert kind.currentText() == was and dialog.isVisible()  # the ticked lines are not lost
