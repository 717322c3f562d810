"""OpenDocument spreadsheets imported like Excel workbooks: the export written here comes back
with no change, also once LibreOffice has opened and saved it; an edited cell is the one change;
bad files (formulas without values, a merged header, a format under another extension, two
columns mapped onto one field) are refused in French, naming the file and the place, and the
dossier stays byte for byte as it was."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from contrat_desktop.exchange.candidate_lists import read_candidate_list
from contrat_desktop.exchange.cell_address import cell_name
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.exchange.workbook_writer import ColumnSpec, write_workbook
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.imports import ImportMappings
from contrat_desktop.storage.repositories import Repositories
from tests.exchange.hostile import HOSTILE
from tests.operations.conftest import DEMO_YEAR

UNCHANGED = {
    "new": 0,
    "changed": 0,
    "unchanged": 50,
    "ambiguous": 0,
    "conflict": 0,
    "error": 0,
    "skipped": 0,
}


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rewrite(source: Path, target: Path, edit: Callable[[str], str]) -> Path:
    """A copy of the .ods ``source`` whose content.xml went through ``edit``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "content.xml":
                data = edit(data.decode()).encode()
            new.writestr(item, data)
    return target


@pytest.fixture
def exported_ods(demo: Dossier, tmp_path: Path) -> Path:
    return export_programmation(demo, DEMO_YEAR, tmp_path / "programmation.ods").path


def test_ods_export_comes_back_unchanged(demo: Dossier, exported_ods: Path) -> None:
    plan = plan_import(demo, exported_ods)
    assert plan.layout == "programmation" and plan.sheet == "Programmation"
    assert plan.counts() == UNCHANGED
    assert not plan.unmapped_headers and {row.matched_by for row in plan.rows} == {"identifiant"}
    assert plan.hidden_sheets_skipped == ("Export", "Listes")


def first_avis(content: str) -> str:
    """content.xml with the first row's empty « Avis » set to « Défavorable »."""
    return re.sub(
        r'(<table:table-cell[^>]*table:content-validation-name="val2")/>',
        r'\1 office:value-type="string"><text:p>Défavorable</text:p></table:table-cell>',
        content,
        count=1,
    )


def test_an_edited_ods_cell_is_the_one_change(
    demo: Dossier, exported_ods: Path, tmp_path: Path
) -> None:
    plan = plan_import(demo, rewrite(exported_ods, tmp_path / "retour.ods", first_avis))
    (changed,) = plan.of_kind(RowKind.CHANGED)
    assert [(c.column, c.new) for c in changed.changes] == [("Avis", "Défavorable")]
    result = apply_import(demo, plan)
    assert result.updated == 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) absent")
