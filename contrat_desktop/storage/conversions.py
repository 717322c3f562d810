"""Map frozen domain dataclasses to SQLite rows and back, once for every repository.

Dates are ISO text, enums their value, booleans 0/1, nested dataclasses (``Beneficiaries``)
flattened with a prefix. Tuple fields (links to other tables) are left to the repositories.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")

Row = dict[str, Any]


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass, computed once per class."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _base_type(hint: Any) -> Any:
    """``int | None`` → ``int``; ``ActionStatus`` → ``ActionStatus``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def _is_link(hint: Any) -> bool:
    return typing.get_origin(hint) is tuple


def to_row(obj: Any, *, prefix: str = "", skip: tuple[str, ...] = ("id",)) -> Row:
    """A dict of column → SQLite value for ``obj`` (``id`` and tuple fields left out)."""
    row: Row = {}
    for name, nested, convert in _row_plan(type(obj)):
        if name in skip:
            continue
        value = getattr(obj, name)
        if nested and value is not None:
            row.update(to_row(value, prefix=f"{prefix}{name}_", skip=()))
        else:
            row[prefix + name] = value if convert is None or value is None else convert(value)
    return row


_ROW_PLANS: dict[type, tuple[tuple[str, bool, Any], ...]] = {}


def _row_plan(cls: type) -> tuple[tuple[str, bool, Any], ...]:
    """For each stored field of ``cls``: its name, whether it is a nested dataclass, and how
    its value becomes a SQLite value; worked out once per class (bulk writes turn thousands
    of records into rows)."""
    plan = _ROW_PLANS.get(cls)
    if plan is None:
        hints = _hints(cls)
        steps = []
        for field in dataclasses.fields(cls):
            hint = _base_type(hints[field.name])
            if _is_link(hint):
                continue
            nested = dataclasses.is_dataclass(hint)
            convert: Any = None
            if isinstance(hint, type) and issubclass(hint, Enum):
                convert = _enum_value
            elif hint is bool:
                convert = int
            elif hint in (date, datetime):
                convert = _iso
            elif not nested and hint not in (int, str, bytes, float):
                convert = to_sql  # anything else: decided value by value
            steps.append((field.name, nested, convert))
        plan = _ROW_PLANS[cls] = tuple(steps)
    return plan


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def to_sql(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def from_row(cls: type[T], row: Row, *, prefix: str = "", **links: Any) -> T:
    """Build ``cls`` from a row (and the link tuples the repository read separately)."""
    values: dict[str, Any] = dict(links)
    for name, key, convert, nested in _plan(cls, prefix):
        if name in links:
            continue
        if nested is not None:
            values[name] = from_row(nested, row, prefix=key)
        elif key in row:
            value = row[key]
            values[name] = value if value is None or convert is None else convert(value)
    return cls(**values)


def flat_reader(cls: type[T]) -> tuple[tuple[str, ...], Callable[[Sequence[Any]], T]]:
    """The columns to select for ``cls`` (a dataclass without nested or link fields, else
    ``ValueError``) and the function that builds one from a row holding them in that order:
    values passed by position, only dates, enums and booleans converted (thousands of rows,
    no field looked up by name)."""
    columns, links, build = record_reader(cls)
    if links or len(columns) != len(dataclasses.fields(cls)):  # type: ignore[arg-type]
        raise ValueError(f"{cls.__name__} has nested or link fields: not read by position")
    return columns, lambda values: build(values, ())


def record_reader(
    cls: type[T],
) -> tuple[tuple[str, ...], tuple[str, ...], Callable[[Sequence[Any], Sequence[Any]], T]]:
    """The columns to select for ``cls`` (a nested dataclass's prefixed), its link fields
    (tuples the repository reads from other tables) and ``build(row, links)``: the row
    holding the columns in that order, ``links`` the link fields' values in theirs."""
    hints = _hints(cls)
    columns: list[str] = []
    links: list[str] = []
    steps: list[tuple[int, Any]] = []  # (place in the row, converter)
    parts: list[tuple[int, int, int, Any]] = []  # (kind, start, end or link, nested build)
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        hint = _base_type(hints[field.name])
        if _is_link(hint):
            parts.append((_LINK, len(links), 0, None))
            links.append(field.name)
        elif dataclasses.is_dataclass(hint):
            inner, build_inner = flat_reader(hint)  # type: ignore[arg-type]
            start = len(columns)
            columns.extend(f"{field.name}_{column}" for column in inner)
            parts.append((_NESTED, start, len(columns), build_inner))
        else:
            convert = _converter(hint)
            if convert is not None:
                steps.append((len(columns), _fast(convert)))
            if parts and parts[-1][0] == _PLAIN:
                parts[-1] = (_PLAIN, parts[-1][1], len(columns) + 1, None)
            else:
                parts.append((_PLAIN, len(columns), len(columns) + 1, None))
            columns.append(field.name)
    only = tuple(parts) == ((_PLAIN, 0, len(columns), None),)

    def build(values: Sequence[Any], linked: Sequence[Any]) -> T:
        cells = list(values)
        for place, convert in steps:
            value = cells[place]
            if value is not None:
                cells[place] = convert(value)
        if only:
            return cls(*cells)
        arguments: list[Any] = []
        for kind, start, end, inner in parts:
            if kind == _PLAIN:
                arguments.extend(cells[start:end])
            elif kind == _NESTED:
                arguments.append(inner(cells[start:end]))
            else:
                arguments.append(linked[start])
        return cls(*arguments)

    return tuple(columns), tuple(links), build


_PLAIN, _NESTED, _LINK = 0, 1, 2


def _fast(convert: Any) -> Any:
    """An enum's members looked up by value in a dict (calling the enum costs more)."""
    if isinstance(convert, type) and issubclass(convert, Enum):
        return {member.value: member for member in convert}.__getitem__
    return convert


_Plan = list[tuple[str, str, Any, Any]]  # field, column (or prefix), converter, nested class
_PLANS: dict[tuple[type, str], _Plan] = {}


def _plan(cls: type, prefix: str) -> _Plan:
    """How to read each field of ``cls``, worked out once per class (rows are many)."""
    plan = _PLANS.get((cls, prefix))
    if plan is None:
        plan = []
        hints = _hints(cls)
        for field in dataclasses.fields(cls):
            hint = _base_type(hints[field.name])
            if _is_link(hint):
                continue
            if dataclasses.is_dataclass(hint):
                plan.append((field.name, f"{prefix}{field.name}_", None, hint))
            else:
                plan.append((field.name, prefix + field.name, _converter(hint), None))
        _PLANS[(cls, prefix)] = plan
    return plan


def _converter(hint: Any) -> Any:
    if hint is bool:
        return bool
    if hint is date:
        return date.fromisoformat
    if hint is datetime:
        return datetime.fromisoformat
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    return None  # stored as it is read (int, str, float, bytes): no call per value


def from_sql(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if hint is bool:
        return bool(value)
    if hint is date:
        return date.fromisoformat(value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


def fields_to_row(cls: type, values: Mapping[str, Any]) -> Row:
    """Some fields of ``cls`` as SQLite values, by column name (a nested field as
    ``beneficiaries_total``); ``None`` for a plain (non-optional) text field is the empty
    text. Raises ``KeyError`` for a name that is no column of ``cls``."""
    hints = _column_hints(cls)
    row: Row = {}
    for column, value in values.items():
        hint = hints[column]
        row[column] = "" if value is None and hint is str else to_sql(value)
    return row


_COLUMN_HINTS: dict[type, dict[str, Any]] = {}


def _column_hints(cls: type, prefix: str = "") -> dict[str, Any]:
    """Column name → the field's own hint (``str``, ``int | None``...), once per class."""
    found = _COLUMN_HINTS.get(cls) if not prefix else None
    if found is not None:
        return found
    found = {}
    hints = _hints(cls)
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        if _is_link(_base_type(hint)):
            continue
        if dataclasses.is_dataclass(_base_type(hint)):
            found.update(_column_hints(_base_type(hint), f"{prefix}{field.name}_"))
        else:
            found[prefix + field.name] = hint
    if not prefix:
        _COLUMN_HINTS[cls] = found
    return found


def columns_of(cls: type, *, prefix: str = "") -> dict[str, type]:
    """Column name → Python type, for creating a table from a dataclass."""
    columns: dict[str, type] = {}
    hints = _hints(cls)
    for field in dataclasses.fields(cls):
        if field.name == "id" and not prefix:
            continue
        hint = _base_type(hints[field.name])
        if _is_link(hint):
            continue
        if dataclasses.is_dataclass(hint):
            columns.update(columns_of(hint, prefix=f"{prefix}{field.name}_"))  # type: ignore[arg-type]
            continue
        columns[prefix + field.name] = _column_type(hint)
    return columns


def _column_type(hint: Any) -> type:
    if hint in (int, bool):
        return int
    if isinstance(hint, type) and issubclass(hint, Enum):
        return str
    if hint in (date, datetime, str):
        return str
    raise TypeError(f"no column type for {hint!r}")
