"""The generic machinery imports a holders directory; a real public file when present."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.domain.holders import Holder
from contrat_desktop.exchange.workbook_writer import write_workbook
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

SHARED_CSV = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "derived"
    / "postes_p147_val_de_marne_94.csv"
)


DIRECTORY = (
    ["Annuaire des associations"],
    ["Raison Sociale", "Code SIRET", "Ville", "Courriel"],
    ["CENTRE SOCIAL BALZAC ", 33101581800056, "Vitry-sur-Seine", "contact@balzac.fr"],
    ["Régie de quartier", "44793343300024", "Champigny", ""],
)


def _directory(path: Path) -> Path:
    """The directory as another program writes it (.xlsx), or through our writer (.ods)."""
    if path.suffix == ".ods":
        with write_workbook(path) as written:
            sheet = written.add_sheet("Annuaire")
            for index, row in enumerate(DIRECTORY):
                sheet.row(index, row)
        return path
    book = openpyxl.Workbook()
    for row in DIRECTORY:
        book.active.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_holders_directory_creates_and_updates(
    dossier: Dossier,
    repos: Repositories,
    make_holder: Callable[..., Holder],
    tmp_path: Path,
    suffix: str,
) -> None:
    make_holder(legal_name="Centre social Balzac", siret="33101581800056", city="")
    plan = plan_import(dossier, _directory(tmp_path / f"annuaire{suffix}"))
    assert plan.layout == "porteurs" and plan.header_row == 2
    updated, new = plan.rows
    assert updated.kind is RowKind.CHANGED and updated.matched_by == "SIRET"
    assert {c.key for c in updated.changes} == {"legal_name", "city", "contact_email"}
    assert new.kind is RowKind.NEW
    result = apply_import(dossier, plan)
    assert (result.created, result.updated) == (1, 1)
    assert repos.holders.by_siret("33101581800056")[0].city == "Vitry-sur-Seine"
    assert repos.holders.by_siret("44793343300024")[0].legal_name == "Régie de quartier"


@pytest.mark.skipif(not SHARED_CSV.exists(), reason="données publiques ../shared/data absentes")
def test_real_public_list_of_funded_posts(dossier: Dossier, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    with SHARED_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    sheet.append(["Liste des postes financés (BOP 147)"])
    sheet.append(
        [
            "Dispositif",
            "Année",
            "Poste",
            "Code tiers",
            "Raison sociale",
            "Montant",
            "Code contrat ville",
        ]
    )
    for row in rows[1:]:
        sheet.append(
            [
                row[0],
                int(row[1]),
                row[2],
                int(row[3]) if row[3].isdigit() else row[3],
                row[4],
                float(row[5]),
                row[6],
            ]
        )
    path = tmp_path / "postes.xlsx"
    book.save(path)
    plan = plan_import(dossier, path, layout="porteurs")
    assert len(plan.rows) == len(rows) - 1
    assert not plan.unmapped_headers[0].startswith("Liste")  # the title line is no band
    # FONJEP 2023 writes a name where the SIRET goes: each such row is an error, said so
    names = {row[3] for row in rows[1:] if row[3] and not row[3].isdigit()}
    assert {(e.column, e.value) for e in plan.errors} == {("Code tiers", n) for n in names}
    assert all("14 chiffres" in e.message for e in plan.errors)
    sirets = {row[3] for row in rows[1:] if row[3].isdigit()}
    assert len(sirets) <= len(plan.of_kind(RowKind.NEW)) < len(rows) - 1
    numeric = [row for row in plan.rows if str(row.values["siret"]).isdigit()]
    assert all(len(row.values["siret"]) == 14 for row in numeric)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_wrong_postcode_is_refused_with_its_row_and_column(
    dossier: Dossier, repos: Repositories, tmp_path: Path, suffix: str
) -> None:
    rows = [
        ["Raison Sociale", "Code postal", "Ville"],
        ["Régie de quartier", "9A", "Champigny"],
        ["Centre social", 1000, "Bourg-en-Bresse"],
    ]
    path = tmp_path / f"annuaire{suffix}"
    with write_workbook(path) as written:
        sheet = written.add_sheet("Annuaire")
        for index, row in enumerate(rows):
            sheet.row(index, row)
    before = dossier.path.read_bytes()
    plan = plan_import(dossier, path)
    (error,) = plan.errors
    assert (error.row, error.column) == (2, "Code postal")
    assert "Le code postal « 9A » doit compter 5 chiffres" in error.message
    assert any("zéro initial restauré (01000)" in w.message for w in plan.all_warnings)
    assert plan.has_errors and repos.holders.all() == []
    assert dossier.path.read_bytes() == before
