"""Parse the mapped cells of a sheet's rows into compact ``RowValues``, a batch at a time.

A batch of rows is turned into columns and each column is parsed at once by its kind: text
stripped, euros that are exact floats turned into cents, and the rest (identifiers, choices,
dates, text typed where a number goes...) through the French parsers of ``cells.py``, whose
results are remembered per column (a SIRET repeats for each action of its holder). Each
unusable cell becomes a ``RowIssue`` naming sheet, row, column, value and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.exchange.cells import PARSERS
from contrat_desktop.exchange.layout import CellKind, Column
from contrat_desktop.exchange.row_values import RowValues


@dataclass(frozen=True, slots=True)
class RowIssue:
    sheet: str
    row: int  # as numbered in the spreadsheet (1 = first row)
    column: str  # the header as written in the sheet
    value: str
    message: str


@dataclass(slots=True)
class ParsedRow:
    row: int
    values: RowValues  # column key → domain value (None when blank)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    as_exported: bool = False  # its cells are still those its export wrote (not edited)
    amount_cents: int = 0  # read in part (as exported): the sum of its amounts


_TOTAL_LABEL = re.compile(r"\s*(total|totaux)\b", re.IGNORECASE)  # "Total (50 actions)", "TOTAL"
TOTALS = ParsedRow(0, RowValues({}, ()))  # what ``RowParser.parse`` gives for a totals row
_REMEMBERED = frozenset(
    {
        CellKind.SIRET,
        CellKind.DAUPHIN,
        CellKind.CHOICE,
        CellKind.FRAMEWORK,
        CellKind.DATE,
        CellKind.INTEGER,
        CellKind.YEAR,
    }
)
MEMO_LIMIT = 4_096  # distinct cells remembered per column
SHARED_LIMIT = 65_536  # distinct values shared per column
_SLOW = object()  # a cell the column's fast path leaves to its parser
Result = tuple[Any, str | None, str | None]  # value, warning, error


class RowParser:
    def __init__(
        self, sheet: str, plan: list[tuple[int, Column, str]], *, share_values: bool = False
    ) -> None:
        """``plan``: (sheet column index, layout column, header shown) of each mapped column;
        ``share_values`` for a long sheet: equal values of a column become one object."""
        self.sheet = sheet
        self.share_values = share_values
        self.columns = [column for _i, column, _l in plan]
        self.kinds = [column.kind for column in self.columns]
        self.labels = [label for _i, _c, label in plan]
        self.index = {column.key: position for position, column in enumerate(self.columns)}
        indexes = [index for index, _c, _l in plan]
        self.width = max(indexes, default=-1) + 1
        self.pick = _picker(indexes)
        self.shared: list[dict[Any, Any]] = [{} for _ in self.kinds]
        self.memos: list[dict[Any, Result] | None] = [
            {} if kind in _REMEMBERED else None for kind in self.kinds
        ]

    def parse(self, number: int, cells: list[Any]) -> ParsedRow | None:
        """One row: its values; ``None`` for a blank row, ``TOTALS`` for a totals row."""
        return self.parse_batch([(number, cells)])[0]

    def parse_batch(self, rows: Sequence[tuple[int, list[Any]]]) -> list[ParsedRow | None]:
        """Each row (number, cells) parsed, in order: ``None`` for a blank row, ``TOTALS``
        for a totals row (its first filled cell says « Total »)."""
        found: list[ParsedRow | None] = [None] * len(rows)
        numbers: list[int] = []
        places: list[int] = []
        picked: list[tuple[Any, ...]] = []
        width, pick = self.width, self.pick
        for place, (number, cells) in enumerate(rows):
            first = cells[0] if cells else None
            if first == "" or first is None:
                first = next((c for c in cells if c != "" and c is not None), None)
                if first is None:
                    continue
            if type(first) is str and _TOTAL_LABEL.match(first):
                found[place] = TOTALS
                continue
            if len(cells) < width:
                cells = [*cells, *([None] * (width - len(cells)))]
            numbers.append(number)
            places.append(place)
            picked.append(pick(cells))
        if not picked:
            return found
        errors: list[list[RowIssue]] = [[] for _ in picked]
        warnings: list[list[RowIssue]] = [[] for _ in picked]
        parsed = [
            self._column(position, column, numbers, errors, warnings)
            for position, column in enumerate(zip(*picked, strict=True))
        ]
        if self.share_values:
            parsed = [self._shared(position, values) for position, values in enumerate(parsed)]
        index = self.index
        for line, values in enumerate(zip(*parsed, strict=True)):
            if values.count(None) == len(values) and not errors[line]:
                continue  # no mapped cell filled: a blank row
            found[places[line]] = ParsedRow(
                numbers[line], RowValues(index, values), errors[line], warnings[line]
            )
        return found

    def _column(
        self,
        position: int,
        cells: tuple[Any, ...],
        numbers: list[int],
        errors: list[list[RowIssue]],
        warnings: list[list[RowIssue]],
    ) -> list[Any]:
        kind = self.kinds[position]
        if kind is CellKind.TEXT or kind is CellKind.LONG_TEXT:
            out = [
                (v.strip() or None) if type(v) is str else (None if v is None else _SLOW)
                for v in cells
            ]
        elif kind is CellKind.MONEY:  # euros as exact floats, else their parser
            out = [
                (c if 0 <= v < 1e12 and abs(v * 100 - (c := round(v * 100))) < 1e-6 else _SLOW)
                if type(v) is float
                else (None if v == "" else _cents(v))
                for v in cells
            ]
        elif kind is CellKind.DAUPHIN:  # 8 digits, as the export writes them
            out = [
                v if type(v) is str and len(v) == 8 and v.isdigit() else _blank_or_slow(v)
                for v in cells
            ]
        else:  # what this column already parsed, by cell (identifiers, choices repeat)
            memo = self.memos[position] or {}
            out = [_known(memo, v) for v in cells]
        if _SLOW not in out:
            return out
        for line, raw in enumerate(cells):
            if out[line] is not _SLOW:
                continue
            if type(raw) is str:
                raw = raw.strip()
            value, warning, error = self._cell(position, raw)
            out[line] = value
            if error is not None:
                errors[line].append(self._issue(numbers[line], position, raw, error))
            elif warning:
                warnings[line].append(self._issue(numbers[line], position, raw, warning))
        return out

    def _shared(self, position: int, values: list[Any]) -> list[Any]:
        """The column's values, each equal value one object: amounts, names, choices repeat
        down a column, and 100 000 rows of 70 columns would otherwise hold millions."""
        shared = self.shared[position]
        if len(shared) >= SHARED_LIMIT:
            get = shared.get
            return [get(v, v) for v in values]
        keep = shared.setdefault
        return [None if v is None else keep(v, v) for v in values]

    def _issue(self, number: int, position: int, raw: Any, message: str) -> RowIssue:
        return RowIssue(self.sheet, number, self.labels[position], _shown(raw), message)

    def _cell(self, position: int, raw: Any) -> Result:
        memo = self.memos[position]
        key = (raw.__class__, raw)  # 1, 1.0 and True are equal keys, not equal cells
        if memo is not None and (known := memo.get(key)) is not None:
            return known
        try:
            column = self.columns[position]
            value, warning = PARSERS[column.kind](column, raw)
            result: Result = (value, warning, None)
        except ValidationError as error:
            result = (None, None, str(error))
        if memo is not None and len(memo) < MEMO_LIMIT:
            memo[key] = result
        return result


def _known(memo: dict[Any, Result], raw: Any) -> Any:
    """The value this column parsed for the same cell, if it came with no remark; None for a
    blank cell; else ``_SLOW``."""
    known = memo.get((raw.__class__, raw))
    if known is None or known[1] is not None or known[2] is not None:
        return _blank_or_slow(raw)
    return known[0]


def _blank_or_slow(raw: Any) -> Any:
    if raw is None or raw == "" or (type(raw) is str and not raw.strip()):
        return None
    return _SLOW


def _cents(raw: Any) -> Any:
    """Euros read as an exact float → cents; a blank → None; anything else → ``_SLOW``."""
    if type(raw) is float and 0 <= raw < 1e12:
        cents = round(raw * 100)
        if abs(raw * 100 - cents) < 1e-6:
            return cents
        return _SLOW
    return _blank_or_slow(raw)


def _picker(indexes: list[int]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """The cells at ``indexes`` of a row, as a tuple (``itemgetter`` works in C)."""
    if len(indexes) > 1:
        return itemgetter(*indexes)
    return lambda cells: tuple(cells[index] for index in indexes)


def _shown(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)
