"""Cell names as spreadsheets show them: column letters and 1-based rows (``AB12``)."""

from __future__ import annotations


def column_letters(column: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """The name of the cell at 0-based ``row`` and ``column`` (``cell_name(4, 1)`` → ``B5``)."""
    return f"{column_letters(column)}{row + 1}"
