"""The dossier's database handle, with sqlite-utils imported only when something needs it.

Importing sqlite-utils costs about 0.15 s (click, dateutil, pluggy), a third of a bare window's
start-up. Start-up only reads with plain SQL, so the dossier's ``db`` answers a ``SELECT``
through ``execute``, ``conn``, ``table_names`` and ``close`` itself; anything else (a write,
whose commit sqlite-utils handles, ``db["table"]``, ``query``, migrations…) builds the real
sqlite-utils ``Database`` on the same connection, once. The connection gets the pragma that
``Database`` would have set (recursive triggers) from the start, so writes through ``conn``
behave the same either way.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    _Base = Database
else:
    _Base = object

READS = {"SELECT", "WITH"}  # first words of the statements run without sqlite-utils
FIRST_WORD = re.compile(r"\s*(\w*)")


class LazyDatabase(_Base):
    """A sqlite-utils ``Database`` as callers see it, built on first use beyond plain SQL."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers=on")  # as sqlite-utils' Database sets it
        self._database: Database | None = None

    def execute(
        self, sql: str, parameters: Iterable[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        """As sqlite-utils' ``execute``: a statement that opens a transaction by itself is
        committed (or, when it fails, rolled back). Reads (``SELECT``, ``WITH``) run here;
        anything else goes through sqlite-utils."""
        if FIRST_WORD.match(sql).group(1).upper() not in READS:  # type: ignore[union-attr]
            return self.full().execute(sql, parameters)  # type: ignore[arg-type]
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is None:
                cursor = self.conn.execute(sql)
            else:
                cursor = self.conn.execute(sql, parameters)  # type: ignore[arg-type]
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        opened = not was_in_transaction and self.conn.in_transaction
        if opened and cursor.description is None:  # WITH … INSERT/UPDATE/DELETE
            self.conn.execute("COMMIT")
        return cursor

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        if fts4 or fts5:
            return self.full().table_names(fts4=fts4, fts5=fts5)
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [name for (name,) in rows]

    def close(self) -> None:
        self.conn.close()

    def full(self) -> Database:
        """The sqlite-utils ``Database`` (imported and built the first time)."""
        if self._database is None:
            from sqlite_utils import Database

            # no plugins: none is used, and looking for them scans every installed
            # package's entry points (tens of milliseconds)
            self._database = Database(self.conn, execute_plugins=False)
        return self._database

    def __getattr__(self, name: str) -> Any:
        return getattr(self.full(), name)

    def __getitem__(self, name: str) -> Any:
        return self.full()[name]
