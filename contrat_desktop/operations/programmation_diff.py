"""Old → new, cell by cell, between a programmation row and the action it speaks of (and
its funding lines); a status the workflow does not allow from the action's is a row error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus, check_transition
from contrat_desktop.exchange.cells import display
from contrat_desktop.exchange.layout import CellKind
from contrat_desktop.exchange.programmation_layout import parse_funder_key
from contrat_desktop.exchange.sheet_reader import RowIssue, SheetReading
from contrat_desktop.operations.import_plan import CellChange

NEVER_CLEARED = frozenset({"title", "total_cost_cents", "status"})


class Differ:
    """Old → new for each updatable cell of a row against one action and its funding lines.

    What each mapped column is (its layout column, funder part, header) is worked out once
    per reading, not once per cell.
    """

    def __init__(self, reading: SheetReading) -> None:
        self.sheet = reading.sheet
        layout = reading.layout
        self.fields = [
            (key, layout.column(key), parse_funder_key(key), reading.header_label(index))
            for index, key in reading.mapping.items()
            if layout.column(key).updatable
        ]
        self.funder_keys = [key for key in reading.mapping.values() if parse_funder_key(key)]

    def amount(self, values: Mapping[str, Any]) -> int:
        return sum(values.get(key) or 0 for key in self.funder_keys)

    def diff(
        self,
        action: Action,
        lines: dict[int, FundingLine],
        values: Mapping[str, Any],
        row: int,
    ) -> tuple[list[CellChange], list[RowIssue]]:
        changes: list[CellChange] = []
        errors: list[RowIssue] = []
        for key, column, funder, label in self.fields:
            new = values.get(key)
            if new is None and key in NEVER_CLEARED:
                continue
            if funder is not None:
                line = lines.get(funder[0])
                old = getattr(line, f"{funder[1]}_cents") if line else None
                if new is None and funder[1] == "requested":
                    continue
            else:
                old = _action_value(action, key)
            if column.kind in (CellKind.TEXT, CellKind.LONG_TEXT):
                old, new = old or None, new or None
            if old == new:
                continue
            if key == "status":
                try:
                    check_transition(action.status, ActionStatus(new))
                except ValidationError as error:
                    errors.append(
                        RowIssue(self.sheet, row, label, column.label_of(new), str(error))
                    )
                    continue
            changes.append(
                CellChange(key, label, display(column, old), display(column, new), old, new)
            )
        return changes, errors


def _action_value(action: Action, key: str) -> Any:
    if key == "beneficiaries_total":
        return action.beneficiaries.total
    value = getattr(action, key)
    if isinstance(value, (ActionStatus, Opinion)):
        return value.value
    if key == "dauphin_number":
        return value or None
    return value
