"""The console commands on temporary files, in-process and as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from contrat_desktop import __version__
from contrat_desktop.cli import main
from contrat_desktop.storage import migrations
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.schema_versions import SCHEMA_MEANINGS


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_demo_then_info_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.cdv"
    code, out, _ = run(capsys, "init", str(path), "--demo")
    assert code == 0 and "Dossier créé" in out and path.exists()
    code, out, _ = run(capsys, "info", "--db", str(path), "--json")
    assert code == 0
    info = json.loads(out)
    assert info["counts"]["action"] == 105
    assert info["actions_per_year"] == {"2015": 55, "2016": 50}
    assert info["schema_version"] == migrations.known_names()[-1]
    assert info["integrity"] == "ok"
    assert info["lock"].startswith("libre") and info["locked"] is False


def test_info_text_shows_lock_holder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "vide.cdv"
    assert run(capsys, "init", str(path))[0] == 0
    with open_dossier(path, user="camille", daily_backup=False):
        code, out, _ = run(capsys, "info", "--db", str(path))
    assert code == 0
    assert "Verrou : ouvert par camille sur le poste" in out
    assert "Actions" in out and "Intégrité : bonne" in out


def test_info_text_is_french_for_a_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No migration code, no byte count: the schema as a number with its meaning, the size
    as « 1,7 Mo »."""
    path = tmp_path / "demo.cdv"
    run(capsys, "init", str(path), "--demo")
    code, out, _ = run(capsys, "info", "--db", str(path))
    assert code == 0
    last = migrations.known_names()[-1]
    number = int(last.split("_")[0])
    schema = next(line for line in out.splitlines() if line.startswith("Version du schéma"))
    assert schema == f"Version du schéma : {number} ({SCHEMA_MEANINGS[last]})"
    size = next(line for line in out.splitlines() if line.startswith("Taille"))
    assert re.fullmatch(r"Taille : \d{1,3},\d\u00a0(Ko|Mo)", size), size
    assert last not in out and "octets" not in out and "Mio" not in out
    code, out, _ = run(capsys, "backup", "--db", str(path))
    assert re.search(r"\(\d{1,3},\d\u00a0Mo\)$", out.strip()), out


def test_backup_makes_an_openable_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.cdv"
    run(capsys, "init", str(path), "--demo")
    code, out, _ = run(capsys, "backup", "--db", str(path))
    assert code == 0 and "Sauvegarde créée" in out
    copy = Path(out.split(" : ", 1)[1].rsplit(" (", 1)[0])
    with open_dossier(copy, read_only=True) as backup:
        assert backup.db.execute("SELECT count(*) FROM action").fetchone()[0] == 105


def test_synthetic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.cdv"
    assert run(capsys, "init", str(path), "--synthetic", "300", "--years", "3")[0] == 0
    _, out, _ = run(capsys, "info", "--db", str(path), "--json")
    assert json.loads(out)["actions_per_year"] == {"2015": 100, "2016": 100, "2017": 100}


def test_errors_are_french_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.cdv"
    run(capsys, "init", str(path))
    before = path.read_bytes()
    code, _, err = run(capsys, "init", str(path), "--demo")
    assert code == 2 and "existe déjà" in err
    assert path.read_bytes() == before
    code, _, err = run(capsys, "info", "--db", str(tmp_path / "absent.cdv"))
    assert code == 2 and "n'existe pas" in err
    (tmp_path / "texte.cdv").write_text("bonjour")
    code, _, err = run(capsys, "info", "--db", str(tmp_path / "texte.cdv"))
    assert code == 2 and "pas un dossier" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["init", str(path), "--synthetic", "zéro"])
    assert exit_info.value.code == 2
    assert "nombre entier attendu" in capsys.readouterr().err


def test_version_of_both_entry_points_without_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "QT_QPA_PLATFORM"}}
    for module in ("contrat_desktop.cli", "contrat_desktop.app"):
        result = subprocess.run(
            [sys.executable, "-m", module, "--version"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"contrat_desktop {__version__}"
