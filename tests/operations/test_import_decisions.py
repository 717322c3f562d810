"""Ambiguous rows: a row matching several actions waits for the user's decision."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from contrat_desktop.cli import main as cli_main
from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.operations.import_plan import Decision, RowKind
from contrat_desktop.operations.imports import (
    ImportBlocked,
    NothingToImport,
    apply_import,
    plan_import,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.imports import ImportJournal
from contrat_desktop.storage.repositories import Repositories
from tests.conftest import AMBIGUOUS_TITLE

Make = Callable[[Dossier], tuple[Path, list[Action]]]


def test_a_row_matching_two_actions_waits_and_blocks_applying(
    demo: Dossier, make_ambiguous_return: Make
) -> None:
    path, actions = make_ambiguous_return(demo)
    plan = plan_import(demo, path)
    (row,) = plan.rows
    assert row.kind is RowKind.AMBIGUOUS and row.row == 2
    assert {c.action_id for c in row.candidates} == {a.id for a in actions}
    assert all(c.holder == "Compagnie des Deux Rives" for c in row.candidates)
    assert all({ch.key for ch in c.changes} == {"title", "opinion"} for c in row.candidates)
    assert plan.summary()["ambiguous"] == 1 and plan.summary()["errors"] == 0
    with pytest.raises(ImportBlocked, match="à trancher"):
        apply_import(demo, plan)
    assert ImportJournal(demo).all() == []


def test_deciding_for_one_candidate_changes_exactly_that_action(
    demo: Dossier, make_ambiguous_return: Make
) -> None:
    path, (first, second) = make_ambiguous_return(demo)
    plan = plan_import(demo, path)
    assert first.id is not None and second.id is not None
    row = plan.decide(2, second.id)
    assert row.kind is RowKind.CHANGED and row.target_id == second.id
    assert ("opinion", "(vide)", "Favorable") in [(c.key, c.old, c.new) for c in row.changes]
    assert plan.counts()["changed"] == 1 and plan.counts()["ambiguous"] == 0
    result = apply_import(demo, plan)
    assert (result.updated, result.created) == (1, 0)
    repos = Repositories(demo)
    changed = repos.actions.get(second.id)
    assert changed.opinion is Opinion.FAVOURABLE and changed.title == AMBIGUOUS_TITLE
    assert repos.actions.get(first.id).opinion is None
    assert repos.actions.get(first.id).version == first.version


def test_deciding_to_skip_changes_nothing(demo: Dossier, make_ambiguous_return: Make) -> None:
    path, actions = make_ambiguous_return(demo)
    plan = plan_import(demo, path)
    plan.decide(2, Decision.SKIP)
    assert plan.counts()["skipped"] == 1 and plan.counts()["ambiguous"] == 0
    with pytest.raises(NothingToImport, match="1 ligne\\(s\\) en erreur ou non tranchée"):
        apply_import(demo, plan)
    assert ImportJournal(demo).all() == []
    repos = Repositories(demo)
    for action in actions:
        assert action.id is not None
        assert repos.actions.get(action.id) == action


def test_deciding_again_and_creating(demo: Dossier, make_ambiguous_return: Make) -> None:
    path, (first, _second) = make_ambiguous_return(demo)
    plan = plan_import(demo, path, year=2016)
    assert first.id is not None
    plan.decide(2, first.id)
    assert plan.rows[0].target_id == first.id
    plan.decide(2, None)
    assert plan.rows[0].kind is RowKind.AMBIGUOUS and not plan.rows[0].changes
    plan.decide(2, Decision.CREATE)
    assert plan.rows[0].kind is RowKind.NEW and plan.rows[0].target_id is None
    with pytest.raises(ValueError, match="n'est pas proposée"):
        plan.decide(2, 999_999)
    before = len(Repositories(demo).actions.for_campaign(first.campaign_id))
    result = apply_import(demo, plan)  # the user chose to create: no need to tick the option
    assert result.created == 1
    assert len(Repositories(demo).actions.for_campaign(first.campaign_id)) == before + 1


def test_cli_counts_undecided_rows_as_errors(
    demo: Dossier, make_ambiguous_return: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _actions = make_ambiguous_return(demo)
    demo.close()
    code = cli_main(["import", str(path), "--db", str(demo.path), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1 and not summary["applied"]
    assert summary["errors"] == 1 and summary["ambiguous"] == 1
    (error,) = summary["error_list"]
    assert error["row"] == 2 and "-AMB-001" in error["message"] and "-AMB-002" in error["message"]
    assert error["message"].startswith("Plusieurs actions correspondent")
    args = ["import", str(path), "--db", str(demo.path), "--json", "--skip-invalid-rows"]
    code = cli_main(args)
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and not summary["applied"] and summary["errors"] == 0
    assert summary["updated"] == 0 and summary["message"].startswith("Rien n'a été importé")


def test_an_exact_title_within_the_holder_is_no_ambiguity(
    demo: Dossier, make_ambiguous_return: Make, tmp_path: Path
) -> None:
    """Two actions of one holder with close titles: a row giving one title exactly is that
    action, whatever the other's title (and however close the other establishment's SIRET)."""
    import xlsxwriter

    _path, (first, second) = make_ambiguous_return(demo)
    repos = Repositories(demo)
    holder = repos.holders.get(first.holder_id)
    path = tmp_path / "titre-exact.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Programmation")
    sheet.write_row(0, 0, ["Porteur", "SIRET", "Intitulé de l'action", "Avis"])
    sheet.write_row(1, 0, [holder.legal_name, holder.siret, second.title.upper(), "Favorable"])
    book.close()
    (row,) = plan_import(demo, path).rows
    assert row.kind is RowKind.CHANGED and row.target_id == second.id
    assert row.matched_by == "SIRET et intitulé"
