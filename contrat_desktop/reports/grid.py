"""A table of text cells over the frame's width, columns given as shares of it."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table

from contrat_desktop.reports.styles import frame_width, para, table_style


def grid(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header: bool = True,
    heights: Sequence[float | None] | None = None,
    extra: Sequence[tuple[object, ...]] = (),
    size: tuple[float, float] | None = None,
    align: str = "CENTER",
) -> Table:
    """Strings become wrapped cells; with ``header`` the first row is tinted and repeated on
    every page."""
    width = frame_width() if size is None else frame_width(size)
    cells = [
        [cell if isinstance(cell, Flowable) else para(str(cell), "cell") for cell in row]
        for row in rows
    ]
    table = Table(
        cells, colWidths=[width * w for w in widths], repeatRows=1 if header else 0,
        rowHeights=list(heights) if heights else None, hAlign=align,
    )  # fmt: skip
    untinted = () if header else (("BACKGROUND", (0, 0), (-1, 0), None),)
    table.setStyle(table_style(*untinted, *extra))
    return table
