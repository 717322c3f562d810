"""Lost update across imports: a workbook exported before a change in the dossier shows that
change as a conflict (keep the dossier's value, take the workbook's) instead of reverting it."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.exchange.export_mark import EXPORT_SHEET
from contrat_desktop.operations.import_changes import Resolution
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import ImportBlocked, apply_import, plan_import
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.conftest import DEMO_YEAR, edited_export
from tests.operations.test_ods_import import first_avis, rewrite


def action_at(dossier: Dossier, exported: Path, row: int) -> Action:
    sheet = openpyxl.load_workbook(exported, read_only=True)["Programmation"]
    reference = next(sheet.iter_rows(min_row=row, max_row=row, values_only=True))[1]
    action = Repositories(dossier).actions.by_reference(str(reference))
    assert action is not None and action.id is not None
    return action


def observe(dossier: Dossier, action: Action, text: str) -> Action:
    """What a person does in the action editor: change its observations."""
    repos = Repositories(dossier)
    assert action.id is not None
    return repos.actions.update(replace(repos.actions.get(action.id), observations=text))


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def older(demo: Dossier, exported: Path, tmp_path: Path) -> Path:
    """An older export, returned with one avis changed (row 6) and nothing else."""
    return edited_export(exported, tmp_path / "retour-ancien.xlsx", {(6, "Avis"): "Défavorable"})


def test_older_export_after_newer_one_shows_conflicts_instead_of_reverting(
    demo: Dossier, exported: Path, older: Path, tmp_path: Path
) -> None:
    edited = [action_at(demo, exported, row) for row in (5, 6, 7)]
    for action in edited:
        observe(demo, action, "OBS-B")
    newer = export_programmation(demo, DEMO_YEAR, tmp_path / "recent.xlsx").path
    newer_return = edited_export(newer, tmp_path / "r2.xlsx", {(7, "Avis"): "Ajourné"})
    assert apply_import(demo, plan_import(demo, newer_return)).updated == 1

    plan = plan_import(demo, older)
    rows = {row.label: row for row in plan.rows}
    assert [row.label for row in plan.of_kind(RowKind.CONFLICT)] == [edited[1].reference]
    (conflict,) = rows[edited[1].reference].conflicts
    assert (conflict.change.column, conflict.change.old, conflict.change.new) == (
        "Observations",
        "OBS-B",
        "(vide)",
    )
    assert conflict.changed_by == "camille" and conflict.file_changed is False
    assert conflict.exported == "(vide)" and "par camille" in conflict.since()
    # rows 5 and 7 were not edited in the older file: they bring nothing, so they neither
    # revert nor dispute what changed in the dossier since (the avis the newer return set)
    for action in (edited[0], edited[2]):
        assert rows[action.reference].kind is RowKind.UNCHANGED
        assert not rows[action.reference].changes and not rows[action.reference].conflicts
    assert plan.unresolved_conflicts() == 1
    before = checksum(demo.path)
    with pytest.raises(ImportBlocked, match="1 valeur\\(s\\) en conflit"):
        apply_import(demo, plan)
    assert checksum(demo.path) == before

    plan.resolve_all(Resolution.KEEP)
    result = apply_import(demo, plan)
    assert result.updated == 1  # the avis of row 6, and no observation reverted
    repos = Repositories(demo)
    assert all(repos.actions.get(a.id or 0).observations == "OBS-B" for a in edited)
    assert repos.actions.get(edited[2].id or 0).opinion.label == "Ajourné"  # type: ignore[union-attr]


def test_taking_the_workbooks_value_is_a_choice_per_field(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    older = edited_export(
        exported,
        tmp_path / "retour-ancien.xlsx",
        {(row, "Avis"): "Défavorable" for row in (5, 6, 7)},
    )
    first, second = action_at(demo, exported, 5), action_at(demo, exported, 7)
    observe(demo, first, "OBS-B")
    observe(demo, second, "OBS-C")
    plan = plan_import(demo, older)
    (row5,) = [r for r in plan.rows if r.row == 5]
    plan.resolve(5, "observations", Resolution.TAKE)
    assert row5.kind is RowKind.CHANGED and plan.unresolved_conflicts() == 1
    plan.resolve(7, None, Resolution.KEEP)
    apply_import(demo, plan)
    repos = Repositories(demo)
    assert repos.actions.get(first.id or 0).observations == ""
    assert repos.actions.get(second.id or 0).observations == "OBS-C"


def test_values_not_changed_since_the_export_apply_as_usual(
    demo: Dossier, exported: Path, older: Path
) -> None:
    observe(demo, action_at(demo, exported, 5), "OBS-B")
    plan = plan_import(demo, older)
    (row6,) = [r for r in plan.rows if r.row == 6]
    assert row6.kind is RowKind.CHANGED and not row6.conflicts
    assert [c.column for c in row6.changes] == ["Avis"]


def test_an_amount_changed_on_both_sides_says_what_was_exported(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    repos = Repositories(demo)
    action = action_at(demo, exported, 5)
    line = repos.funding_lines.for_action(action.id or 0)[0]
    funder = repos.funders.get(line.funder_id)
    path = edited_export(
        exported, tmp_path / "montant.xlsx", {(5, "Demandé", funder.display_name): 1234}
    )
    repos.funding_lines.update(replace(line, requested_cents=line.requested_cents + 100))

    plan = plan_import(demo, path)
    (row,) = plan.of_kind(RowKind.CONFLICT)
    (conflict,) = row.conflicts
    assert conflict.change.new_value == 123_400 and conflict.file_changed is True
    assert conflict.change.old_value == line.requested_cents + 100
    assert conflict.exported is not None and conflict.exported.startswith(
        f"{line.requested_cents // 100:,}".replace(",", "\u202f")
    )


def test_a_workbook_the_application_did_not_export_has_no_conflicts(
    demo: Dossier, exported: Path, older: Path, tmp_path: Path
) -> None:
    observe(demo, action_at(demo, exported, 5), "OBS-B")
    book = openpyxl.load_workbook(older)
    del book[EXPORT_SHEET]  # a copy pasted into a new workbook keeps no mark
    path = tmp_path / "sans-marque.xlsx"
    book.save(path)
    plan = plan_import(demo, path)
    assert plan.export_mark is None and not plan.of_kind(RowKind.CONFLICT)


def test_a_restored_older_backup_still_shows_what_changed_after(
    demo: Dossier, exported: Path, older: Path
) -> None:
    """Restoring a backup re-uses journal numbers; the later changes are later in time."""
    from contrat_desktop.operations.dossiers import restore_backup

    backup = demo.backup("avant-essai")
    plan = plan_import(demo, older)
    assert not plan.of_kind(RowKind.CONFLICT)
    restore_backup(demo, backup.path)
    observe(demo, action_at(demo, exported, 6), "OBS-R")  # the row the older file edits
    plan = plan_import(demo, older)
    assert [row.row for row in plan.of_kind(RowKind.CONFLICT)] == [6]


def test_an_ods_export_carries_its_mark_too(demo: Dossier, tmp_path: Path) -> None:
    ods = export_programmation(demo, DEMO_YEAR, tmp_path / "programmation.ods").path
    repos = Repositories(demo)
    campaign = repos.campaigns.by_year(DEMO_YEAR)
    assert campaign is not None and campaign.id is not None
    action = sorted(repos.actions.for_campaign(campaign.id), key=lambda a: a.reference)[0]
    observe(demo, action, "OBS-B")
    plan = plan_import(demo, ods)  # returned unedited: its rows bring nothing, no conflict
    assert plan.export_mark is not None and len(plan.export_mark.rows) == 50
    assert len(plan.export_mark.fingerprints) == 50 and plan.counts()["unchanged"] == 50
    plan = plan_import(demo, rewrite(ods, tmp_path / "retour.ods", first_avis))
    (row,) = plan.of_kind(RowKind.CONFLICT)
    assert row.label == action.reference and row.conflicts[0].file_changed is False
