"""Row validation at preview: an invalid SIRET, a negative amount, an impossible date are each
a row error naming the sheet, row, column and value; nothing is applied while they stand."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.operations.import_plan import RowKind, RowNotWritten
from contrat_desktop.operations.imports import ImportBlocked, apply_import, plan_import
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.conftest import edited_export


def test_each_bad_cell_is_a_row_error_at_preview(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    path = edited_export(
        exported,
        tmp_path / "retour.xlsx",
        {
            (5, "SIRET"): "12345678901234",
            (6, "Accordé"): -1500,
            (7, "Coût total"): "-2 000,00 €",
            (8, "Début"): "31/02/2016",
            (9, "Fin"): "2016-02-31",
        },
    )
    before = hashlib.sha256(demo.path.read_bytes()).hexdigest()
    plan = plan_import(demo, path)
    found = {(e.row, e.column.split(" – ")[-1], e.value): e.message for e in plan.errors}
    assert set(found) == {
        (5, "SIRET", "12345678901234"),
        (6, "Accordé", "-1500"),
        (7, "Coût total", "-2 000,00 €"),
        (8, "Début", "31/02/2016"),
        (9, "Fin", "2016-02-31"),
    }
    assert "clé de contrôle" in found[(5, "SIRET", "12345678901234")]
    assert "négatif" in found[(6, "Accordé", "-1500")]
    assert "impossible" in found[(8, "Début", "31/02/2016")].lower()
    assert all(e.sheet == "Programmation" for e in plan.errors)
    assert {row.row for row in plan.of_kind(RowKind.ERROR)} == {5, 6, 7, 8, 9}
    with pytest.raises(ImportBlocked, match="5 ligne\\(s\\) en erreur"):
        apply_import(demo, plan)
    assert hashlib.sha256(demo.path.read_bytes()).hexdigest() == before


def test_skipping_the_rows_in_error_applies_the_others(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    path = edited_export(
        exported,
        tmp_path / "retour.xlsx",
        {(6, "Accordé"): -1500, (7, "Avis"): "Défavorable"},
    )
    plan = plan_import(demo, path)
    result = apply_import(demo, plan, skip_invalid_rows=True)
    assert (result.updated, result.skipped) == (1, 1)


def test_state_file_dates_under_their_own_headers_are_checked(
    demo: Dossier, tmp_path: Path
) -> None:
    """A State export names its dates its own way; an impossible one is not left unread."""
    path = tmp_path / "etat.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "Action - Code dossier",
            "Tiers",
            "Code SIRET",
            "Libellé de l'action",
            "Date de début de l'action",
            "Date de fin de l'action",
            "Montant engagé",
        ]
    )
    sheet.append(["00123456", "Les Amis", "", "Atelier", "31/02/2023", "30/06/2023", 1500])
    book.save(path)
    plan = plan_import(demo, path)
    (error,) = plan.errors
    assert (error.row, error.column, error.value) == (2, "Date de début de l'action", "31/02/2023")
    assert plan.mapping[5] == "end_date"


def test_a_valid_la_poste_siret_is_no_error(demo: Dossier, exported: Path, tmp_path: Path) -> None:
    la_poste = "35600000000048"  # digit sum a multiple of 5: La Poste's own rule
    path = edited_export(exported, tmp_path / "retour.xlsx", {(5, "SIRET"): la_poste})
    assert not plan_import(demo, path).errors
    assert Repositories(demo).holders.by_siret(la_poste) == []


def test_a_write_refused_at_apply_names_its_row_and_writes_nothing(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    path = edited_export(exported, tmp_path / "retour.xlsx", {(7, "Avis"): "Défavorable"})
    plan = plan_import(demo, path)
    (row,) = plan.of_kind(RowKind.CHANGED)
    repos = Repositories(demo)
    action = repos.actions.by_reference(row.label)
    assert action is not None
    repos.actions.update(replace(action, observations="Changé pendant l'aperçu"))
    before = hashlib.sha256(demo.path.read_bytes()).hexdigest()
    with pytest.raises(
        RowNotWritten, match=f"Feuille « Programmation », ligne 7 \\({row.label}\\)"
    ):
        apply_import(demo, plan)
    assert hashlib.sha256(demo.path.read_bytes()).hexdigest() == before
