"""Export the programmation, let "the préfecture" edit it, import it back (real files)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import (
    ImportBlocked,
    NothingToImport,
    apply_import,
    plan_import,
    save_error_list,
)
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.backup import list_backups
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.imports import ImportJournal, ImportMappings
from contrat_desktop.storage.repositories import Repositories

YEAR = 2016


def header_index(sheet: openpyxl.worksheet.worksheet.Worksheet, header: str, band: str = "") -> int:
    for cell in sheet[4]:
        above = sheet.cell(row=3, column=cell.column).value
        if cell.value == header and (not band or _band(sheet, cell.column) == band):
            return cell.column
        del above
    raise KeyError(header)


def _band(sheet: openpyxl.worksheet.worksheet.Worksheet, column: int) -> str:
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == 3 and merged.min_col <= column <= merged.max_col:
            return str(sheet.cell(row=3, column=merged.min_col).value)
    return str(sheet.cell(row=3, column=column).value or "")


def test_export_is_made_for_a_person(exported: Path) -> None:
    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    assert book.sheetnames == ["Programmation", "Synthèse", "Export", "Listes"]
    assert book["Listes"].sheet_state == book["Export"].sheet_state == "hidden"
    assert sheet.freeze_panes == "D5"
    assert sheet.auto_filter.ref.startswith("A4:")
    assert sheet.column_dimensions["A"].hidden  # the stable identifier
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$4"
    assert book.properties.title.startswith(f"Programmation {YEAR}")
    validated = {str(v.sqref).split(":")[0][0:2] for v in sheet.data_validations.dataValidation}
    assert len(validated) == 2  # status and avis
    cost = header_index(sheet, "Coût total")
    assert "€" in sheet.cell(row=5, column=cost).number_format
    year = header_index(sheet, "Exercice")
    assert sheet.cell(row=5, column=year).value == YEAR
    assert sheet.cell(row=5, column=year).number_format == "0"  # 2016, not 2 016
    title = header_index(sheet, "Intitulé de l'action")
    assert sheet.cell(row=5, column=title).alignment.wrap_text
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(title)].width >= 30
    last = sheet.max_row
    assert str(sheet.cell(row=last, column=2).value).startswith("Total (50 actions)")
    assert str(sheet.cell(row=last, column=cost).value).startswith("=SUBTOTAL(9,")
    synthesis = [c.value for c in book["Synthèse"]["A"] if c.value]
    assert any("pilier" in str(v).lower() for v in synthesis)
    assert any("type de porteur" in str(v).lower() for v in synthesis)


def test_export_then_import_without_edits_changes_nothing(demo: Dossier, exported: Path) -> None:
    plan = plan_import(demo, exported)
    assert plan.layout == "programmation" and plan.sheet == "Programmation"
    assert plan.counts() == {
        "new": 0,
        "changed": 0,
        "unchanged": 50,
        "ambiguous": 0,
        "conflict": 0,
        "error": 0,
        "skipped": 0,
    }
    assert not plan.unmapped_headers
    assert {row.matched_by for row in plan.rows} == {"identifiant"}


def test_edited_return_applies_exactly_those_changes(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    repos = Repositories(demo)
    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    opinion, reference = header_index(sheet, "Avis"), header_index(sheet, "Référence")
    state = repos.funders.by_name("État – politique de la ville (BOP 147)")
    assert state is not None
    granted = header_index(sheet, "Accordé", band=state.display_name)
    edited = {}
    for row in (5, 9):
        sheet.cell(row=row, column=opinion).value = "Favorable sous réserve"
        sheet.cell(row=row, column=granted).value = "12 345,67 €"
        edited[sheet.cell(row=row, column=reference).value] = row
    returned = tmp_path / "retour-prefecture.xlsx"
    book.save(returned)  # openpyxl keeps the totals formulas without values: skipped

    plan = plan_import(demo, returned)
    changed = plan.of_kind(RowKind.CHANGED)
    assert {row.label for row in changed} == set(edited)
    assert len(plan.of_kind(RowKind.UNCHANGED)) == 48
    for row in changed:
        assert {c.column for c in row.changes} == {"Avis", f"{state.display_name} – Accordé"}
        assert any(c.new == "12\u202f345,67\u00a0€" for c in row.changes)
    before_backups = len(list_backups(demo.path))

    result = apply_import(demo, plan)

    assert result.updated == 2 and result.created == 0
    assert len(list_backups(demo.path)) == before_backups + 1
    for ref in edited:
        action = repos.actions.by_reference(ref)
        assert action is not None and action.opinion is Opinion.FAVOURABLE_WITH_CONDITIONS
        line = next(l for l in repos.funding_lines.for_action(action.id) if l.funder_id == state.id)  # noqa: E741
        assert line.granted_cents == 1_234_567
        assert any(
            e.field == "opinion" and e.who == "camille"
            for e in history(demo.db, "action", action.id)
        )
    (entry,) = ImportJournal(demo).all()
    assert (entry.file_name, entry.updated_rows, entry.unchanged_rows) == (
        "retour-prefecture.xlsx",
        2,
        48,
    )
    assert entry.sha256 == hashlib.sha256(returned.read_bytes()).hexdigest()
    assert ImportMappings(demo).find("programmation", plan.signature) is not None
    again = plan_import(demo, returned)
    assert again.counts()["changed"] == 0 and again.mapping_origin.name == "SAVED"


def test_status_change_follows_the_workflow(demo: Dossier, exported: Path, tmp_path: Path) -> None:
    repos = Repositories(demo)
    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    status, reference = header_index(sheet, "Statut"), header_index(sheet, "Référence")
    action = repos.actions.by_reference(sheet.cell(row=5, column=reference).value)
    assert action is not None
    allowed = next(iter(sorted(s.label for s in ActionStatus if s.value != action.status.value)))
    sheet.cell(row=5, column=status).value = "n'importe quoi"
    returned = tmp_path / "statut.xlsx"
    book.save(returned)
    plan = plan_import(demo, returned)
    assert (
        plan.has_errors
        and plan.errors[0].row == 5
        and "valeurs possibles" in plan.errors[0].message
    )
    with pytest.raises(ImportBlocked, match="rien n'a été importé"):
        apply_import(demo, plan)
    assert ImportJournal(demo).all() == []
    errors = save_error_list(plan, tmp_path / "erreurs.xlsx")
    listed = [c.value for c in openpyxl.load_workbook(errors)["Erreurs"]["F"]]
    assert any("valeurs possibles" in str(v) for v in listed)
    with pytest.raises(NothingToImport, match="1 ligne\\(s\\) en erreur"):
        apply_import(demo, plan, skip_invalid_rows=True)
    del allowed


def test_formula_looking_text_stays_text(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    action = repos.actions.for_campaign(repos.campaigns.by_year(YEAR).id)[0]  # type: ignore[union-attr, arg-type]
    texts = {
        "title": '=HYPERLINK("http://x")',
        "observations": "+33 1 23",
        "target_public": "-jeunes @ados",
    }
    repos.actions.update(
        repos.with_id(action, **texts) if hasattr(repos, "with_id") else _replace(action, texts)
    )
    path = export_programmation(demo, YEAR, tmp_path / "textes.xlsx").path
    sheet = openpyxl.load_workbook(path)["Programmation"]
    found = [c for row in sheet.iter_rows(min_row=5) for c in row if c.value in texts.values()]
    assert len(found) == 3 and all(c.data_type == "s" for c in found)
    assert plan_import(demo, path).counts()["changed"] == 0


def _replace(action, texts):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(action, **texts)


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _uncached_formula(tmp_path: Path, exported: Path) -> Path:
    book = openpyxl.load_workbook(exported)
    book["Programmation"]["Z5"] = "=1+1"
    path = tmp_path / "formules.xlsx"
    book.save(path)
    return path


def _too_many_rows(tmp_path: Path, exported: Path) -> Path:
    path = tmp_path / "enorme.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Référence", "Intitulé de l'action"])
    for row in range(1, 100_002):
        sheet.write_row(row, 0, [f"2016-X-{row}", "Action"])
    book.close()
    return path


def _too_big(tmp_path: Path, exported: Path) -> Path:
    path = tmp_path / "gros.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(50 * 1024 * 1024 + 1)
    return path


def _bytes(content: bytes) -> Callable[[Path, Path], Path]:
    def make(tmp_path: Path, exported: Path) -> Path:
        path = tmp_path / "retour.xlsx"
        path.write_bytes(content)
        return path

    return make


def _no_header(tmp_path: Path, exported: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["x", "y"])
    book.active.append([1, 2])
    path = tmp_path / "sans-entete.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_bytes(b""), "est vide"),
        (_bytes(b"Reference;Montant\n"), "n'est pas un classeur"),
        (
            _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
            r"\.xls\).*enregistrez-le au format \.xlsx",
        ),
        (
            _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")),
            "mot de passe",
        ),
        (_bytes(b"PK\x03\x04corrompu" + b"\0" * 64), "endommagé"),
        (_too_big, "trop gros"),
        (_too_many_rows, "la limite est de 100"),
        (_no_header, "Aucune ligne d'en-tête"),
        (_uncached_formula, "formules sans valeur calculée.*enregistrez-le"),
    ],
)
def test_refused_files_leave_the_dossier_byte_for_byte(
    demo: Dossier, exported: Path, tmp_path: Path, make: Callable[[Path, Path], Path], message: str
) -> None:
    path = make(tmp_path, exported)
    before = checksum(demo.path)
    with pytest.raises(WorkbookRefused, match=message):
        plan_import(demo, path)
    assert checksum(demo.path) == before


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_status_lists_follow_the_workflow_order(demo: Dossier, tmp_path: Path, suffix: str) -> None:
    """The drop-down of the export and the import's message list the statuses in the order
    of the window (``STATUS_ORDER``): the main path, then the detours."""
    import re

    from python_calamine import CalamineWorkbook

    from contrat_desktop.domain.errors import ValidationError
    from contrat_desktop.domain.workflow import STATUS_ORDER
    from contrat_desktop.exchange.cells import parse_cell
    from contrat_desktop.exchange.programmation_layout import AFTER_FUNDERS

    labels = [status.label for status in STATUS_ORDER]
    path = export_programmation(demo, YEAR, tmp_path / f"programmation{suffix}").path
    lists = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Listes").to_python()
    column = lists[0].index("Statut")
    assert [row[column] for row in lists[1:] if column < len(row) and row[column]] == labels
    status = next(c for c in AFTER_FUNDERS if c.key == "status")
    with pytest.raises(ValidationError) as refused:
        parse_cell(status, "n'importe quoi")
    assert re.findall("« ([^»]+) »", str(refused.value))[1:] == labels
