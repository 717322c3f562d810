"""The State's lists as data.gouv.fr publishes them, in CSV: read as a one-sheet workbook
(separator and encoding found, every cell text), reconciled like a workbook; a file that is
not text, or holds nothing, is refused in French and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.reconciliation import Category, StateList
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.imports import plan_import
from contrat_desktop.storage.database import Dossier
from tests.conftest import SHARED_DATA
from tests.operations.reconcile_fixtures import SIRET_B, Crafted, crafted_dossier

DERIVED = SHARED_DATA / "derived" / "postes_p147_val_de_marne_94.csv"


@pytest.fixture
def crafted(dossier: Dossier) -> Crafted:
    return crafted_dossier(dossier)


@pytest.mark.parametrize(
    ("separator", "encoding"), [(";", "cp1252"), (",", "utf-8-sig"), ("\t", "utf-8")]
)
def test_a_posts_list_in_csv_is_read_and_reconciled(
    dossier: Dossier, crafted: Crafted, tmp_path: Path, separator: str, encoding: str
) -> None:
    lines = [
        ["id_poste", "code_tiers", "raison_sociale", "annee", "montant", "code_cv"],
        ["09422R000100", SIRET_B, "BOXE CLUB DES HAUTES-NOUES", "2024", "22555.73", "CV922"],
        ["D01935", "=HYPERLINK(\"x\")", "Ligue de l'enseignement – Fédération", "2024", "7164",
         "CV922"],
    ]  # fmt: skip
    path = tmp_path / "postes.csv"
    path.write_bytes("\r\n".join(separator.join(row) for row in lines).encode(encoding))
    plan = plan_import(dossier, path)
    assert not plan.errors and not plan.unmapped_headers
    relay, fonjep = plan.rows
    assert relay.values["siret"] == SIRET_B and relay.amount_cents == 2_255_573
    assert fonjep.values["holder_name"] == "Ligue de l'enseignement – Fédération"
    assert fonjep.values["holder_code"] == '=HYPERLINK("x")'  # text, never a formula
    found = plan.reconciliation
    assert found is not None and found.year == 2024
    assert [found.rows[r.row].source for r in plan.rows] == [
        StateList.ADULTES_RELAIS,
        StateList.FONJEP,
    ]
    assert [found.category(r) for r in plan.rows] == [Category.FILE_ONLY] * 2


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "est vide"),
        (b"\n;;\n", "est vide"),
        (b"PK\x03\x04\x00\x00binaire", "pas un fichier CSV"),
    ],
)
def test_a_csv_that_is_no_list_is_refused(
    dossier: Dossier, crafted: Crafted, tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(content)
    before = dossier.path.read_bytes()
    with pytest.raises(WorkbookRefused, match=said) as refused:
        plan_import(dossier, path)
    assert "« liste.csv »" in str(refused.value)
    assert dossier.path.read_bytes() == before


@pytest.mark.skipif(not DERIVED.exists(), reason="../shared/data absent (données publiques)")
def test_the_derived_posts_csv_of_shared_data_is_read_as_it_is(
    dossier: Dossier, crafted: Crafted
) -> None:
    plan = plan_import(dossier, DERIVED)
    assert plan.unmapped_headers == ["source_file"]  # added by whoever derived the file
    assert len(plan.rows) == 220
    # two FONJEP posts appear twice in 2025 with another amount: said, never guessed
    assert [(e.row, e.message[:46]) for e in plan.errors] == [
        (206, "Même poste (D01468) et même année que la ligne"),
        (214, "Même poste (D02054) et même année que la ligne"),
    ]
    said = f"(montant : {format_cents(716_400)} puis {format_cents(537_300)})"
    assert said in plan.errors[0].message
    found = plan.reconciliation
    assert found is not None
    ours = [r for r in plan.rows if not found.rows[r.row].set_aside]
    # the contract's rows, and those of its department that name no contract (FONJEP 2024-25)
    assert {r.values.get("contract_code") for r in ours} == {"CV922", None}
    assert all(r.values.get("department") == "94" for r in ours)
    named = [r for r in ours if r.values.get("contract_code") == "CV922"]
    assert len(named) == 5  # the five adultes-relais posts of Villiers-sur-Marne in 2023
    in_2024 = plan_import(dossier, DERIVED, year=2024)  # the dossier's campaign
    assert any("Le fichier couvre aussi 2023, 2025" in w.message for w in in_2024.warnings)
    assert in_2024.reconciliation and "financées par" not in in_2024.reconciliation.scope
