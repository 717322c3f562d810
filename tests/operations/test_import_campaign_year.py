"""The campaign of an imported programmation: taken from the workbook where it says so (a year
column, « exercice 2023 » in a title, the sheet's name), else given by the person importing;
never the dossier's latest year by default."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from contrat_desktop.cli import main as cli_main
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.conftest import SHARED_DATA

STATE_HEADER = ["Tiers", "Code SIRET", "Libellé de l'action", "Montant engagé"]
POSTS = SHARED_DATA / "derived" / "postes_p147_val_de_marne_94.csv"


def workbook(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "Feuil1") -> Path:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def new_rows(count: int = 2) -> list[list[Any]]:
    return [[f"Association {n}", "", f"Action nouvelle {n}", 1500] for n in range(count)]


def years_of_titles(dossier: Dossier, titles: set[str]) -> dict[str, int]:
    repos = Repositories(dossier)
    years = {c.id: c.year for c in repos.campaigns.all()}
    return {
        action.title: years[action.campaign_id]
        for campaign_id in years
        for action in repos.actions.for_campaign(campaign_id or 0)
        if action.title in titles
    }


def test_exercice_in_the_title_is_the_campaign_of_new_actions(
    demo: Dossier, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "etat.xlsx",
        [["Programmation politique de la ville – exercice 2023"], [], STATE_HEADER, *new_rows()],
    )
    plan = plan_import(demo, path)
    assert plan.campaign_year == 2023 and "exercice 2023" in plan.campaign_source
    assert any("campagne 2023 n'existe pas" in w.message for w in plan.warnings)
    result = apply_import(demo, plan, create_missing=True)
    assert result.created == 2
    assert years_of_titles(demo, {"Action nouvelle 0", "Action nouvelle 1"}) == {
        "Action nouvelle 0": 2023,
        "Action nouvelle 1": 2023,
    }  # not the dossier's latest campaign (2016)


def test_a_period_in_the_title_is_no_campaign(demo: Dossier, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "periode.xlsx", [["Contrat de ville 2015-2020"], STATE_HEADER, *new_rows()]
    )
    plan = plan_import(demo, path)
    assert plan.campaign_year is None and plan.year_needed
    assert all(row.not_creatable.startswith("année de la campagne") for row in plan.rows)


def test_a_year_column_puts_each_row_in_its_campaign(demo: Dossier, tmp_path: Path) -> None:
    rows = [[*row, year] for row, year in zip(new_rows(3), (2023, 2024, 2023), strict=True)]
    path = workbook(tmp_path / "annees.xlsx", [[*STATE_HEADER, "Année"], *rows])
    plan = plan_import(demo, path)
    assert plan.campaign_year is None and not plan.year_needed
    apply_import(demo, plan, create_missing=True)
    assert years_of_titles(demo, {f"Action nouvelle {n}" for n in range(3)}) == {
        "Action nouvelle 0": 2023,
        "Action nouvelle 1": 2024,
        "Action nouvelle 2": 2023,
    }


def test_the_sheet_name_may_say_it(demo: Dossier, tmp_path: Path) -> None:
    path = workbook(tmp_path / "feuille.xlsx", [STATE_HEADER, *new_rows()], sheet="Exercice 2024")
    plan = plan_import(demo, path)
    assert plan.campaign_year == 2024 and "feuille" in plan.campaign_source


def test_an_export_says_its_campaign(demo: Dossier, exported: Path) -> None:
    plan = plan_import(demo, exported)
    assert plan.campaign_year == 2016 and "Exercice" in plan.campaign_source


def test_last_years_action_of_the_same_title_is_not_this_years(
    demo: Dossier, tmp_path: Path
) -> None:
    """Stated 2023: a row with the SIRET and title of a 2016 action is a renewal to create."""
    repos = Repositories(demo)
    campaign = repos.campaigns.by_year(2016)
    assert campaign is not None and campaign.id is not None
    action = next(
        a for a in repos.actions.for_campaign(campaign.id) if repos.holders.get(a.holder_id).siret
    )
    holder = repos.holders.get(action.holder_id)
    row = [holder.legal_name, holder.siret, action.title, 1500]
    stated = workbook(tmp_path / "2023.xlsx", [["Exercice 2023"], STATE_HEADER, row])
    (planned,) = plan_import(demo, stated).rows
    assert planned.kind is RowKind.NEW and planned.year == 2023
    silent = workbook(tmp_path / "sans-annee.xlsx", [STATE_HEADER, row])
    (planned,) = plan_import(demo, silent).rows
    found = [planned.target_id, *(c.action_id for c in planned.candidates)]
    assert action.id in found  # the file says no year: the earlier actions may be the one


def test_cli_requires_a_year_to_create_when_the_file_says_none(
    demo: Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "sans-annee.xlsx", [STATE_HEADER, *new_rows()])
    demo.close()
    before = demo.path.read_bytes()
    args = ["import", str(path), "--db", str(demo.path), "--create-missing"]
    assert cli_main(args) == 1
    out, err = capsys.readouterr()
    assert "précisez-la avec --year" in err and "Import appliqué" not in out
    assert "Campagne : non indiquée" in out
    assert demo.path.read_bytes() == before
    assert cli_main([*args, "--year", "2023", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["created"] == 2 and summary["campaign_year"] == 2023
    assert summary["campaign_source"] == "indiquée à l'import"


def test_a_given_year_other_than_the_files_is_kept_and_said(demo: Dossier, tmp_path: Path) -> None:
    path = workbook(tmp_path / "etat.xlsx", [["Exercice 2023"], STATE_HEADER, *new_rows()])
    plan = plan_import(demo, path, year=2024)
    assert plan.campaign_year == 2024
    assert any("Le classeur indique 2023" in w.message for w in plan.warnings)


@pytest.mark.skipif(not POSTS.exists(), reason="../shared/data absent (données publiques)")
def test_states_published_posts_go_to_their_own_years(demo: Dossier, tmp_path: Path) -> None:
    """The State's adulte-relais and FONJEP posts of the Val-de-Marne, 2023 to 2025, as a
    préfecture would send them: each post created in the campaign of its year."""
    with POSTS.open(encoding="utf-8") as handle:
        posts = [row for row in csv.DictReader(handle) if row["code_tiers"].isdigit()]
    rows = [
        [
            p["raison_sociale"],
            p["code_tiers"],
            f"Poste {p['dispositif']} {p['id_poste']}",
            float(p["montant"]),
            int(p["annee"]),
        ]
        for p in posts
    ]
    path = workbook(
        tmp_path / "postes.xlsx",
        [["Postes financés – BOP 147"], [*STATE_HEADER, "Année"], *rows],
    )
    plan = plan_import(demo, path)
    assert not plan.errors and plan.counts()["new"] == len(rows)
    assert {row.year for row in plan.rows} == {int(p["annee"]) for p in posts}
    result = apply_import(demo, plan, create_missing=True)
    assert result.created == len(rows)
    created = years_of_titles(demo, {row[2] for row in rows})
    assert all(created[row[2]] == row[4] for row in rows)
