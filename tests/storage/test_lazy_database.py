"""The dossier's ``db`` reads with plain SQL and builds sqlite-utils' ``Database`` only when
something needs it, with the same commits as sqlite-utils (real dossier files)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.lazy_database import LazyDatabase
from contrat_desktop.storage.migrations import MIGRATIONS
from contrat_desktop.storage.schema_versions import applied_names, pending_names


def _holders(path: Path) -> list[str]:
    with sqlite3.connect(path) as other:  # another connection sees only what is committed
        return [name for (name,) in other.execute("SELECT legal_name FROM holder ORDER BY id")]


def test_reads_need_no_sqlite_utils_and_writes_are_committed(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        db = dossier.db
        assert isinstance(db, LazyDatabase)
        db._database = None  # opening a new dossier migrated it through sqlite-utils
        assert db.execute("SELECT count(*) FROM holder").fetchone() == (0,)
        assert db.execute("  with n AS (SELECT 1) SELECT * FROM n").fetchall() == [(1,)]
        assert "holder" in db.table_names()
        assert db._database is None
        db.execute(
            "WITH name(value) AS (SELECT 'Par WITH') "
            "INSERT INTO holder (legal_name, kind) SELECT value, 'association' FROM name"
        )
        assert not db.conn.in_transaction and _holders(dossier_path) == ["Par WITH"]
        assert db._database is None
        db.execute("INSERT INTO holder (legal_name, kind) VALUES (?, 'association')", ["Direct"])
        assert db._database is not None  # a write goes through sqlite-utils, which commits
        assert _holders(dossier_path) == ["Par WITH", "Direct"]
        assert db["holder"].count == 2


def test_a_failing_read_leaves_no_transaction_open(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        with pytest.raises(sqlite3.OperationalError):
            dossier.db.execute("SELECT nothing FROM nowhere")
        assert not dossier.db.conn.in_transaction


def test_migration_names_read_as_sqlite_utils_reads_them(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        db = dossier.db
        assert applied_names(db) == [m.name for m in MIGRATIONS.applied(db)]
        assert pending_names(db) == [] == MIGRATIONS.pending(db)
        other_set = Migrations("autre")  # another set's records are not ours
        other_set(name="0001_other")(lambda db: None)
        other_set.apply(db)
        assert applied_names(db) == [m.name for m in MIGRATIONS.applied(db)]
    fresh = LazyDatabase(sqlite3.connect(":memory:"))
    assert applied_names(fresh) == [] and pending_names(fresh) == [
        m.name for m in MIGRATIONS._migrations
    ]
