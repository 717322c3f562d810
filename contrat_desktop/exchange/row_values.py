"""The values of one imported row, stored compactly.

A 100 000-row workbook of 70 columns held as one dict per row costs more memory than the
rest of the preview together; here every row of a reading shares one key index and keeps a
tuple of values, while still reading like a mapping (``values["title"]``, ``values.get``,
``values.items()``).
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping
from typing import Any


class RowValues(Mapping[str, Any]):
    """Column key → domain value (``None`` for a blank cell), in the order of ``index``."""

    __slots__ = ("_cells", "_index")

    def __init__(self, index: Mapping[str, int], cells: tuple[Any, ...]) -> None:
        self._index = index  # shared by every row of a reading
        self._cells = cells

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> RowValues:
        """From a plain mapping (tests, samples)."""
        return cls({key: position for position, key in enumerate(values)}, tuple(values.values()))

    @property
    def cells(self) -> tuple[Any, ...]:
        """The values in the order of the reading's mapped columns."""
        return self._cells

    def __getitem__(self, key: str) -> Any:
        return self._cells[self._index[key]]

    def get(self, key: str, default: Any = None) -> Any:
        position = self._index.get(key)
        return default if position is None else self._cells[position]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def items(self) -> ItemsView[str, Any]:
        return _Items(self)

    def __repr__(self) -> str:
        return f"RowValues({dict(zip(self._index, self._cells, strict=True))!r})"


class _Items(ItemsView[str, Any]):
    _mapping: RowValues

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        row = self._mapping
        return zip(row._index, row._cells, strict=True)
