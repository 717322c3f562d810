"""The one path by which the application writes a workbook: .xlsx or .ods, by the extension.

Callers describe each sheet once (column widths, styles, hidden columns, drop-down lists,
frozen panes, filter, page setup) and stream its rows in order; a backend turns that into
XlsxWriter calls (``xlsx_writer.py``) or an OpenDocument spreadsheet (``ods_writer.py``).

Values are typed by what they are, never by what they look like: a ``str`` is stored as
text (a name starting with ``=``, ``+``, ``-`` or ``@`` stays a name), numbers as numbers,
dates as dates; the only formula is the one the application means (``ColumnTotal``). The
file is written under a temporary name and renamed once complete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.file_format import WORKBOOKS, file_format
from contrat_desktop.exchange.workbook_styles import Style

WORKBOOK_SUFFIXES = WORKBOOKS
LISTS_SHEET = "Listes"  # the hidden sheet holding the drop-down lists' values


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column of a sheet; ``width`` in characters, as spreadsheets count them."""

    width: float = 14.0
    style: Style | None = None  # the look of its empty cells
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class ChoiceList:
    """A drop-down list on ``column`` for rows ``first_row``..``last_row`` (0-based)."""

    column: int
    first_row: int
    last_row: int
    title: str
    choices: tuple[str, ...]
    message: str = "Choisissez une valeur dans la liste."


@dataclass(frozen=True, slots=True)
class PageSetup:
    landscape: bool = False
    paper: str = "A4"  # or "A3"
    fit_width: bool = True  # scaled to one page wide
    repeat_rows: tuple[int, int] | None = None  # rows printed on every page
    header: str = ""  # printed top left (the date top right)
    page_numbers: bool = False  # « Page n / N » at the bottom
    print_area: tuple[int, int, int, int] | None = None  # first row, col, last row, col
    margins: tuple[float, float, float, float] | None = None  # left, right, top, bottom (in)


@dataclass(frozen=True, slots=True)
class ColumnTotal:
    """The sum of the visible cells above in the same column (rows 0-based, inclusive),
    written as a formula with its value already computed."""

    first_row: int
    last_row: int
    value: float


@dataclass(frozen=True, slots=True)
class BookProperties:
    title: str = ""
    subject: str = ""
    author: str = ""
    company: str = ""
    comments: str = ""
    extra: dict[str, str] = field(default_factory=dict)


Styles = Style | Sequence[Style | None] | None


class SheetWriter(Protocol):
    def row(
        self,
        index: int,
        values: Sequence[Any],
        styles: Styles = None,
        *,
        first_column: int = 0,
        height: float | None = None,
        spans: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Write row ``index`` (rows in increasing order). ``styles`` is one style for every
        cell or one per cell; ``None`` writes no cell, ``""`` with a style a styled blank.
        A span ``(first, last)`` merges those columns and shows the value at ``first``."""

    def freeze(self, row: int, column: int = 0) -> None: ...

    def autofilter(self, first_row: int, first_column: int, last_row: int, last: int) -> None: ...

    def page(self, setup: PageSetup) -> None: ...


class BookWriter(Protocol):
    def add_sheet(
        self,
        name: str,
        columns: Sequence[ColumnSpec] = (),
        *,
        lists: Sequence[ChoiceList] = (),
        hidden: bool = False,
    ) -> SheetWriter: ...

    def properties(self, properties: BookProperties) -> None: ...

    def close(self) -> None: ...


@contextlib.contextmanager
def write_workbook(target: str | Path) -> Iterator[BookWriter]:
    """A writer for ``target`` in the format its extension names; the file appears, complete,
    only when the block ends without error."""
    kind = file_format(target, WORKBOOKS)
    with replaced_atomically(target) as partial:
        book: BookWriter
        if kind == "ods":
            from contrat_desktop.exchange.ods_writer import OdsBook

            book = OdsBook(partial)
        else:
            from contrat_desktop.exchange.xlsx_writer import XlsxBook

            book = XlsxBook(partial)
        yield book
        book.close()


def cell_text(value: Any) -> str | None:
    """What a non-number, non-date value shows as text (``None``: no cell)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    return value if isinstance(value, str) else str(value)
