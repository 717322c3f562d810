"""How a repository reads a table whose columns are not all there, and what it does not hide."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from contrat_desktop.domain.holders import Holder
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def test_a_table_that_lacks_a_column_yet_still_reads(dossier: Dossier, repos: Repositories) -> None:
    """During a migration, a table may not have every column of its model yet."""
    repos.holders.add(Holder(legal_name="Association Ouest"))
    dossier.db.conn.execute("ALTER TABLE holder DROP COLUMN dauphin_account")
    assert [h.legal_name for h in Repositories(dossier).holders.all()] == ["Association Ouest"]


def test_a_locked_dossier_is_not_read_twice(
    dossier_path: Path, dossier: Dossier, repos: Repositories
) -> None:
    """A lock held by another program is said at once: not hidden behind a second query
    that waits the whole busy timeout again (20 s of frozen window on a shared drive)."""
    repos.holders.add(Holder(legal_name="Association Ouest"))
    dossier.db.conn.execute("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(dossier_path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        seen: list[str] = []
        dossier.db.conn.set_trace_callback(seen.append)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            repos.holders.all()
        assert len([s for s in seen if "FROM holder" in s]) == 1, seen
    finally:
        dossier.db.conn.set_trace_callback(None)
        other.execute("ROLLBACK")
        other.close()