def test_ods_saved_by_libreoffice_comes_back_unchanged(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    actions = repos.actions.for_campaign(repos.campaigns.by_year(DEMO_YEAR).id or 0)
    texts = [text for text in HOSTILE if text == text.strip()]  # the import trims the ends
    with demo.db.atomic():
        for action, text in zip(actions, texts, strict=False):
            repos.actions.update(replace(action, observations=text, target_public=text))
    exported_ods = export_programmation(demo, DEMO_YEAR, tmp_path / "programmation.ods").path
    out = tmp_path / "libreoffice"
    profile = tmp_path / "profil-libreoffice"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "ods", "--outdir", str(out), str(exported_ods)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = out / "programmation.ods"
    assert checksum(saved) != checksum(exported_ods)  # really written again by LibreOffice
    with zipfile.ZipFile(saved) as archive:
        assert b"LibreOffice" in archive.read("meta.xml")
    plan = plan_import(demo, saved)
    assert plan.counts() == UNCHANGED and not plan.unmapped_headers


def _uncached_formula(tmp_path: Path, exported: Path) -> Path:
    def edit(content: str) -> str:  # the first amount becomes a formula nobody computed
        return re.sub(
            r'office:value-type="float" office:value="[^"]*"/>',
            'table:formula="of:=1+1"/>',
            content,
            count=1,
        )

    return rewrite(exported, tmp_path / "retour.ods", edit)


def _merged_header(tmp_path: Path, exported: Path) -> Path:
    def edit(content: str) -> str:  # "Porteur" spread over "SIRET"
        return re.sub(
            r'(<table:table-cell table:style-name="cd-header" office:value-type="string">'
            r"<text:p>Porteur</text:p></table:table-cell>)<table:table-cell[^>]*>.*?"
            r"</table:table-cell>",
            lambda m: (
                m.group(1).replace(
                    "<table:table-cell ",
                    '<table:table-cell table:number-columns-spanned="2" '
                    'table:number-rows-spanned="1" ',
                    1,
                )
                + "<table:covered-table-cell/>"
            ),
            content,
            count=1,
        )

    return rewrite(exported, tmp_path / "retour.ods", edit)


def _renamed(name: str, source: str) -> Callable[[Path, Path], Path]:
    def make(tmp_path: Path, exported: Path) -> Path:
        original = exported if source == "ods" else exported.with_suffix(".xlsx")
        target = tmp_path / name
        shutil.copy(original, target)
        return target

    return make


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_uncached_formula, r"« retour\.ods ».*formules sans valeur calculée \(cellule {}\)"),
        (_merged_header, r"ligne 4\) .*« retour\.ods » contient des cellules fusionnées \(D4:E4\)"),
        (_renamed("retour.xlsx", "ods"), r"« retour\.xlsx » est un classeur OpenDocument"),
        (_renamed("retour.ods", "xlsx"), r"« retour\.ods » est un classeur Excel \(\.xlsx\)"),
        (_renamed("retour.pdf", "ods"), r"« retour\.pdf ».*l'extension « \.pdf »"),
    ],
)
def test_bad_ods_is_refused_and_nothing_is_written(
    demo: Dossier,
    exported_ods: Path,
    tmp_path: Path,
    make: Callable[[Path, Path], Path],
    message: str,
) -> None:
    export_programmation(demo, DEMO_YEAR, exported_ods.with_suffix(".xlsx"))
    path = make(tmp_path, exported_ods)
    first_row = CalamineWorkbook.from_path(str(exported_ods)).get_sheet_by_name("Programmation")
    numbers = [i for i, v in enumerate(first_row.to_python()[4]) if isinstance(v, float)]
    message = message.format(cell_name(4, numbers[0]))  # the first number became a formula
    before = checksum(demo.path)
    with pytest.raises(WorkbookRefused, match=message):
        plan_import(demo, path)
    assert checksum(demo.path) == before


def test_two_columns_onto_one_field_are_refused(demo: Dossier, exported_ods: Path) -> None:
    plan = plan_import(demo, exported_ods)
    title = next(i for i, key in plan.mapping.items() if key == "title")
    public = next(i for i, key in plan.mapping.items() if key == "target_public")
    twice = {**plan.mapping, public: "title"}
    before = checksum(demo.path)
    expected = (
        rf"Dans la correspondance choisie, les colonnes {cell_name(3, title)} « Intitulé de "
        rf"l'action » et {cell_name(3, public)} « Public visé » de la feuille « Programmation » "
        r"du classeur « programmation\.ods » remplissent toutes le champ « Intitulé de l'action »"
    )
    with pytest.raises(WorkbookRefused, match=expected):
        plan_import(demo, exported_ods, mapping=twice)
    assert checksum(demo.path) == before
    # a saved mapping for this shape of workbook that does the same is set aside, and said
    ImportMappings(demo).save("programmation", plan.signature, twice, "ancien")
    again = plan_import(demo, exported_ods)
    assert again.mapping == plan.mapping and again.counts() == UNCHANGED
    (note,) = [w for w in again.warnings if "correspondance enregistrée" in w.message]
    assert note.row == 4 and "« programmation.ods »" in note.message
    assert "remplissent toutes le champ « Intitulé de l'action »" in note.message


def test_candidate_list_from_an_ods(tmp_path: Path) -> None:
    path = tmp_path / "locataires.ods"
    with write_workbook(path) as book:
        sheet = book.add_sheet("Locataires", [ColumnSpec(20)] * 5)
        sheet.row(0, ["Nom", "Prénom", "Sexe", "Année de naissance", "Quartier"])
        sheet.row(1, ["=Dupont", "Awa", "F", 1980, "QP094043"])
        sheet.row(2, ["Martin  Durand", "Léo", "Homme", 1975, "QP094043"])
    reading = read_candidate_list(path)
    names = [c.name for c in reading.candidates.candidates]
    assert names == ["=Dupont Awa", "Martin  Durand Léo"] and not reading.issues
    assert reading.candidates.candidates[0].birth_year == 1980
    assert reading.candidates.file_sha256 == checksum(path)
