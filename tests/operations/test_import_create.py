"""``--create-missing`` at scale: new actions, their holders (found once, created once) and
campaign, references numbered on, each record audited as if created one by one."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.storage.audit import action_history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def new_actions(path: Path, count: int, holders: int) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Programmation")
    sheet.write_row(0, 0, ["Porteur", "Intitulé de l'action", "Montant engagé", "Exercice"])
    for n in range(count):
        sheet.write_row(n + 1, 0, [f"Association {n % holders}", f"Action {n}", 1000 + n, 2030])
    book.close()
    return path


def test_many_new_actions_share_their_holders_and_number_on(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    path = new_actions(tmp_path / "nouvelles.xlsx", 300, holders=7)
    holders_before = len(repos.holders.all())
    plan = plan_import(demo, path)
    result = apply_import(demo, plan, create_missing=True)
    assert result.created == 300
    assert len(repos.holders.all()) == holders_before + 7  # each name created once
    campaign = repos.campaigns.by_year(2030)
    assert campaign is not None and campaign.id is not None
    actions = sorted(repos.actions.for_campaign(campaign.id), key=lambda a: a.reference)
    assert [a.reference for a in actions[:2]] == ["2030-IMP-001", "2030-IMP-002"]
    assert actions[-1].reference == "2030-IMP-300"
    first = next(a for a in actions if a.title == "Action 0")
    assert first.id is not None
    (line,) = repos.funding_lines.for_action(first.id)
    assert line.granted_cents == 100_000
    trail = action_history(demo.db, first.id)
    assert {(e.entity, e.operation) for e in trail} == {
        ("action", "create"),
        ("funding_line", "create"),
    }
    (status,) = repos.actions.status_history(first.id)
    assert status.comment == "Import du classeur « nouvelles.xlsx »"


def test_a_second_import_numbers_after_the_first(demo: Dossier, tmp_path: Path) -> None:
    apply_import(
        demo, plan_import(demo, new_actions(tmp_path / "a.xlsx", 3, 1)), create_missing=True
    )
    second = new_actions(tmp_path / "b.xlsx", 2, 1)
    apply_import(demo, plan_import(demo, second), create_missing=True)
    repos = Repositories(demo)
    campaign = repos.campaigns.by_year(2030)
    assert campaign is not None and campaign.id is not None
    references = sorted(a.reference for a in repos.actions.for_campaign(campaign.id))
    assert references == [f"2030-IMP-00{n}" for n in range(1, 6)]
