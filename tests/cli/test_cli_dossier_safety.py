"""What the command line says and leaves behind when it cannot write: a refused workbook
makes no backup and names the file in French; a dossier held by someone else is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrat_desktop.cli import main
from contrat_desktop.storage.backup import list_backups
from contrat_desktop.storage.database import open_dossier


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _export(capsys: pytest.CaptureFixture[str], demo: Path, target: Path) -> Path:
    code, _, err = run(capsys, "export", "programmation", "--db", str(demo), "--year", "2016",
                       "-o", str(target))  # fmt: skip
    assert code == 0, err
    return target


def test_a_truncated_workbook_is_refused_in_french_and_leaves_no_trace(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = _export(capsys, demo, tmp_path / "retour.xlsx").read_bytes()
    truncated = tmp_path / "retour-coupé.xlsx"
    truncated.write_bytes(whole[: len(whole) // 2])
    before = demo.read_bytes()
    assert list_backups(demo) == []
    code, _, err = run(capsys, "import", str(truncated), "--db", str(demo))
    assert code == 2
    assert "« retour-coupé.xlsx »" in err and "incomplet" in err
    assert "zip" not in err.lower() and "file" not in err.lower()
    assert demo.read_bytes() == before
    assert list_backups(demo) == []  # no daily backup for a refused file


def test_writing_into_a_held_dossier_names_who_holds_it(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = _export(capsys, demo, tmp_path / "retour.xlsx")
    with open_dossier(demo, user="camille", daily_backup=False):
        code, _, err = run(capsys, "import", str(workbook), "--db", str(demo))
    assert code == 2
    assert "lecture seule : il est ouvert par camille sur le poste" in err


def _holder_name(path: Path) -> str:
    with open_dossier(path, read_only=True) as dossier:
        return str(dossier.db.execute("SELECT legal_name FROM holder WHERE id = 1").fetchone()[0])


def _rename_holder(path: Path, name: str) -> None:
    from dataclasses import replace

    from contrat_desktop.storage.repositories import Repositories

    with open_dossier(path, daily_backup=False) as dossier:
        holders = Repositories(dossier).holders
        holders.update(replace(holders.get(1), legal_name=name))


def test_backups_lists_them_newest_first(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "backups", "--db", str(demo))
    assert code == 0 and out.startswith("Aucune sauvegarde dans « ")
    run(capsys, "backup", "--db", str(demo))
    _rename_holder(demo, "Association renommée")
    run(capsys, "backup", "--db", str(demo))
    code, out, _ = run(capsys, "backups", "--db", str(demo), "--json")
    listed = json.loads(out)
    assert code == 0 and [b["reason"] for b in listed] == ["manuelle", "manuelle"]
    assert listed[0]["taken_at"] >= listed[1]["taken_at"] and listed[0]["size_bytes"] > 0
    assert [Path(b["path"]) for b in listed] == [b.path for b in list_backups(demo)]
    _, text, _ = run(capsys, "backups", "--db", str(demo))
    assert "2 sauvegarde(s)" in text and "Manuelle" in text


def test_restore_saves_the_current_state_first(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _holder_name(demo)
    run(capsys, "backup", "--db", str(demo))
    (backup,) = list_backups(demo)
    _rename_holder(demo, "Association renommée")
    code, out, err = run(capsys, "restore", backup.path.name, "--db", str(demo))
    assert code == 0, err
    assert f"Sauvegarde restaurée : {backup.path}" in out
    assert _holder_name(demo) == original
    (safety,) = [b for b in list_backups(demo) if b.reason == "avant-restauration"]
    assert f"L'état d'avant est sauvegardé dans : {safety.path}" in out
    assert _holder_name(safety.path) == "Association renommée"  # nothing lost
    with open_dossier(demo, read_only=True) as dossier:
        last = dossier.db.execute("SELECT operation FROM audit ORDER BY id DESC").fetchone()
    assert last[0] == "restauration"


def test_restore_is_refused_while_someone_else_holds_the_dossier(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "backup", "--db", str(demo))
    (backup,) = list_backups(demo)
    with open_dossier(demo, user="camille", daily_backup=False):
        before = demo.read_bytes()
        code, _, err = run(capsys, "restore", str(backup.path), "--db", str(demo))
        assert demo.read_bytes() == before
    assert code == 2
    assert "Restauration impossible : le dossier « demo.cdv » est ouvert par camille" in err
    assert [b.reason for b in list_backups(demo)] == ["manuelle"]  # no safety copy either


def test_restore_puts_a_backup_in_place_of_a_damaged_dossier(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.storage.dossier_files import damage

    run(capsys, "backup", "--db", str(demo))
    (backup,) = list_backups(demo)
    damage(demo)
    damaged = demo.read_bytes()
    assert run(capsys, "info", "--db", str(demo))[0] == 2
    code, out, err = run(capsys, "restore", str(backup.path), "--db", str(demo))
    assert code == 0, err
    (kept,) = demo.parent.glob("demo.cdv.endommage-*")
    assert f"Le dossier endommagé est gardé sous : {kept}" in out
    assert kept.read_bytes() == damaged
    assert run(capsys, "info", "--db", str(demo), "--full-check")[0] == 0


def test_restore_of_a_missing_backup_says_so(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "restore", "absente.cdv", "--db", str(demo))
    assert code == 2 and "La sauvegarde « absente.cdv » n'existe pas." in err
