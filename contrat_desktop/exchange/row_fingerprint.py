"""Fingerprints of exported rows: a short strong hash of a row's cells, written by the export
in its hidden « Export » sheet and compared at import, so that a returned row nobody edited
is recognised in one pass over its cells.

The hash is taken on the cells as the reader reads them back, normalised only where readers
differ on the same value: an empty cell is ``None`` or ``""``, a number ``12`` or ``12.0``, a
date a ``date`` or a ``datetime`` at midnight; trailing empty cells are dropped. Nothing else
is folded (text is not stripped, no number is rounded): two rows with the same fingerprint
hold the same values for every parser, so a match never hides an edit; a row saved otherwise
by a spreadsheet program only fails to match, and is read the full way.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from hashlib import blake2b
from typing import Any

DIGEST_BYTES = 10
# what is still read of a row as exported: to find its action, its campaign, its label and
# the file's own keys (and the sum of the amounts it reads: it counts in the totals)
KEPT_KEYS = frozenset({"identifier", "reference", "dauphin_number", "title", "holder_name", "year"})
_MIDNIGHT = datetime.min.time()
_EXACT = 2**53  # integers a float holds exactly
_MARSHAL_VERSION = 2  # no back-references: the bytes depend on the values only


def row_fingerprint(cells: Sequence[Any]) -> str:
    """The fingerprint of one row: the cells written, or the cells read back."""
    return _digest(
        [
            ""
            if cell is None
            else cell
            if (kind := type(cell)) is str or kind is float
            else _plain(cell)
            for cell in cells
        ]
    )


def columns_fingerprint(keys: Iterable[str | None]) -> str:
    """The fingerprint of the column keys a sheet's columns are read as, in order: a row's
    fingerprint says nothing once its cells are read as other fields."""
    return blake2b(repr(list(keys)).encode(), digest_size=DIGEST_BYTES).hexdigest()


def _digest(plain: list[Any]) -> str:
    while plain and plain[-1] == "":
        plain.pop()
    data = marshal.dumps(plain, _MARSHAL_VERSION)
    return blake2b(data, digest_size=DIGEST_BYTES).hexdigest()


def _plain(cell: Any) -> Any:
    """A cell as marshal writes it: text, float, bool, "" for empty, tagged tuples for the
    rest (a reader never gives a tuple, so they cannot be mistaken for another value)."""
    kind = type(cell)
    if kind is str or kind is float or kind is bool:
        return cell
    if cell is None:
        return ""
    if kind is int:
        return float(cell) if -_EXACT <= cell <= _EXACT else ("i", cell)
    if kind is date:
        return ("d", cell.toordinal())
    if kind is datetime and cell.tzinfo is None:
        if cell.time() == _MIDNIGHT:
            return ("d", cell.toordinal())
        return ("t", cell.isoformat())
    return ("x", kind.__name__, repr(cell))


class ExportedRows:
    """Tells the rows of a sheet that are still as an export wrote them: same columns read as
    the same fields, and cells hashing to the fingerprint written for the row's identifier."""

    def __init__(self, fingerprints: Mapping[str, str], identifier: int, dates: Sequence[int]):
        self.fingerprints = fingerprints
        self.identifier = identifier
        self.dates = dates

    @classmethod
    def of(
        cls,
        columns: str,
        fingerprints: Mapping[str, str],
        mapping: Mapping[int, str],
        dates: Iterable[int] = (),
    ) -> ExportedRows | None:
        """``columns`` and ``fingerprints`` as the export wrote them; ``mapping`` (sheet
        column → key) as the import reads the sheet, ``dates`` its date columns. ``None``
        when nothing can be told."""
        if not columns or not fingerprints or not mapping:
            return None
        keys = [mapping.get(index) for index in range(max(mapping) + 1)]
        if "identifier" not in keys or columns_fingerprint(keys) != columns:
            return None
        return cls(fingerprints, keys.index("identifier"), tuple(dates))

    def __call__(self, cells: Sequence[Any]) -> bool:
        if len(cells) <= self.identifier:
            return False
        expected = self.fingerprints.get(cells[self.identifier])
        if expected is None:
            return False
        quick = self._quick(cells)
        if quick == expected:
            return True
        if quick and None not in cells:  # nothing the full normalisation would fold
            return False  # (readers give floats, never ints: an int only costs a full read)
        return expected == row_fingerprint(cells)

    def _quick(self, cells: Sequence[Any]) -> str:
        """The fingerprint of a row as read from an .xlsx or .ods (text, floats, "", dates
        where dates go), without looking at each cell; "" when marshal refuses a cell (a
        date elsewhere, a time...)."""
        plain = list(cells)
        for index in self.dates:
            if index < len(plain) and type(plain[index]) is date:
                plain[index] = ("d", plain[index].toordinal())
        try:
            return _digest(plain)
        except ValueError:
            return ""
