"""``import --conflicts keep|take``: values changed in the dossier since the export are never
overwritten silently; without the option nothing is imported (exit 1, said in French)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.repositories import Repositories
from tests.cli.test_cli_exchange import run


@pytest.fixture
def older(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """An export returned with two avis changed (rows 5 and 6), then an observation changed
    in the dossier (after the export) on row 5's action; gives the workbook and that action's
    reference. (A row returned unedited brings nothing, so it never conflicts.)"""
    exported = tmp_path / "programmation.xlsx"
    code, _, _ = run(
        capsys, "export", "programmation", "--db", str(demo), "--year", "2016", "-o", str(exported)
    )
    assert code == 0
    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    column = {c.value: c.column for c in sheet[4]}
    for row in (5, 6):
        sheet.cell(row=row, column=column["Avis"]).value = "Défavorable"
    reference = str(sheet.cell(row=5, column=column["Référence"]).value)
    path = tmp_path / "retour.xlsx"
    book.save(path)
    with open_dossier(demo, user="marie") as dossier:
        repos = Repositories(dossier)
        action = repos.actions.by_reference(reference)
        assert action is not None
        repos.actions.update(replace(action, observations="Vu en comité"))
    return path, reference


def observations(demo: Path, reference: str) -> str:
    with open_dossier(demo, read_only=True) as dossier:
        action = Repositories(dossier).actions.by_reference(reference)
        assert action is not None
        return action.observations


def test_conflicts_refuse_the_import_until_chosen(
    demo: Path, older: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = older
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    code, out, err = run(capsys, "import", str(path), "--db", str(demo))
    assert code == 1 and "Import appliqué" not in out
    assert f"CONFLIT ligne 5 ({reference}), « Observations » : dossier « Vu en comité »" in out
    assert "par marie" in out and "inchangée depuis l'export" in out
    assert "--conflicts keep" in err and "--conflicts take" in err
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    code, out, _ = run(capsys, "import", str(path), "--db", str(demo), "--dry-run", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["conflicts"] == 1
    (conflict,) = summary["conflict_list"]
    assert conflict["row"] == 5 and conflict["dossier"] == "Vu en comité"
    assert conflict["workbook"] == "(vide)" and conflict["changed_by"] == "marie"
    assert conflict["workbook_changed"] is False and conflict["resolution"] is None


def test_keep_applies_the_rest_and_keeps_the_dossiers_value(
    demo: Path, older: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = older
    code, out, _ = run(capsys, "import", str(path), "--db", str(demo), "--conflicts", "keep")
    assert code == 0 and "2 ligne(s) mise(s) à jour" in out  # the two avis
    assert "garder la valeur du dossier" in out
    assert observations(demo, reference) == "Vu en comité"


def test_take_applies_the_workbooks_value(
    demo: Path, older: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = older
    code, out, _ = run(capsys, "import", str(path), "--db", str(demo), "--conflicts", "take")
    assert code == 0 and "2 ligne(s) mise(s) à jour" in out
    assert observations(demo, reference) == ""
