"""The base of every repository: domain object in, domain object out, audited and versioned."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from contrat_desktop.storage.conversions import Row, fields_to_row, flat_reader, from_row, to_row
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.records import refused_as_french

T = TypeVar("T")
Reader = tuple[tuple[str, ...], Callable[[Sequence[Any]], Any]]
_FLAT: dict[type, Reader | None] = {}  # repository class → its positional reader, or None


class Repository(Generic[T]):
    """CRUD for one table mapped to one frozen dataclass with ``id`` and ``version``."""

    table: ClassVar[str]
    model: ClassVar[type]
    order_by: ClassVar[str] = "id"

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.db = dossier.db
        self.writer = dossier.writer

    # reading -----------------------------------------------------------------
    def get(self, row_id: int) -> T:
        rows = self._select("WHERE id = ?", [row_id])
        if not rows:
            from contrat_desktop.domain.journal import missing_record

            raise DossierError(missing_record(self.table, row_id))
        return rows[0]

    def find(self, row_id: int) -> T | None:
        rows = self._select("WHERE id = ?", [row_id])
        return rows[0] if rows else None

    def all(self) -> list[T]:
        return self._select("", [])

    def count(self) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0])

    def _select(self, where: str, params: Iterable[Any]) -> list[T]:
        params = list(params)
        flat = _flat_reader(type(self))
        if flat is not None:  # every field a column: read by position
            columns, build = flat
            try:
                cursor = self.db.execute(
                    f"SELECT {', '.join(columns)} FROM {self.table} {where} "
                    f"ORDER BY {self.order_by}",
                    params,
                )
            except sqlite3.OperationalError as error:
                if not _missing_column(error):  # locked, disk error...: the caller says so
                    raise
                # a file whose table lacks a column yet (read during its migration)
            else:
                return [build(values) for values in cursor]
        cursor = self.db.execute(
            f"SELECT * FROM {self.table} {where} ORDER BY {self.order_by}", params
        )
        names = [d[0] for d in cursor.description]
        return [self._build(dict(zip(names, values, strict=True))) for values in cursor]

    def _build(self, row: Row) -> T:
        built: T = from_row(self.model, row, **self._links(row))
        return built

    def _links(self, row: Row) -> dict[str, Any]:
        """Tuple fields read from link tables; subclasses override."""
        return {}

    def _row(self, obj: T) -> Row:
        return to_row(obj, skip=("id", "version"))

    # writing -----------------------------------------------------------------
    def add(self, obj: T) -> T:
        return self._insert(obj, keep_id=False)

    def restore(self, obj: T) -> T:
        """Insert a deleted record again under its former id (undoing a deletion), so
        that every later step of the undo history still finds it."""
        return self._insert(obj, keep_id=True)

    def _insert(self, obj: T, *, keep_id: bool) -> T:
        row = self._row(obj)
        if keep_id:
            row = {"id": self._identity(obj)[0], **row}
        with self.db.atomic(), refused_as_french(self.table):
            row_id = self.writer.insert(self.table, row)
            self._save_links(row_id, obj)
        return self.get(row_id)

    def update(self, obj: T) -> T:
        """Save ``obj``; refused with ``ConflictError`` if its row changed since it was read."""
        row_id, version = self._identity(obj)
        with self.db.atomic(), refused_as_french(self.table):
            new_version = self.writer.update(self.table, row_id, self._row(obj), version)
            if self._save_links(row_id, obj) and new_version == version:
                # Only links changed: the row must still move on, or a stale copy saved
                # later by someone else would wipe them without a conflict.
                self.db.execute(
                    f"UPDATE {self.table} SET version = version + 1 WHERE id = ?", [row_id]
                )
        return self.get(row_id)

    def update_fields(self, row_id: int, version: int, changes: Mapping[str, Any]) -> int:
        """Change some fields of one row without rebuilding the record (an import's bulk
        path): domain values by column name, converted once by ``conversions``, audited and
        versioned like ``update``; refused with ``ConflictError`` if the row moved on since
        ``version``. Returns the row's new version."""
        try:
            row = fields_to_row(self.model, changes)
        except KeyError as unknown:
            raise DossierError(
                f"« {unknown.args[0]} » n'est pas un champ de « {self.table} »."
            ) from None
        with refused_as_french(self.table):
            return self.writer.update(self.table, row_id, row, version)

    def delete(self, obj: T) -> None:
        row_id, version = self._identity(obj)
        self.writer.delete(self.table, row_id, version)

    def _save_links(self, row_id: int, obj: T) -> bool:
        """Write tuple fields to link tables; True when they changed. Subclasses override."""
        return False

    @staticmethod
    def _identity(obj: Any) -> tuple[int, int]:
        if obj.id is None:
            raise DossierError("Cet enregistrement n'a pas encore été créé.")
        return int(obj.id), int(obj.version)

    @staticmethod
    def with_id(obj: T, **changes: Any) -> T:
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


def _missing_column(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused a query only for naming a column the table lacks."""
    return str(error).startswith("no such column")


def _flat_reader(kind: type[Repository[Any]]) -> Reader | None:
    """The positional reader of a repository's model, when it reads the model as it is (no
    links, no building of its own) and the model's fields are all columns."""
    if kind not in _FLAT:
        flat = kind._build is Repository._build and kind._links is Repository._links
        try:
            _FLAT[kind] = flat_reader(kind.model) if flat else None
        except ValueError:
            _FLAT[kind] = None
    return _FLAT[kind]
