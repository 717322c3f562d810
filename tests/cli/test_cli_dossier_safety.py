"""What the command line says and leaves behind when it cannot write: a refused workbook
makes no backup and names the file in French; a dossier held by someone else is named."""

from __future__ import annotations

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
