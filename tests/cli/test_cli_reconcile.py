"""The ``import`` command shows the reconciliation of a State export (the four categories, in
its text and its JSON) and takes the choices for rows the dossier lacks, remembered next time."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from contrat_desktop.storage.database import open_dossier
from tests.cli.test_cli_exchange import run
from tests.operations.reconcile_fixtures import (
    Crafted,
    crafted_dossier,
    dauphin_rows,
    write_workbook,
)


@pytest.fixture
def crafted(tmp_path: Path) -> tuple[Path, Path, Crafted]:
    path = tmp_path / "villiers.cdv"
    with open_dossier(path, create=True, user="camille", daily_backup=False) as dossier:
        made = crafted_dossier(dossier)
    return path, write_workbook(tmp_path / "etat-2024.xlsx", dauphin_rows(made)), made


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_text_output_lists_the_four_categories(
    crafted: tuple[Path, Path, Crafted], capsys: pytest.CaptureFixture[str]
) -> None:
    dossier, export, made = crafted
    code, out, _err = run(capsys, "import", str(export), "--db", str(dossier), "--dry-run")
    assert code == 0
    assert (
        "Rapprochement (campagne 2024, contrat CV922) : rapprochées : 1 · rapprochées avec "
        "écarts : 1 · dans le fichier seulement : 2 · dans le dossier seulement : 1"
    ) in out
    assert "Lignes laissées de côté : 1 d'autres contrats de ville" in out
    assert "CHORUS -EJ : 2100123456 → 2100654321" in out
    assert "--link-row 4=RÉFÉRENCE (actions du porteur : 2024-CS-003, 2024-CS-004)" in out
    assert f"{made.absent.reference} – Médiation sociale" in out


def test_choices_given_are_applied_remembered_and_shown_next_time(
    crafted: tuple[Path, Path, Crafted], capsys: pytest.CaptureFixture[str]
) -> None:
    dossier, export, made = crafted
    args = ["import", str(export), "--db", str(dossier), "--json"]
    code, out, _err = run(
        capsys, *args, "--link-row", f"4={made.other.reference}", "--ignore-row", "6"
    )
    assert code == 0
    summary = json.loads(out)
    assert summary["applied"] is True
    found = summary["rapprochement"]
    assert found["counts"] == {"matched": 1, "different": 2, "file_only": 1, "dossier_only": 1}
    assert [r["choice"] for r in found["file_only"]] == ["ignorer"]
    assert [a["reference"] for a in found["dossier_only"]] == [made.absent.reference]
    code, out, _err = run(capsys, "import", str(export), "--db", str(dossier), "--dry-run")
    assert "ligne 6 (Les Amis du Parc – Jardin partagé) — ignorer (choix mémorisé le " in out
    assert "rapprochées : 3" in out


def test_a_refused_choice_writes_nothing(
    crafted: tuple[Path, Path, Crafted], capsys: pytest.CaptureFixture[str]
) -> None:
    dossier, export, made = crafted
    before = checksum(dossier)
    for wrong, said in (
        (["--link-row", "4=2024-XX-999"], "aucune action de référence « 2024-XX-999 »"),
        (["--link-row", "4"], "attendu LIGNE=RÉFÉRENCE"),
        (["--create-row", "2"], "La ligne 2 correspond déjà à une action du dossier"),
        (["--ignore-row", "5"], "La ligne 5 est laissée de côté (autre contrat de ville (CV357))"),
        (["--link-row", f"4={made.same.reference}"], "déjà rapprochée de la ligne 2"),
    ):
        code, _out, err = run(capsys, "import", str(export), "--db", str(dossier), *wrong)
        assert code == 1 and "Rien n'a été importé" in err and said in err, (wrong, err)
    assert checksum(dossier) == before
