"""Reconciliation of the State's yearly exports with the dossier: the four categories on a
crafted export, choices for rows the dossier lacks (create, link by hand, ignore) remembered
and applied to next year's list, the EJ and amounts engaged written to the State's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.reconciliation import Category, Choice, StateList
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import NothingToImport, apply_import, plan_import
from contrat_desktop.operations.reconcile_choices import ChoiceRefused, choose
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reconciliation import RememberedChoices
from contrat_desktop.storage.repositories import Repositories
from tests.operations.reconcile_fixtures import (
    EJ_NEW,
    EJ_OLD,
    Crafted,
    crafted_dossier,
    dauphin_rows,
    write_workbook,
)


@pytest.fixture
def crafted(dossier: Dossier) -> Crafted:
    return crafted_dossier(dossier)


def state_line(dossier: Dossier, crafted: Crafted, action_id: int | None) -> tuple[int, str]:
    line = next(
        f
        for f in Repositories(dossier).funding_lines.for_action(action_id or 0)
        if f.funder_id == crafted.state.id
    )
    return line.granted_cents or 0, line.ej_number


def test_the_four_categories_of_a_crafted_export(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    plan = plan_import(dossier, write_workbook(tmp_path / "etat.xlsx", dauphin_rows(crafted)))
    found = plan.reconciliation
    assert found is not None and found.year == 2024 and found.contract_code == "CV922"
    by_row = {row.row: found.category(row) for row in plan.rows}
    assert by_row == {
        2: Category.MATCHED,
        3: Category.DIFFERENT,
        4: Category.FILE_ONLY,
        5: None,  # contract CV357: set aside
        6: Category.FILE_ONLY,
    }
    differs = next(row for row in plan.rows if row.row == 3)
    assert differs.target_id == crafted.differs.id
    assert {(c.key, c.old, c.new) for c in differs.changes} == {
        (f"funder:{crafted.state.id}:granted", format_cents(300_000), format_cents(350_000)),
        ("ej", EJ_OLD, EJ_NEW),
    }
    assert [a.action_id for a in found.dossier_only(plan)] == [crafted.absent.id]
    assert "financées par" in found.scope  # the town-only actions are not expected
    counts = found.counts(plan)
    assert counts == {"matched": 1, "different": 1, "file_only": 2, "dossier_only": 1}
    assert found.out_of_contract == 1
    assert any("autres contrats de ville" in w.message for w in plan.warnings)
    lacking = found.rows[4]
    assert lacking.source is StateList.STATE_EXPORT
    assert lacking.keys[0].startswith("siret:35600000000048:") and lacking.keys[1] == (
        "dossier:00123499"
    )
    assert {s.action_id for s in lacking.suggestions} == {crafted.absent.id, crafted.other.id}
    summary = found.summary(plan)
    assert summary["counts"] == counts
    assert summary["dossier_only"][0]["reference"] == crafted.absent.reference
    assert summary["different"][0]["changes"][0]["file"] in (format_cents(350_000), EJ_NEW)


def test_ej_and_amount_engaged_are_written_to_the_state_line(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    plan = plan_import(dossier, write_workbook(tmp_path / "etat.xlsx", dauphin_rows(crafted)))
    result = apply_import(dossier, plan)
    assert result.updated == 1
    assert state_line(dossier, crafted, crafted.differs.id) == (350_000, EJ_NEW)
    assert state_line(dossier, crafted, crafted.same.id) == (500_000, EJ_OLD)
    again = plan_import(dossier, write_workbook(tmp_path / "etat2.xlsx", dauphin_rows(crafted)))
    assert again.reconciliation and again.reconciliation.counts(again)["different"] == 0


def test_an_ej_alone_makes_a_difference_and_a_bad_one_an_error(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    rows = dauphin_rows(crafted)
    rows[1][5] = "EJ 2100 999 999"  # same amount, new EJ (spaces and prefix allowed)
    rows[2][5] = "12345"
    plan = plan_import(dossier, write_workbook(tmp_path / "etat.xlsx", rows))
    first, second = plan.rows[0], plan.rows[1]
    assert first.kind is RowKind.CHANGED
    assert [(c.column, c.new) for c in first.changes] == [("CHORUS -EJ", "2100999999")]
    assert second.kind is RowKind.ERROR
    assert [(e.row, e.column, e.value) for e in second.errors] == [(3, "CHORUS -EJ", "12345")]
    assert "10 chiffres" in second.errors[0].message
    apply_import(dossier, plan, skip_invalid_rows=True)
    assert state_line(dossier, crafted, crafted.same.id) == (500_000, "2100999999")
    assert state_line(dossier, crafted, crafted.differs.id) == (300_000, EJ_OLD)


def test_choices_for_rows_the_dossier_lacks(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    plan = plan_import(dossier, write_workbook(tmp_path / "etat.xlsx", dauphin_rows(crafted)))
    found = plan.reconciliation
    assert found is not None
    linked = choose(dossier, plan, 4, Choice.LINK, crafted.other.id)
    assert linked.target_id == crafted.other.id and found.category(linked) is Category.DIFFERENT
    assert {c.key for c in linked.changes} >= {"dauphin_number", "title"}
    assert crafted.other.id not in [a.action_id for a in found.dossier_only(plan)]
    with pytest.raises(ChoiceRefused, match="déjà rapprochée de la ligne 4"):
        choose(dossier, plan, 6, Choice.LINK, crafted.other.id)
    with pytest.raises(ChoiceRefused, match="correspond déjà"):
        choose(dossier, plan, 2, Choice.IGNORE)
    with pytest.raises(ChoiceRefused, match="laissée de côté"):
        choose(dossier, plan, 5, Choice.CREATE)
    choose(dossier, plan, 4, None)  # taken back: the row lacks an action again
    assert plan.rows[2].kind is RowKind.NEW and plan.rows[2].target_id is None
    choose(dossier, plan, 4, Choice.LINK, crafted.other.id)
    choose(dossier, plan, 6, Choice.IGNORE)
    assert plan.rows[4].kind is RowKind.SKIPPED
    result = apply_import(dossier, plan)
    assert result.updated == 2 and result.created == 0
    repos = Repositories(dossier)
    other = repos.actions.get(crafted.other.id or 0)
    assert other.dauphin_number == "00123499" and other.title == "ASL – parents"
    kept = {(c.file_key, c.choice, c.action_id) for c in RememberedChoices(dossier).all()}
    assert ("dossier:00123499", Choice.LINK, crafted.other.id) in kept
    assert ("dossier:00123497", Choice.IGNORE, None) in kept


def test_remembered_choices_apply_to_next_years_list(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    plan = plan_import(dossier, write_workbook(tmp_path / "2024.xlsx", dauphin_rows(crafted)))
    choose(dossier, plan, 4, Choice.LINK, crafted.other.id)
    choose(dossier, plan, 6, Choice.IGNORE)
    apply_import(dossier, plan)
    # next year: the linked action is renewed; the State's export has new file numbers
    repos = Repositories(dossier)
    contract = repos.contracts.main()
    assert contract is not None
    campaign = repos.campaigns.add(Campaign(2025, contract.id))
    other = repos.actions.get(crafted.other.id or 0)
    assert campaign.id
    renewed = repos.actions.add(
        Action(
            "2025-CS-004",
            "Ateliers de langue",
            other.holder_id,
            campaign.id,
            renewal_of_id=other.id,
        )
    )
    rows = dauphin_rows(crafted, 2025)
    for row in rows[1:]:
        row[0] = "002" + str(row[0])[3:]
    next_plan = plan_import(dossier, write_workbook(tmp_path / "2025.xlsx", rows))
    found = next_plan.reconciliation
    assert found is not None and found.year == 2025
    linked, ignored = next_plan.rows[2], next_plan.rows[4]
    assert linked.target_id == renewed.id and linked.matched_by == "choix mémorisé"
    assert linked not in next_plan.decidable_rows()  # nothing « à trancher »
    assert found.rows[4].remembered is not None and found.rows[4].note.startswith(
        "choix mémorisé le "
    )
    assert ignored.kind is RowKind.SKIPPED and found.choice_of(ignored) is Choice.IGNORE
    assert found.summary(next_plan)["file_only"][-1]["remembered"] is True
    apply_import(dossier, next_plan, create_missing=False)
    kept = {(c.file_key, c.action_id) for c in RememberedChoices(dossier).all()}
    assert ("dossier:00223499", renewed.id) in kept  # kept for the year after, too


def test_only_ignore_choices_are_written_and_remembered(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    rows = dauphin_rows(crafted)
    rows = [rows[0], rows[1], rows[5]]  # unchanged, and a row the dossier lacks
    plan = plan_import(dossier, write_workbook(tmp_path / "etat.xlsx", rows))
    with pytest.raises(NothingToImport):
        apply_import(dossier, plan)
    choose(dossier, plan, 3, Choice.IGNORE)
    apply_import(dossier, plan)
    kept = RememberedChoices(dossier).all()  # no SIRET: the holder's name and the title
    assert [(c.file_key, c.choice) for c in kept] == [
        ("dossier:00123497", Choice.IGNORE),
        ("tiers:les amis du parc:jardin partage", Choice.IGNORE),
    ]
