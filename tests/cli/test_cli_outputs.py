"""What every command that writes a file does with a folder that does not exist, and the
commands that only read a dossier made by an older version."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from contrat_desktop.storage.backup import list_backups
from tests.cli.conftest import Run

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    "command",
    [
        ["export", "programmation", "--year", "2016", "-o", "p.xlsx"],
        ["export", "scdl", "--year", "2015", "-o", "s.csv"],
        ["report", "bilan", "--year", "2015", "-o", "b.pdf"],
        ["journal", "-o", "j.xlsx"],
        ["minutes", "1", "-o", "cr.pdf"],
        ["package", "write", "--year", "2016", "-o", "e.cdvenvoi"],
    ],
)
def test_a_missing_folder_is_named_in_french_and_nothing_is_written(
    cli: Run, demo: Path, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "absent"
    *options, name = command
    code, _out, err = cli(*options, str(missing / name), "--db", str(demo))
    assert code == 2, err
    assert f"Le dossier « {missing} » n'existe pas" in err and "Traceback" not in err
    assert not missing.exists()


def test_a_command_that_reads_brings_an_older_dossier_up_to_date_first(
    cli: Run, tmp_path: Path
) -> None:
    old = tmp_path / "ancien.cdv"
    old.write_bytes(gzip.decompress((DATA / "schema-0005.cdv.gz").read_bytes()))
    target = tmp_path / "programmation-2016.xlsx"
    code, out, err = cli(
        "export", "programmation", "--db", str(old), "--year", "2016", "-o", str(target)
    )
    assert code == 0, err
    assert target.exists() and "Classeur écrit" in out
    assert [b.reason for b in list_backups(old)] == ["avant-migration"]
