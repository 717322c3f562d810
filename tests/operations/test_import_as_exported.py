"""A returned export's rows nobody edited are recognised by the fingerprint the export wrote
for each of them, and taken as they are; an edited row, of any kind of column, still takes
the full path and shows its change; a damaged fingerprint only sends rows the full way."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from contrat_desktop.domain.workflow import ActionStatus, allowed_transitions
from contrat_desktop.exchange.export_mark import EXPORT_SHEET
from contrat_desktop.operations.import_plan import ImportPlan, RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.exchange.hostile import HOSTILE
from tests.operations.conftest import DEMO_YEAR, edited_export

ROWS = 50  # the demo's campaign


def as_exported(plan: ImportPlan) -> set[int]:
    return {row.row for row in plan.rows if row.as_exported}


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_an_unedited_return_is_recognised_row_by_row(
    demo: Dossier, tmp_path: Path, suffix: str
) -> None:
    exported = export_programmation(demo, DEMO_YEAR, tmp_path / f"programmation{suffix}").path
    plan = plan_import(demo, exported)
    assert plan.counts()["unchanged"] == ROWS and len(as_exported(plan)) == ROWS
    assert plan.amount_cents > 0  # its amounts still count in the preview's totals
    assert all(row.target_id is not None and row.matched_by == "identifiant" for row in plan.rows)


def _status_edit(demo: Dossier, exported: Path) -> str:
    """A status the action of row 6 may move to, as its label."""
    sheet = openpyxl.load_workbook(exported, read_only=True)["Programmation"]
    reference = next(sheet.iter_rows(min_row=6, max_row=6, values_only=True))[1]
    action = Repositories(demo).actions.by_reference(str(reference))
    assert action is not None
    return allowed_transitions(ActionStatus(action.status.value))[0].label


@pytest.mark.parametrize(
    ("cell", "value", "shown"),
    [
        (("Observations",), "Pièces reçues le 3 mars", "Pièces reçues le 3 mars"),
        (("Intitulé de l'action",), "Cours de français", "Cours de français"),
        (("Coût total",), 4321.5, "4\u202f321,50\u00a0€"),
        (("Début",), "15/01/2016", "15/01/2016"),
        (("Demandé", "Ville"), 1234, "1\u202f234,00\u00a0€"),
        (("Statut",), None, None),
    ],
    ids=["text", "title", "amount", "date", "funder", "status"],
)
def test_an_edited_cell_of_any_kind_is_seen_despite_the_fingerprint(
    demo: Dossier, exported: Path, tmp_path: Path, cell: tuple[str, ...], value: Any, shown: Any
) -> None:
    if value is None:
        value = shown = _status_edit(demo, exported)
    returned = edited_export(exported, tmp_path / "retour.xlsx", {(6, *cell): value})
    plan = plan_import(demo, returned)
    (changed,) = plan.of_kind(RowKind.CHANGED)
    assert changed.row == 6 and not changed.as_exported
    assert [(c.column, c.new) for c in changed.changes] == [(" – ".join(reversed(cell)), shown)]
    assert as_exported(plan) == {n for n in range(5, 5 + ROWS)} - {6}
    assert apply_import(demo, plan).updated == 1


def test_the_same_value_typed_again_is_no_change(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    """Retyped as text, a number no longer hashes the same: the row is read the full way,
    and compares equal."""
    returned = edited_export(exported, tmp_path / "retour.xlsx", {(6, "Exercice"): "2016"})
    plan = plan_import(demo, returned)
    assert plan.counts()["unchanged"] == ROWS and 6 not in as_exported(plan)


def _tampered(exported: Path, target: Path, edit: Any) -> Path:
    book = openpyxl.load_workbook(exported)
    edit(book[EXPORT_SHEET])
    book.save(target)
    return target


def _records(sheet: Any) -> tuple[int, list[list[Any]]]:
    """The sheet row (1-based) of the packed rows' label, and the rows it packs."""
    label = next(
        cell.row for cell in sheet["A"] if str(cell.value or "").startswith("Lignes exportées")
    )
    cells = [cell.value for cell in sheet["A"][label:] if cell.value]
    return label, [record for cell in cells for record in json.loads(cell)]


def _repacked(sheet: Any, records: list[list[Any]]) -> None:
    label, old = _records(sheet)
    sheet.delete_rows(label + 1, len(old))
    sheet.cell(row=label + 1, column=1).value = json.dumps(records)


def _format_one(sheet: Any) -> None:
    """The mark as the release before packing wrote it: one sheet row per exported row."""
    label, records = _records(sheet)
    sheet.delete_rows(label, sheet.max_row)
    sheet.cell(row=1, column=2).value = "1"
    header = ["Identifiant", "Version de l'action", "Versions des lignes de financement",
              "Empreinte de la ligne"]  # fmt: skip
    for number, values in enumerate([header, *records], start=label):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column).value = str(value)


