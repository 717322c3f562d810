"""Text columns that share a table's width (« Versements à faire », « À faire »): no empty band
on the right while a name is cut, long names cut in their middle, whole in their tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from contrat_desktop.ui.session import DossierSession
from tests.ui.window_room import show_in_a_1280_window

TOOLTIP = Qt.ItemDataRole.ToolTipRole


def used_width(table: QTableView) -> int:
    header = table.horizontalHeader()
    return sum(
        header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)
    )


def elide_mode(table: QTableView, row: int, column: int) -> Qt.TextElideMode:
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.textElideMode = table.textElideMode()  # type: ignore[attr-defined]  # as the view does
    table.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
    return option.textElideMode  # type: ignore[attr-defined,no-any-return]


def test_due_payments_share_the_width_between_the_action_and_the_holder(
    qtbot: QtBot, session: DossierSession
) -> None:
    from contrat_desktop.ui.dialogs.funding.due_payments_dialog import (
        ACTION_COLUMN,
        HOLDER_COLUMN,
        DuePaymentsDialog,
    )

    state = session.references.funders[0]
    dialog = DuePaymentsDialog(session, state.id, 2016)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert abs(used_width(table) - table.viewport().width()) <= 1  # no empty band
    assert not table.wordWrap()  # one line a row
    holders = [table.item(row, HOLDER_COLUMN).text() for row in range(table.rowCount())]
    ccas = holders.index("Centre communal d'action sociale de Villiers-sur-Marne (CCAS)")
    assert table.item(ccas, HOLDER_COLUMN).toolTip() == holders[ccas]
    assert elide_mode(table, ccas, HOLDER_COLUMN) == Qt.TextElideMode.ElideMiddle
    # both texts cut in proportion to what they need, the holder (longer) keeps more room
    assert table.columnWidth(HOLDER_COLUMN) > table.columnWidth(ACTION_COLUMN) > 250
    dialog.resize(1700, 640)  # with the room, every name reads whole
    qtbot.waitUntil(lambda: abs(used_width(table) - table.viewport().width()) <= 1)
    for column in (ACTION_COLUMN, HOLDER_COLUMN):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)


def test_the_to_do_page_shares_its_width_between_concerns_and_detail(
    qtbot: QtBot, session: DossierSession
) -> None:
    from contrat_desktop.ui.pages.reminders import RemindersPage

    page = RemindersPage(session)
    qtbot.addWidget(page)
    show_in_a_1280_window(qtbot, page)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    table, model = page.table, page.model
    keys = [column.key for column in model.columns]
    concerns, text = keys.index("concerns"), keys.index("text")
    assert abs(used_width(table) - table.viewport().width()) <= 1
    assert abs(table.columnWidth(concerns) - table.columnWidth(text)) <= 1  # half each
    assert table.columnWidth(concerns) >= 290
    row = next(r for r in range(model.rowCount()) if "(PRE)" in model.row(r).concerns)
    whole = model.row(row).concerns
    assert model.data(model.index(row, concerns), TOOLTIP) == whole
    assert elide_mode(table, row, concerns) == Qt.TextElideMode.ElideMiddle
    assert elide_mode(table, row, text) == Qt.TextElideMode.ElideRight
    page.resize(1700, 900)  # a 1 920 px screen: the names read whole
    qtbot.waitUntil(lambda: abs(used_width(table) - table.viewport().width()) <= 1)
    metrics = table.fontMetrics()
    assert table.columnWidth(concerns) > metrics.horizontalAdvance(whole) + 8
