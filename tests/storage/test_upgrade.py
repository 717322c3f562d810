"""Dossiers made by earlier releases (tests/data/schema-*.cdv.gz, see its README) open with
today's code: a backup of the file as it was first, then every migration up to the newest,
the data unchanged and still read the way the window reads it."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from contrat_desktop.operations.programmation import load_programmation, load_references, search
from contrat_desktop.operations.settings import setting
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.migrations import MIGRATIONS, applied_names, known_names
from contrat_desktop.storage.seeds import load_seed

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = sorted(DATA.glob("schema-*.cdv.gz"))
# the business tables of the first release: each keeps every row through the migrations
# (reference lists may gain rows from a later seed migration: not counted here)
KEPT_TABLES = (
    "contract", "district", "campaign", "holder", "funder", "envelope", "action",
    "action_district", "action_axis", "status_change", "funding_line", "payment", "report",
    "body",
)  # fmt: skip
# the demo's money, the same in every release (integer cents) until 0017's demo, whose
# funding got acts, advances and soldes (0018's the same)
REQUESTED, GRANTED, PAID = 362_490_000, 172_480_000, 102_325_000
MONEY = {
    "schema-0017.cdv.gz": (REQUESTED, 172_260_000, 103_120_000),
    "schema-0018.cdv.gz": (REQUESTED, 172_260_000, 103_120_000),
}


def test_there_is_a_file_for_each_earlier_schema() -> None:
    # 0002 never shipped alone: it came with 0003 in one commit
    assert [f.name for f in FILES] == [
        "schema-0001.cdv.gz",
        *(f"schema-{n:04d}.cdv.gz" for n in range(3, len(known_names()))),
    ]  # all but today's newest


@pytest.fixture(params=FILES, ids=[f.name.split(".")[0] for f in FILES])
def old_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / "ancien.cdv"
    target.write_bytes(gzip.decompress(request.param.read_bytes()))
    return target


@pytest.fixture
def money(request: pytest.FixtureRequest) -> tuple[int, int, int]:
    """The money of the demo of the release that made ``old_file``."""
    made_by = request.node.callspec.params["old_file"]
    return MONEY.get(made_by.name, (REQUESTED, GRANTED, PAID))


def facts(path: Path) -> dict[str, Any]:
    """What a dossier file holds, read with plain sqlite3 (no migration, nothing written)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        return {
            "migrations": [n for (n,) in conn.execute("SELECT name FROM _sqlite_migrations")],
            "counts": {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in KEPT_TABLES
                if t in tables
            },
            "money": conn.execute(
                "SELECT sum(requested_cents), sum(granted_cents), "
                "(SELECT sum(amount_cents) FROM payment) FROM funding_line"
            ).fetchone(),
            "settings": dict(conn.execute("SELECT key, value FROM setting")),
            "audit": conn.execute("SELECT * FROM audit ORDER BY id").fetchall(),
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        }
    finally:
        conn.close()


def test_an_older_dossier_is_backed_up_then_brought_to_the_newest_schema(
    old_file: Path, money: tuple[int, int, int]
) -> None:
    before = facts(old_file)
    assert before["migrations"] != known_names()  # an earlier schema indeed
    assert before["money"] == money

    with open_dossier(old_file, user="camille", daily_backup=False) as dossier:
        report = dossier.report
        assert applied_names(dossier.db) == known_names()  # the newest, whatever it is
        assert report.integrity == "ok"
        assert list(report.migrations_applied) == known_names()[len(before["migrations"]) :]
        (backup,) = report.backups
        campaigns = load_references(dossier).campaigns
        actions = {a.reference: a for a in load_programmation(dossier, campaigns[2016])}
        found = search(dossier, "scolarité")
        retention = setting(dossier, "council.retention_months")

    # the backup is the file as it was, under its old schema
    assert backup.reason == "avant-migration"
    assert backup.path.parent == old_file.with_name("ancien.sauvegardes")
    assert facts(backup.path) == before

    after = facts(old_file)
    assert after["integrity"] == "ok"
    assert after["counts"] == before["counts"]
    assert after["audit"][: len(before["audit"])] == before["audit"]  # the trail is kept
    assert after["money"] == money
    first = actions["2016-CS-001"]
    assert first.title == "Accompagnement à la scolarité (collège et lycée)"
    assert first.requested_cents == 4_900_000
    assert found is not None and first.id in found  # the search index covers older actions
    assert retention == 24
    # every seeded setting of today is there
    today = load_seed("defaults.json")["settings"]
    assert set(today) <= set(after["settings"])
    assert "logo_path" not in after["settings"]
    named = ("organisation_name", "service_name")  # what the demo typed in: never touched
    assert [after["settings"][k] for k in named] == [before["settings"][k] for k in named]
    assert "démonstration" in after["settings"]["organisation_name"]


def test_an_upgraded_dossier_opens_again_as_it_is(old_file: Path) -> None:
    with open_dossier(old_file, daily_backup=False):
        pass
    upgraded = old_file.read_bytes()
    with open_dossier(old_file, daily_backup=False) as dossier:
        assert dossier.report.migrations_applied == () and dossier.report.backups == ()
    assert old_file.read_bytes() == upgraded  # nothing left to do: nothing written


def reference_rows(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        for table, order in (("framework_node", "id"), ("body_kind", "code"), ("setting", "key"))
    }


def test_0001_seeds_today_what_the_first_release_seeded(tmp_path: Path) -> None:
    """0001 means one thing forever: run alone today, it gives the reference lists that the
    first release's own 0001 wrote into its dossier (whose demo then named its organisation)."""
    released = tmp_path / "0001.cdv"
    released.write_bytes(gzip.decompress((DATA / "schema-0001.cdv.gz").read_bytes()))
    conn = sqlite3.connect(released)
    from_release = reference_rows(conn)
    conn.close()
    today = sqlite_utils.Database(memory=True)
    MIGRATIONS._migrations[0].fn(today)  # 0001_initial alone
    seeded = reference_rows(today.conn)
    named_by_the_demo = {"organisation_name", "service_name"}
    for rows in (seeded, from_release):
        rows["setting"] = [(k, v if k not in named_by_the_demo else "") for k, v in rows["setting"]]
    assert seeded == from_release
    assert len(seeded["framework_node"]) == 47 and len(seeded["setting"]) == 12