def test_a_damaged_fingerprint_sends_its_row_the_full_way(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    def swap(sheet: Any) -> None:  # row 5's fingerprint given to row 6, and row 7's garbled
        _label, records = _records(sheet)
        records[1][3], records[2][3] = records[0][3], "0" * 20
        _repacked(sheet, records)

    plan = plan_import(demo, _tampered(exported, tmp_path / "empreintes.xlsx", swap))
    assert plan.counts()["unchanged"] == ROWS
    assert as_exported(plan) == {n for n in range(5, 5 + ROWS)} - {6, 7}

    edited = edited_export(
        tmp_path / "empreintes.xlsx", tmp_path / "retour.xlsx", {(7, "Avis"): "Défavorable"}
    )
    (changed,) = plan_import(demo, edited).of_kind(RowKind.CHANGED)
    assert changed.row == 7 and [c.new for c in changed.changes] == ["Défavorable"]


def test_damaged_column_fingerprint_sends_every_row_the_full_way(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    def garble(sheet: Any) -> None:
        assert sheet.cell(row=5, column=1).value == "Empreinte des colonnes"
        sheet.cell(row=5, column=2).value = "abc"

    plan = plan_import(demo, _tampered(exported, tmp_path / "colonnes.xlsx", garble))
    assert plan.counts()["unchanged"] == ROWS and not as_exported(plan)
    recognised = plan_import(demo, exported)  # read in part: the same amounts, the same years
    assert [(r.row, r.amount_cents, r.year, r.label) for r in recognised.rows] == [
        (r.row, r.amount_cents, r.year, r.label) for r in plan.rows
    ]
    assert recognised.amount_cents == plan.amount_cents > 0


def test_columns_moved_send_every_row_the_full_way(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    """The same cells under other headers are other fields: no row is taken as exported."""
    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    headers = [c.value for c in sheet[4]]
    avis, observations = headers.index("Avis") + 1, headers.index("Observations") + 1
    sheet.cell(row=4, column=avis).value = "Observations"
    sheet.cell(row=4, column=observations).value = "Avis"
    sheet.cell(row=5, column=observations).value = "Défavorable"
    book.save(tmp_path / "colonnes.xlsx")
    plan = plan_import(demo, tmp_path / "colonnes.xlsx")
    assert not as_exported(plan)
    (changed,) = plan.of_kind(RowKind.CHANGED)
    assert [(c.column, c.new) for c in changed.changes] == [("Avis", "Défavorable")]


def test_a_copied_row_is_still_the_same_action_twice(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    sheet.insert_rows(6)  # row 5 copied under itself, fingerprint and all
    for column, source in enumerate(sheet[5], start=1):
        sheet.cell(row=6, column=column).value = source.value
    book.save(tmp_path / "copie.xlsx")
    plan = plan_import(demo, tmp_path / "copie.xlsx")
    (error,) = plan.of_kind(RowKind.ERROR)
    assert error.row == 6 and "Même action que la ligne 5" in error.errors[0].message


def test_an_export_of_an_earlier_release_takes_the_full_path(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    """Its mark has no fingerprints: every row is compared, as before."""

    def earlier(sheet: Any) -> None:
        _format_one(sheet)  # one row per exported row
        sheet.delete_rows(5)  # the columns' fingerprint
        sheet.delete_cols(4)  # the rows'

    path = _tampered(exported, tmp_path / "ancien.xlsx", earlier)
    plan = plan_import(demo, path)
    assert plan.export_mark is not None and not plan.export_mark.fingerprints
    assert plan.counts()["unchanged"] == ROWS and not as_exported(plan)


def test_a_mark_of_the_release_before_packing_is_still_read(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    """One sheet row per exported row (format 1): its rows are still told as exported, and
    what changed in the dossier since is still a conflict."""
    path = _tampered(exported, tmp_path / "format-1.xlsx", _format_one)
    plan = plan_import(demo, path)
    assert plan.export_mark is not None and len(plan.export_mark.fingerprints) == ROWS
    assert plan.counts()["unchanged"] == ROWS and len(as_exported(plan)) == ROWS
    assert plan.export_mark.rows == plan_import(demo, exported).export_mark.rows  # type: ignore[union-attr]


def test_a_garbled_packed_mark_is_no_mark(demo: Dossier, exported: Path, tmp_path: Path) -> None:
    def garble(sheet: Any) -> None:
        label, _records_read = _records(sheet)
        sheet.cell(row=label + 1, column=1).value = '[["45002:2024-CS-002", 1, "", '

    plan = plan_import(demo, _tampered(exported, tmp_path / "abime.xlsx", garble))
    assert plan.export_mark is None and not as_exported(plan)
    assert plan.counts()["unchanged"] == ROWS


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) absent")
@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_saved_again_by_libreoffice_comes_back_unchanged(
    demo: Dossier, tmp_path: Path, suffix: str
) -> None:
    repos = Repositories(demo)
    actions = repos.actions.for_campaign(repos.campaigns.by_year(DEMO_YEAR).id or 0)  # type: ignore[union-attr]
    texts = [text for text in HOSTILE if text == text.strip()]
    with demo.db.atomic():
        for action, text in zip(actions, texts, strict=False):
            repos.actions.update(replace(action, observations=text, target_public=text))
    exported = export_programmation(demo, DEMO_YEAR, tmp_path / f"programmation{suffix}").path
    out, profile = tmp_path / "libreoffice", tmp_path / "profil-libreoffice"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", suffix[1:], "--outdir", str(out), str(exported)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    plan = plan_import(demo, out / exported.name)
    assert plan.counts()["unchanged"] == ROWS and not plan.unmapped_headers
    assert len(as_exported(plan)) == ROWS  # read back alike: recognised, not just equal
