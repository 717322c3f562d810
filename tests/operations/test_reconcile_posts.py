"""The State's posts lists (adultes-relais, FONJEP): rows keyed by their post id, created as
actions naming the post, the amount engaged on the State's line, the choice remembered for
next year's list; every spelling of the State's columns seen in ../shared/data recognised."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from contrat_desktop.domain.reconciliation import Category, Choice, StateList
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.operations.reconcile_choices import choose
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reconciliation import RememberedChoices
from contrat_desktop.storage.repositories import Repositories
from tests.conftest import SHARED_DATA
from tests.operations.reconcile_fixtures import (
    DAUPHIN_HEADER,
    SIRET_B,
    Crafted,
    crafted_dossier,
    write_workbook,
)

POSTS_HEADER = ["id_poste", "code_tiers", "raison_sociale", "annee", "montant", "code_cv"]
STATE_FILES = sorted(SHARED_DATA.glob("anct_civille*/*-20*.json"))
DERIVED = SHARED_DATA / "derived" / "postes_p147_val_de_marne_94.csv"
NOT_THE_STATES = {"source_file"}  # added by whoever derived the CSV, not a State column


@pytest.fixture
def crafted(dossier: Dossier) -> Crafted:
    return crafted_dossier(dossier)


def posts(year: int) -> list[list[Any]]:
    return [
        POSTS_HEADER,
        ["09422R000100", SIRET_B, "BOXE CLUB DES HAUTES-NOUES", year, 22555.73, "CV922"],
        ["D01935", "LIGUE DE L'ENSEIGNEMENT", "LIGUE DE L'ENSEIGNEMENT", str(year), 7164, "CV922"],
        ["D01935", "LIGUE DE L'ENSEIGNEMENT", "LIGUE DE L'ENSEIGNEMENT", str(year), 7164, "CV922"],
        ["07523R002700", "89983889000015", "LA MIROITERIE", year, 22555.73, "CV357"],
    ]


def test_a_posts_list_is_keyed_by_post_and_its_rows_created_on_demand(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    plan = plan_import(dossier, write_workbook(tmp_path / "ar-2024.xlsx", posts(2024)))
    found = plan.reconciliation
    assert found is not None and found.year == 2024
    relay, fonjep, twice, elsewhere = plan.rows
    assert found.rows[relay.row].source is StateList.ADULTES_RELAIS
    assert found.rows[fonjep.row].source is StateList.FONJEP
    assert found.rows[relay.row].keys == ("poste:09422R000100",)
    assert relay.values["siret"] == SIRET_B  # the « code tiers » is a SIRET
    assert "siret" not in fonjep.values or not fonjep.values["siret"]  # a name is none
    assert relay.values["title"] == "Poste adulte-relais n° 09422R000100"
    assert found.rows[twice.row].set_aside == "doublon de la ligne 3" and found.duplicates == 1
    assert found.rows[elsewhere.row].set_aside.startswith("autre contrat de ville")
    assert [found.category(r) for r in plan.rows] == [Category.FILE_ONLY] * 2 + [None, None]
    assert {s.action_id for s in found.rows[relay.row].suggestions} == {crafted.differs.id}
    assert found.dossier_only(plan) == []  # no post was linked to any action yet
    choose(dossier, plan, relay.row, Choice.CREATE)
    choose(dossier, plan, fonjep.row, Choice.LINK, crafted.absent.id)
    result = apply_import(dossier, plan)
    assert (result.created, result.updated) == (1, 1)
    repos = Repositories(dossier)
    made = next(
        a
        for a in repos.actions.for_campaign(found.campaign_id or 0)
        if a.title == "Poste adulte-relais n° 09422R000100"
    )
    line = next(f for f in repos.funding_lines.for_action(made.id or 0))
    assert (line.funder_id, line.granted_cents) == (crafted.state.id, 2_255_573)
    assert repos.holders.get(made.holder_id).siret == SIRET_B
    kept = {(c.source, c.file_key): c for c in RememberedChoices(dossier).all()}
    assert kept[(StateList.ADULTES_RELAIS, "poste:09422R000100")].action_id == made.id
    assert kept[(StateList.FONJEP, "poste:D01935")].choice is Choice.LINK

    # the same list again: the posts are found, the list expects their actions
    again = plan_import(dossier, write_workbook(tmp_path / "ar-2024b.xlsx", posts(2024)))
    found = again.reconciliation
    assert found is not None
    assert [r.target_id for r in again.rows[:2]] == [made.id, crafted.absent.id]
    assert found.counts(again) == {"matched": 2, "different": 0, "file_only": 0, "dossier_only": 0}
    shorter = [
        [*row[:2], "AUTRE POSTE", *row[3:]] if row[0] == "D01935" else row for row in posts(2024)
    ]
    for row in shorter:
        row[0] = "D09999" if row[0] == "D01935" else row[0]  # another FONJEP post
    less = plan_import(dossier, write_workbook(tmp_path / "ar-2024c.xlsx", shorter))
    assert less.reconciliation is not None
    assert [a.action_id for a in less.reconciliation.dossier_only(less)] == [crafted.absent.id]


def test_a_column_mapped_twice_is_refused_and_nothing_written(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    path = write_workbook(
        tmp_path / "etat.xlsx",
        [[*DAUPHIN_HEADER, "EJ"], ["00123401", "X", "", "Titre", 10, "2100123456", "CV922", 2024,
                                   "2100123457"]],
    )  # fmt: skip
    before = dossier.path.read_bytes()
    detected = plan_import(dossier, path).mapping
    assert list(detected.values()).count("ej") == 1  # detection maps a field once
    twice = {**detected, 8: "ej"}
    with pytest.raises(WorkbookRefused) as refused:
        plan_import(dossier, path, mapping=twice)
    message = str(refused.value)
    assert "etat.xlsx" in message and "F1 « CHORUS -EJ »" in message and "I1 « EJ »" in message
    assert dossier.path.read_bytes() == before


def test_a_spelling_mapped_once_is_learned_for_later_files(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    header = ["Num dossier", "Tiers", "Libellé de l'action", "Montant engagé", "Année"]
    rows = [header, ["00123402", "Boxe Club des Hautes-Noues", "Boxe éducative", 3600, 2024]]
    path = write_workbook(tmp_path / "gispro.xlsx", rows)
    plan = plan_import(dossier, path)
    assert "Num dossier" in plan.unmapped_headers
    mapping = {**plan.mapping, 0: "dauphin_number"}
    apply_import(dossier, plan_import(dossier, path, mapping=mapping))
    other = [[*header[:4], "Observations", "Année"], [*rows[1][:4], "vu", 2024]]
    later = plan_import(dossier, write_workbook(tmp_path / "gispro-2.xlsx", other))
    assert later.mapping[0] == "dauphin_number" and later.rows[0].target_id == crafted.differs.id


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data absent (données publiques)")
@pytest.mark.parametrize("source", [*STATE_FILES, DERIVED], ids=lambda p: p.name)
def test_every_spelling_of_the_states_columns_in_shared_data_is_recognised(
    dossier: Dossier, crafted: Crafted, tmp_path: Path, source: Path
) -> None:
    if source.suffix == ".json":
        records = json.loads(source.read_text(encoding="utf-8"))
    else:
        with source.open(encoding="utf-8") as handle:
            records = list(csv.DictReader(handle))
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = [[record.get(key) for key in header] for record in records[:200]]
    plan = plan_import(dossier, write_workbook(tmp_path / f"{source.stem}.xlsx", [header, *rows]))
    unread = set(plan.unmapped_headers) - NOT_THE_STATES
    assert not unread, f"{source.name}: {sorted(unread)}"
    assert plan.layout == "programmation" and not plan.errors
    found = plan.reconciliation
    assert found is not None
    expected = {"adulte": StateList.ADULTES_RELAIS, "fonjep": StateList.FONJEP}
    kinds = {found.rows[r.row].source for r in plan.rows}
    if source.suffix == ".json":
        assert kinds == {next(v for k, v in expected.items() if k in source.name)}
    else:
        assert kinds == {StateList.ADULTES_RELAIS, StateList.FONJEP}
    # the dossier is contract CV922 of the Val-de-Marne: rows of other contracts are set
    # aside (by department when no row names CV922)
    ours = [r for r in plan.rows if not found.rows[r.row].set_aside]
    codes = {r.values.get("contract_code") for r in plan.rows}
    assert all(
        r.values.get("contract_code") in ("CV922", None)
        if "CV922" in codes
        else r.values.get("department") in ("94", None)
        for r in ours
    )
    assert found.out_of_contract + found.duplicates == len(plan.rows) - len(ours)
    assert all(r.kind is RowKind.NEW for r in ours)  # no post is in the dossier yet


def test_the_domains_spellings_of_the_states_columns_are_recognised(
    dossier: Dossier, crafted: Crafted, tmp_path: Path
) -> None:
    """DOMAIN.md §6: the headers seen for one column across the State's exports."""
    spellings = {
        "ej": ["CHORUS -EJ", "EJ CHORUS", "N° doc. précédent (EJ)"],
        "dauphin_number": [
            "Action - Code dossier", "Action de demande - Code dossier", "Numéro De l'Action Prj",
        ],
        "holder_name": ["Tiers", "Raison Sociale Longue"],
        f"funder:{crafted.state.id}:granted": ["Montant engagé", "Mt engagé"],
        f"funder:{crafted.state.id}:proposed": ["Montant proposé du dossier d'action"],
        "siret": ["Code SIRET"],
        "holder_kind": ["Type de tiers"],
        "title": ["Libellé de l'action"],
        "contract_code": ["Code contrat ville"],
        "framework": ["Thème", "Sous-thèmes"],
    }  # fmt: skip
    for key, names in spellings.items():
        for name in names:
            header = [name, "Tiers" if key != "holder_name" else "Code SIRET", "Année"]
            path = write_workbook(tmp_path / "spelling.xlsx", [header, ["x", "y", 2024]])
            plan = plan_import(dossier, path)
            assert plan.mapping.get(0) == key, f"« {name} » → {plan.mapping.get(0)}"
