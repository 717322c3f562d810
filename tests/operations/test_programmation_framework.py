"""« Pilier / thématique » of the programmation table: each action's full path in the
« Cadre stratégique », read back to the same node (issue #16)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.domain.framework import PATH_SEPARATOR, FrameworkNode, NodeKind
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.programmation import programmation_rows
from contrat_desktop.storage.repositories import Repositories
from tests.operations.conftest import DEMO_YEAR, edited_export
from tests.operations.test_ods_import import rewrite

HEADER = "Pilier / thématique"


def _column(sheet: openpyxl.worksheet.worksheet.Worksheet, header: str) -> int:
    return next(c.column for c in sheet[4] if c.value == header)


def _cells(path: Path, header: str) -> dict[str, object]:
    """Reference → the cell under ``header``, for every action row of the export."""
    sheet = openpyxl.load_workbook(path)["Programmation"]
    reference, column = _column(sheet, "Référence"), _column(sheet, header)
    return {
        str(sheet.cell(row=r, column=reference).value): sheet.cell(row=r, column=column).value
        for r in range(5, sheet.max_row)
        if sheet.cell(row=r, column=1).value
    }


def _deeper(demo: Dossier) -> tuple[str, int]:
    """A sub-theme under a 2015 theme (pillar › theme › sub-theme), given to one action."""
    repos = Repositories(demo)
    tree = repos.framework.tree()
    theme = next(n for n in tree.of_kind(NodeKind.THEME) if n.generation == 2015)
    sub = repos.framework.add(
        FrameworkNode(NodeKind.SUBTHEME, "Soutien scolaire", parent_id=theme.id, generation=2015)
    )
    campaign = repos.campaigns.by_year(DEMO_YEAR)
    assert campaign is not None and campaign.id is not None
    action = repos.actions.for_campaign(campaign.id)[0]
    repos.actions.update(replace(action, framework_node_id=sub.id))
    assert sub.id is not None
    return action.reference, sub.id


def test_the_export_writes_each_actions_full_path(demo: Dossier, tmp_path: Path) -> None:
    reference, node = _deeper(demo)
    tree = Repositories(demo).framework.tree()
    path = export_programmation(demo, DEMO_YEAR, tmp_path / "p.xlsx").path
    cells = _cells(path, HEADER)
    assert cells[reference] == tree.path_label(node)
    assert str(cells[reference]).count(PATH_SEPARATOR) == 2  # pillar › theme › sub-theme
    campaign = Repositories(demo).campaigns.by_year(DEMO_YEAR)
    assert campaign is not None and campaign.id is not None
    for action in Repositories(demo).actions.for_campaign(campaign.id):
        expected = tree.path_label(action.framework_node_id) if action.framework_node_id else None
        assert cells[action.reference] == expected
    # the table of the programmation page shows the same path, with the same separator
    shown = {r.reference: r.framework_label for r in programmation_rows(demo.db, campaign.id)}
    assert shown[reference] == cells[reference]


def test_the_cross_table_stays_by_pillar(demo: Dossier, tmp_path: Path) -> None:
    _deeper(demo)
    tree = Repositories(demo).framework.tree()
    pillars = {n.label for n in tree.roots()} | {"(non classée)", "Total"}
    path = export_programmation(demo, DEMO_YEAR, tmp_path / "p.xlsx").path
    sheet = openpyxl.load_workbook(path)["Synthèse"]
    rows = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    start = next(n for n, row in enumerate(rows) if "par pilier" in str(row[0]))
    labels = []
    for row in rows[start + 2 :]:
        labels.append(row[0])
        if row[0] == "Total":
            break
    assert labels and set(labels) <= pillars
    assert not any(PATH_SEPARATOR in str(label) for label in labels)


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_an_unchanged_export_reads_back_to_the_same_nodes(
    demo: Dossier, tmp_path: Path, suffix: str
) -> None:
    _deeper(demo)
    path = export_programmation(demo, DEMO_YEAR, tmp_path / f"p.{suffix}").path
    plan = plan_import(demo, path)
    assert plan.counts()["unchanged"] == 50 and all(row.as_exported for row in plan.rows)
    assert plan.counts()["changed"] == plan.counts()["error"] == 0
    whole = plan_import(demo, _without_mark(path, tmp_path))  # every row read and compared
    assert whole.counts() == plan.counts() and not any(row.as_exported for row in whole.rows)
    campaign = Repositories(demo).campaigns.by_year(DEMO_YEAR)
    assert campaign is not None and campaign.id is not None
    actions = Repositories(demo).actions.for_campaign(campaign.id)
    nodes = {a.id: a.framework_node_id for a in actions}
    for row in whole.rows:
        assert row.values.get("framework") == nodes[row.target_id]


def _without_mark(path: Path, tmp_path: Path) -> Path:
    """The workbook without its hidden « Export » sheet (a copy pasted elsewhere)."""
    target = tmp_path / f"sans-marque{path.suffix}"
    if path.suffix == ".ods":
        return rewrite(
            path,
            target,
            lambda content: re.sub(
                r'<table:table table:name="Export".*?</table:table>', "", content, flags=re.S
            ),
        )
    book = openpyxl.load_workbook(path)
    del book["Export"]
    book.save(target)
    return target


def test_an_old_file_with_the_pillar_alone_changes_nothing(demo: Dossier, tmp_path: Path) -> None:
    reference, node = _deeper(demo)
    tree = Repositories(demo).framework.tree()
    exported = export_programmation(demo, DEMO_YEAR, tmp_path / "p.xlsx").path
    cells = _cells(exported, HEADER)
    rows = {ref: n for n, ref in enumerate(cells, start=5)}
    pillars = {
        (rows[ref], HEADER): str(path).split(PATH_SEPARATOR)[0]
        for ref, path in cells.items()
        if path
    }
    old = edited_export(exported, tmp_path / "old.xlsx", pillars)
    assert _cells(old, HEADER)[reference] == tree.top(node).label
    plan = plan_import(demo, old)
    assert plan.counts()["changed"] == plan.counts()["error"] == 0


def test_a_new_path_moves_the_action_and_is_journaled(demo: Dossier, tmp_path: Path) -> None:
    reference, node = _deeper(demo)
    tree = Repositories(demo).framework.tree()
    above = {n.id for n in tree.ancestors(node)}
    target = next(
        n for n in tree.all() if n.generation == 2015 and n.id not in above and n.parent_id
    )
    assert target.id is not None
    exported = export_programmation(demo, DEMO_YEAR, tmp_path / "p.xlsx").path
    row = list(_cells(exported, HEADER)).index(reference) + 5
    # typed by hand: another separator, no accents or capitals, still the same node
    typed = tree.path_label(target.id, " > ").lower().replace("é", "e")
    returned = edited_export(exported, tmp_path / "r.xlsx", {(row, HEADER): typed})
    plan = plan_import(demo, returned)
    (changed,) = plan.of_kind(RowKind.CHANGED)
    (change,) = changed.changes
    assert (change.column, change.old, change.new) == (
        HEADER,
        tree.path_label(node),
        tree.path_label(target.id),
    )
    apply_import(demo, plan)
    action = Repositories(demo).actions.by_reference(reference)
    assert action is not None and action.framework_node_id == target.id


def test_an_unknown_path_is_a_row_error(demo: Dossier, tmp_path: Path) -> None:
    exported = export_programmation(demo, DEMO_YEAR, tmp_path / "p.xlsx").path
    wrong = "Cohésion sociale › Astronomie"
    returned = edited_export(exported, tmp_path / "r.xlsx", {(7, HEADER): wrong})
    plan = plan_import(demo, returned)
    (row,) = plan.of_kind(RowKind.ERROR)
    (issue,) = row.errors
    assert (issue.row, issue.column, issue.value) == (7, HEADER, wrong)
    assert "cadre stratégique" in issue.message and PATH_SEPARATOR.strip() in issue.message
