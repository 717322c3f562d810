"""The integrity check at open: cheap after a clean close of an unchanged file, full when
the file may have changed (killed session, no record, changed since, daily backup, asked),
and a damaged file still refused with a French message."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from contrat_desktop.storage import integrity
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.errors import DossierError
from tests.storage.dossier_files import damage, fill_holders, kill_a_writer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(dossier_path: Path) -> Path:
    return fill_holders(dossier_path)


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records each full check that runs (the check itself still runs)."""
    ran: list[Path] = []
    real = integrity.full_check

    def spy(conn):  # type: ignore[no-untyped-def]
        ran.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        return real(conn)

    monkeypatch.setattr("contrat_desktop.storage.database.full_check", spy)
    return ran


def _open(path: Path, **options: object):  # type: ignore[no-untyped-def]
    return open_dossier(path, daily_backup=False, **options)  # type: ignore[arg-type]


def test_a_cleanly_closed_unchanged_dossier_gets_the_cheap_check(
    filled: Path, full_checks: list[Path]
) -> None:
    for _ in range(3):
        with _open(filled) as dossier:
            assert dossier.report.integrity == "ok"
            assert dossier.report.check.startswith("rapide : fermé par")
        with _open(filled, read_only=True) as reader:
            assert reader.report.check.startswith("rapide")
    assert full_checks == []
    with _open(filled, full_check=True) as asked:
        assert asked.report.check == "complet : demandé"
    assert len(full_checks) == 1


def test_a_new_dossier_gets_the_cheap_check_at_its_first_open(
    tmp_path: Path, full_checks: list[Path]
) -> None:
    from contrat_desktop.operations.dossiers import create_dossier

    created = create_dossier(tmp_path / "neuf.cdv")
    full_checks.clear()  # the creation's own (a new file is checked before it is filled)
    assert not (tmp_path / "neuf.cdv.creation.lock").exists()
    for _ in range(2):  # readers record no close: the creation's record still holds
        with _open(created, read_only=True) as reader:
            assert reader.report.check.startswith("rapide : fermé par")
    assert full_checks == []
    os.utime(created, ns=(0, 0))  # changed since its creation: the full check is due
    with _open(created, read_only=True) as reader:
        assert reader.report.check.startswith("complet : le fichier a changé")
    assert full_checks == [created]


def test_a_reader_trusts_the_live_writer(filled: Path, full_checks: list[Path]) -> None:
    with _open(filled) as writer, _open(filled, read_only=True) as reader:
        assert not writer.read_only
        assert reader.report.check == "rapide : session en cours ailleurs"
    assert full_checks == []


def test_damaged_after_a_clean_close_is_refused_in_french(filled: Path) -> None:
    damage(filled)
    for read_only in (False, True):
        with pytest.raises(DossierError) as caught:
            _open(filled, read_only=read_only)
        message = str(caught.value)
        assert message.startswith("Le dossier « essai.cdv » est endommagé")
        assert "restaurez une sauvegarde" in message and "malformed" not in message


