"""The funder totals under the programmation follow the filter by updating their cells in
place (a keystroke must stay within one frame), and still show the right amounts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from contrat_desktop.domain.programmation import FunderAmounts
from contrat_desktop.ui.widgets.funder_totals import FunderTotals

NAMES = {1: "État BOP 147", 2: "Ville"}


def test_new_amounts_update_the_same_cells(qtbot: QtBot) -> None:
    table = FunderTotals()
    qtbot.addWidget(table)
    table.show_totals(
        {1: FunderAmounts(100_00, None, 50_00, 0), 2: FunderAmounts(7_00, None, None, 0)}, NAMES
    )
    items = [table.item(row, column) for row in range(2) for column in range(2)]
    table.show_totals(
        {1: FunderAmounts(123_456_78, None, 9_00, 0), 2: FunderAmounts(0, None, None, 0)}, NAMES
    )
    assert [table.item(row, column) for row in range(2) for column in range(2)] == items
    assert table.cell_text("État BOP 147", "Demandé") == "123\u202f456,78\u00a0€"
    assert table.cell_text("Ville", "Accordé") == "0,00\u00a0€"
    wide = table.columnWidth(0)
    assert wide >= table.fontMetrics().horizontalAdvance("123 456,78 €")


def test_a_funder_set_that_changes_rebuilds_the_columns(qtbot: QtBot) -> None:
    table = FunderTotals()
    qtbot.addWidget(table)
    table.show_totals({1: FunderAmounts(1_00, None, None, 0)}, NAMES)
    assert table.columnCount() == 1
    table.show_totals(
        {1: FunderAmounts(1_00, None, None, 0), 2: FunderAmounts(2_00, None, None, 0)}, NAMES
    )
    assert table.columnCount() == 2 and table.cell_text("Ville", "Demandé") == "2,00\u00a0€"
