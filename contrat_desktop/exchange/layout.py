"""Column layouts: declared once (header, aliases, kind, width) and shared by import and export.

A cell's ``kind`` names its parser and formatter (``cells.py``); ``choices`` maps stored
codes to the labels people read and pick from a list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from contrat_desktop.exchange.headers import header_key


class CellKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    MONEY = "money"
    DATE = "date"
    INTEGER = "integer"
    YEAR = "year"  # an integer read as such, written without thousands grouping (2016)
    SIRET = "siret"
    POSTCODE = "postcode"
    DAUPHIN = "dauphin"
    CHOICE = "choice"
    FRAMEWORK = "framework"  # a node of the strategic framework, written as its full path


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    kind: CellKind = CellKind.TEXT
    aliases: tuple[str, ...] = ()
    choices: tuple[tuple[str, str], ...] = ()  # (stored code, label shown); paths of nodes
    width: float = 14.0
    group: str = ""  # the band above the header (a funder's name)
    hidden: bool = False
    updatable: bool = False  # an import may change the dossier through this column
    filled_by_prefecture: bool = False  # gets a drop-down list in the export

    def match_keys(self) -> frozenset[str]:
        """Normalised spellings that name this column (header, aliases, group + header)."""
        names = [self.header, *self.aliases]
        if self.group:
            names += [f"{self.group} {self.header}", f"{self.header} {self.group}"]
        return frozenset(header_key(name) for name in names if name)

    def label_of(self, code: str) -> str:
        return dict(self.choices).get(code, code)


@dataclass(frozen=True, slots=True)
class Layout:
    """The columns of one kind of workbook and the name of what it imports into."""

    name: str  # "programmation", "porteurs"
    title: str
    columns: tuple[Column, ...]
    required: frozenset[str] = field(default_factory=frozenset)  # keys a sheet must have

    def column(self, key: str) -> Column:
        return _by_key(self.columns)[key]

    def keys(self) -> list[str]:
        return [column.key for column in self.columns]


_INDEXES: dict[int, tuple[tuple[Column, ...], dict[str, Column]]] = {}


def _by_key(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Column by key, indexed once per layout (by identity: hashing columns is slow)."""
    cached = _INDEXES.get(id(columns))
    if cached is None or cached[0] is not columns:
        cached = _INDEXES[id(columns)] = (columns, {column.key: column for column in columns})
    return cached[1]
