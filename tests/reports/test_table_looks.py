"""Cell looks shared by the cells of a large table draw exactly what ``table_style``'s
commands, applied cell by cell, draw (issue 11: the minutes' table of actions)."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Table

from contrat_desktop.reports.programmation_table import programmation_table
from contrat_desktop.reports.styles import GRID, build_pdf, cell_look, para, table_style
from tests.reports.record_factory import make_record

WHEN = datetime(2015, 4, 28, 18, 0)


def _rows() -> list[list[object]]:
    header = [para("Réf.", "cell_bold"), para("Financeur", "cell_bold"), "Montant"]
    body = [
        [para(f"2015-CS-{n:03d}", "cell"), f"Fin. {n}\nFin. {n + 1}", f"{n} 000 €\n0 €"]
        for n in range(1, 120)
    ]
    return [header, *body]


def _pdf(table: Table) -> bytes:
    return build_pdf([table], title="t", author="a", footer="f", created=WHEN)


def test_shared_looks_draw_the_same_bytes_as_commands_cell_by_cell() -> None:
    extra = (("LINEABOVE", (0, 1), (-1, 1), 0.4, GRID),)
    by_cell = Table(_rows(), colWidths=(80, 90, 70), repeatRows=1)
    by_cell.setStyle(
        table_style(
            *extra,
            ("ALIGN", (2, 1), (2, -1), "RIGHT"),
            ("FONTSIZE", (1, 1), (2, -1), 7.5),
        )
    )
    text, small = cell_look(), cell_look(fontsize=7.5)
    amount = cell_look(fontsize=7.5, alignment="RIGHT")
    looks = [[text] * 3] + [[text, small, amount]] * (len(_rows()) - 1)
    shared = Table(_rows(), colWidths=(80, 90, 70), repeatRows=1, cellStyles=looks)
    shared.setStyle(table_style(*extra, cells=False))
    assert _pdf(shared) == _pdf(by_cell)  # several pages: split tables keep their looks


def test_minutes_table_of_actions_shares_a_few_looks() -> None:
    table = programmation_table(make_record(actions=300, funders=6))[0]
    assert isinstance(table, Table)
    looks = {id(look) for row in table._cellStyles for look in row}
    assert len(looks) <= 3  # not one per cell (2 107 cells)
