"""Old → new, cell by cell, between a programmation row and the action it speaks of (and
its funding lines); a status the workflow does not allow from the action's is a row error.

The dossier's side is one tuple per action, read by ``storage/action_state.py`` in the order
the row holds its updatable cells; a row equal to it (most rows of a return) is compared
once, as a whole, without looking at its cells one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.framework import PATH_SEPARATOR
from contrat_desktop.domain.workflow import ActionStatus, check_transition
from contrat_desktop.exchange.cells import display
from contrat_desktop.exchange.layout import CellKind, Column
from contrat_desktop.exchange.programmation_layout import parse_funder_key
from contrat_desktop.exchange.row_values import RowValues
from contrat_desktop.exchange.sheet_reader import RowIssue, SheetReading
from contrat_desktop.operations.import_plan import CellChange
from contrat_desktop.storage.action_state import ACTION_FIELDS, LINE_PARTS, Wanted

NEVER_CLEARED = frozenset({"title", "total_cost_cents", "status", "framework"})
_TEXT = (CellKind.TEXT, CellKind.LONG_TEXT)


class Differ:
    """What each updatable mapped column is (its layout column, funder part, header, place in
    the row) is worked out once per reading, not once per cell."""

    def __init__(self, reading: SheetReading) -> None:
        self.sheet = reading.sheet
        layout = reading.layout
        place = {key: position for position, key in enumerate(reading.mapping.values())}
        self.fields: list[tuple[str, Column, tuple[int, str] | None, str]] = []
        self.wanted: list[Wanted] = []  # what to read from the dossier, in the same order
        positions: list[int] = []
        for index, key in reading.mapping.items():
            column, funder = layout.column(key), parse_funder_key(key)
            if not column.updatable:
                continue
            if funder is not None and funder[1] in LINE_PARTS:
                self.wanted.append((funder[1], funder[0]))
            elif funder is None and key in ACTION_FIELDS:
                self.wanted.append((key, None))
            else:
                continue  # a column another part of the import writes
            self.fields.append((key, column, funder, reading.header_label(index)))
            positions.append(place[key])
        self.take = _getter(positions)
        self.dates = [n for n, (_, c, _, _) in enumerate(self.fields) if c.kind is CellKind.DATE]
        funders = [place[key] for key in reading.mapping.values() if parse_funder_key(key)]
        self.amounts = _getter(funders)

    def amount(self, values: RowValues) -> int:
        return sum(filter(None, self.amounts(values.cells)))

    def diff(
        self, stored: tuple[Any, ...], values: RowValues, row: int
    ) -> tuple[list[CellChange], list[RowIssue]]:
        """``stored``: the dossier's values as ``storage.action_state.stored_values`` reads
        them for ``wanted``."""
        new = self.take(values.cells)
        compared = new
        if self.dates:
            as_text = list(new)
            for n in self.dates:
                if as_text[n] is not None:
                    as_text[n] = as_text[n].isoformat()
            compared = tuple(as_text)
        if compared == stored:
            return [], []
        changes: list[CellChange] = []
        errors: list[RowIssue] = []
        for (key, column, funder, label), new_value, old in zip(
            self.fields, new, stored, strict=True
        ):
            if new_value is None and key in NEVER_CLEARED:
                continue
            if funder is not None and new_value is None and funder[1] == "requested":
                continue
            if column.kind is CellKind.DATE and old is not None:
                old = date.fromisoformat(old)
            if column.kind in _TEXT:
                old, new_value = old or None, new_value or None
            if old == new_value or _coarser(column, new_value, old):
                continue
            if key == "status":
                try:
                    check_transition(ActionStatus(old), ActionStatus(new_value))
                except ValidationError as error:
                    shown = column.label_of(new_value)
                    errors.append(RowIssue(self.sheet, row, label, shown, str(error)))
                    continue
            changes.append(
                CellChange(
                    key, label, display(column, old), display(column, new_value), old, new_value
                )
            )
        return changes, errors


def _coarser(column: Column, new: Any, old: Any) -> bool:
    """Whether the workbook names a node above the dossier's (« Cohésion sociale » for
    « Cohésion sociale › Éducation »: a file written before full paths): no change."""
    if column.kind is not CellKind.FRAMEWORK or new is None or old is None:
        return False
    return column.label_of(str(old)).startswith(column.label_of(str(new)) + PATH_SEPARATOR)


def _getter(positions: Sequence[int]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    if len(positions) > 1:
        return itemgetter(*positions)
    return lambda cells: tuple(cells[position] for position in positions)
