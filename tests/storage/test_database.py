"""Opening dossiers: pragmas, migrations, backups, integrity, refusal of foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from contrat_desktop.storage import migrations
from contrat_desktop.storage.backup import backup_dir, list_backups
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.lock import read_lock
from tests.storage.dossier_files import damage, fill_holders, mark_newer, run_with_migrations


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def test_fresh_dossier_is_migrated_with_safe_pragmas(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        assert dossier.report.migrations_applied == tuple(migrations.known_names())
        assert dossier.report.migrations_applied[:2] == ("0001_initial", "0002_exchange")
        assert dossier.schema_version() == migrations.known_names()[-1]
        assert dossier.report.integrity == "ok"
        pragma = dossier.db.execute
        assert pragma("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
        assert pragma("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert "action" in dossier.db.table_names()


def test_second_open_changes_nothing(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    before = _schema(dossier_path)
    content = dossier_path.read_bytes()
    with open_dossier(dossier_path, daily_backup=False) as dossier:
        assert dossier.report.migrations_applied == ()
        assert dossier.report.backups == ()
    assert _schema(dossier_path) == before
    assert dossier_path.read_bytes() == content
    conn = sqlite3.connect(dossier_path)
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(
        migrations.known_names()
    )
    conn.close()


def test_backup_is_taken_before_a_migration_and_opens(
    dossier_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        dossier.db.execute("INSERT INTO holder (legal_name, kind) VALUES ('Avant', 'association')")
        dossier.db.conn.commit()

    upgraded = Migrations("contrat_desktop")
    for shipped in migrations.MIGRATIONS._migrations:
        upgraded(name=shipped.name)(shipped.fn)

    @upgraded(name="0002_test_column")
    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE holder ADD COLUMN website TEXT NOT NULL DEFAULT ''")

    run_with_migrations(monkeypatch, upgraded)
    with open_dossier(dossier_path) as dossier:
        assert dossier.report.migrations_applied == ("0002_test_column",)
        assert "website" in dossier.db["holder"].columns_dict
    backups = [b for b in list_backups(dossier_path) if b.reason == "avant-migration"]
    assert len(backups) == 1
    with sqlite3.connect(backups[0].path) as old:
        columns = [row[1] for row in old.execute("PRAGMA table_info(holder)")]
        assert "website" not in columns
        assert old.execute("SELECT legal_name FROM holder").fetchall() == [("Avant",)]
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_newer_dossier_opens_read_only(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        mark_newer(dossier)
    with open_dossier(dossier_path, daily_backup=False) as dossier:
        assert dossier.read_only
        assert "version plus récente" in (dossier.read_only_reason or "")


def test_daily_backup_once_a_day(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True):
        pass
    with open_dossier(dossier_path) as dossier:
        assert [b.reason for b in dossier.report.backups] == ["quotidienne"]
    with open_dossier(dossier_path) as dossier:
        assert dossier.report.backups == ()
    assert backup_dir(dossier_path).is_dir()


def test_manual_backups_rotate(dossier_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contrat_desktop.storage import backup

    monkeypatch.setitem(backup.KEEP_PER_REASON, "manuelle", 3)
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        for _ in range(5):
            dossier.backup()
    assert len([b for b in list_backups(dossier_path) if b.reason == "manuelle"]) == 3


def test_refuses_a_file_that_is_not_a_dossier(tmp_path: Path) -> None:
    text = tmp_path / "notes.cdv"
    text.write_text("ceci n'est pas une base")
    with pytest.raises(DossierError, match="n'est pas un dossier"):
        open_dossier(text)
    other = tmp_path / "autre.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DossierError, match="pas un dossier contrat_desktop"):
        open_dossier(other)
    assert not Path(str(other) + ".lock").exists()


def test_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="n'existe pas"):
        open_dossier(tmp_path / "absent.cdv")


def test_corrupted_file_is_refused_with_advice(dossier_path: Path) -> None:
    fill_holders(dossier_path)
    damage(dossier_path)
    with pytest.raises(DossierError) as caught:
        open_dossier(dossier_path, daily_backup=False)
    assert "endommagé" in str(caught.value) and "restaurez une sauvegarde" in str(caught.value)
    assert "malformed" not in str(caught.value)  # SQLite's English goes to the log only
    assert read_lock(dossier_path) is None  # not left held


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the running application one migration newer than the dossiers made so far."""
    upgraded = Migrations("contrat_desktop")
    for shipped in migrations.MIGRATIONS._migrations:
        upgraded(name=shipped.name)(shipped.fn)

    @upgraded(name="0099_test_column")
    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE holder ADD COLUMN website TEXT NOT NULL DEFAULT ''")

    run_with_migrations(monkeypatch, upgraded)


def test_an_older_dossier_can_be_described_and_backed_up_read_only(
    dossier_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contrat_desktop.operations.dossiers import backup_dossier, dossier_info

    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    before = dossier_path.read_bytes()
    _with_extra_migration(monkeypatch)
    info = dossier_info(dossier_path)
    assert "mise à jour en attente : 0099_test_column" in info.schema_version
    assert info.schema.endswith("; mise à jour en attente vers la version 99")
    assert backup_dossier(dossier_path).path.exists()
    with pytest.raises(DossierError, match="ouvrez-le une fois normalement"):
        open_dossier(dossier_path, read_only=True)
    assert dossier_path.read_bytes() == before  # nothing migrated behind the user's back


def test_restoring_an_older_backup_brings_its_schema_up_to_date(
    dossier_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contrat_desktop.operations.dossiers import restore_backup

    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    _with_extra_migration(monkeypatch)
    with open_dossier(dossier_path, daily_backup=False) as dossier:
        (old,) = [b for b in list_backups(dossier_path) if b.reason == "avant-migration"]
        restore_backup(dossier, old.path)
        assert "website" in dossier.db["holder"].columns_dict
        assert migrations.pending_names(dossier.db) == []


def test_the_early_integrity_check_gives_the_same_verdict(dossier_path: Path) -> None:
    from contrat_desktop.storage.database import EarlyIntegrityCheck

    fill_holders(dossier_path)
    with open_dossier(
        dossier_path, daily_backup=False, early_check=EarlyIntegrityCheck(dossier_path)
    ) as sound:
        assert sound.report.integrity == "ok"
    damage(dossier_path)
    with pytest.raises(DossierError):
        open_dossier(
            dossier_path, daily_backup=False, early_check=EarlyIntegrityCheck(dossier_path)
        )


def test_sqlite_utils_plugins_do_not_touch_a_dossier(dossier_path: Path) -> None:
    """Plugins installed beside the application (sqlite-utils looks for them in every
    installed package, a cost paid at each open) never change a dossier's connection."""
    from sqlite_utils import hookimpl
    from sqlite_utils.plugins import pm

    class Plugin:
        @staticmethod
        @hookimpl
        def prepare_connection(conn: sqlite3.Connection) -> None:
            conn.create_function("plugin_was_here", 0, lambda: 1)

    plugin = Plugin()
    pm.register(plugin, name="test-plugin")
    try:
        assert Database(memory=True).execute("SELECT plugin_was_here()").fetchone() == (1,)
        with (
            open_dossier(dossier_path, create=True) as dossier,
            pytest.raises(sqlite3.OperationalError, match="plugin_was_here"),
        ):
            dossier.db.execute("SELECT plugin_was_here()")
    finally:
        pm.unregister(plugin)