def test_truncated_is_refused_even_with_its_old_date(filled: Path) -> None:
    stat = filled.stat()
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) // 2])
    os.utime(filled, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the header check catches it
    with pytest.raises(DossierError, match="est endommagé : il est tronqué : il devrait faire"):
        _open(filled)


def test_full_check_after_a_killed_session(filled: Path, full_checks: list[Path]) -> None:
    kill_a_writer(filled, "d.db.execute(\"UPDATE holder SET city = 'Bry' WHERE id = 1\")",
                  "d.db.conn.commit()")  # fmt: skip
    with _open(filled) as dossier:
        assert dossier.report.check == (
            "complet : la session précédente s'est arrêtée sans fermer le dossier"
        )
    with _open(filled) as again:  # closed cleanly this time
        assert again.report.check.startswith("rapide")
    assert len(full_checks) == 1


def test_full_check_when_the_file_changed_or_came_without_its_record(
    filled: Path, tmp_path: Path, full_checks: list[Path]
) -> None:
    import sqlite3

    conn = sqlite3.connect(filled)  # another tool writes while nobody holds the dossier
    conn.execute("UPDATE holder SET city = 'Bry' WHERE id = 1")
    conn.commit()
    conn.close()
    with _open(filled) as changed:
        assert changed.report.check == (
            "complet : le fichier a changé depuis sa dernière fermeture propre"
        )
    copy = tmp_path / "copie" / "essai.cdv"
    copy.parent.mkdir()
    shutil.copy2(filled, copy)  # sent by e-mail, without its lock file
    with _open(copy) as copied:
        assert copied.report.check == (
            "complet : aucune fermeture propre n'est enregistrée à côté du fichier"
        )
    with open_dossier(filled) as daily:
        assert daily.report.check == "complet : avant la sauvegarde quotidienne"
        assert [b.reason for b in daily.report.backups] == ["quotidienne"]
    assert len(full_checks) == 3


def test_info_full_check_on_demand(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from contrat_desktop.cli import main

    assert main(["info", "--db", str(filled)]) == 0
    assert "Intégrité : bonne (contrôle rapide : fermé par" in capsys.readouterr().out
    assert main(["info", "--db", str(filled), "--full-check"]) == 0
    assert "Intégrité : bonne (contrôle complet : demandé)" in capsys.readouterr().out


def test_a_reader_after_a_writer_killed_mid_transaction_is_not_told_damaged(
    filled: Path,
) -> None:
    """The killed writer leaves a hot journal that only a write can roll back: the reader
    rolls it back (under the lock) instead of calling the dossier damaged."""
    from contrat_desktop.operations.dossiers import dossier_info

    kill_a_writer(
        filled,
        "d.db.conn.execute('PRAGMA cache_size = 5')",  # pages spill into the file
        "d.db.conn.execute('BEGIN')",
        "d.db.conn.execute(\"UPDATE holder SET city = 'Bry'\")",
    )
    journal = filled.with_name(filled.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0  # hot
    info = dossier_info(filled)
    assert info.integrity == "ok" and info.integrity_check.startswith("complet")
    assert not journal.exists() or journal.stat().st_size == 0
    with _open(filled, read_only=True) as reader:
        cities = {row[0] for row in reader.db.execute("SELECT DISTINCT city FROM holder")}
        assert "Bry" not in cities  # the unfinished transaction is gone


@pytest.mark.parametrize("read_only", [False, True])
def test_a_writer_killed_while_committing_a_growth_is_rolled_back_not_called_truncated(
    filled: Path, read_only: bool
) -> None:
    """Killed while committing a transaction that grows the file: page 1 (with the new page
    count) is written, the last pages are not. The header then promises more pages than the
    file has, but the hot journal holds the old page 1 and size: SQLite rolls it back at the
    next open. Found by the kill loop of ``make reliability`` (1 in 1 080 kills)."""
    kill_a_writer(
        filled,
        "d.db.conn.execute('PRAGMA cache_size = 5')",  # pages spill into the file
        "d.db.conn.execute('BEGIN')",
        "d.db.conn.execute('CREATE TABLE growth (x BLOB)')",  # page 1 goes into the journal
        "d.db.conn.execute('INSERT INTO growth VALUES (zeroblob(400000))')",
    )
    journal = filled.with_name(filled.name + "-journal")
    assert journal.stat().st_size > 0  # hot
    size = filled.stat().st_size
    with filled.open("r+b") as handle:  # page 1 as the commit writes it: the grown size
        header = bytearray(handle.read(100))
        page_size = int.from_bytes(header[16:18], "big")
        header[28:32] = (size // page_size + 40).to_bytes(4, "big")
        header[92:96] = header[24:28]
        handle.seek(0)
        handle.write(header)
    with _open(filled, read_only=read_only) as dossier:
        assert dossier.report.integrity == "ok"
        tables = {row[0] for row in dossier.db.execute("SELECT name FROM sqlite_master")}
        assert "growth" not in tables  # the unfinished transaction is gone
    assert not journal.exists() or journal.stat().st_size == 0
    assert integrity.header_problem(filled) is None
