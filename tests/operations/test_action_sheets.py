"""Action sheets: the text extracted from the PDF (holder, action, QPV and communes, budget,
pieces, earlier years), one sheet per action, a list in one document, reproducible bytes."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from contrat_desktop.domain.actions import Beneficiaries
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.identifiers import make_siret
from contrat_desktop.operations.action_sheets import (
    action_sheets_bytes,
    ids_of_references,
    ids_of_year,
    write_action_sheets,
)
from contrat_desktop.operations.renewal import apply_renewal
from contrat_desktop.operations.request_file import load_request_file, received_piece, write_piece
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.territory_factory import VitryLike, build_vitry_like

SIRET = make_siret("52015578", "0002")


def pages(content: bytes) -> list[str]:
    """Each page's text, blanks collapsed (table cells come out one per line; amounts and
    the SIRET carry no-break spaces)."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def vitry(dossier: Dossier) -> VitryLike:
    """The Vitry-like contract with 2025 as the earlier year of the shared action."""
    made = build_vitry_like(dossier, year=2025)
    repos = Repositories(dossier)
    holder = repos.holders.get(made.actions["both"].holder_id)
    repos.holders.update(
        replace(
            holder, acronym="ENS", siret=SIRET, rna="W941234567", address="3 rue Audigeois",
            postcode="94400", city="Vitry-sur-Seine", legal_representative="Nadia Belkacem",
            contact_name="Marc Petit", contact_email="marc@ensemble.example",
            contact_phone="01 46 82 00 00",
        )
    )  # fmt: skip
    both = made.actions["both"]
    repos.actions.update(
        replace(
            repos.actions.get(both.id or 0),
            description="Des ateliers d'écriture dans deux villes.",
            objectives="Rompre l'isolement des familles.", target_public="Parents et enfants",
            beneficiaries=Beneficiaries(total=60, women=40, men=20, qpv_share_percent=75),
            start_date=date(2025, 2, 1), end_date=date(2025, 11, 30), place="Médiathèque",
            total_cost_cents=120_000, own_funds_cents=20_000,
        )
    )  # fmt: skip
    repos.reports.add(Report(both.id or 0, received_on=date(2026, 5, 12)))
    return made


def test_sheet_says_everything(dossier: Dossier, vitry: VitryLike) -> None:
    both = [vitry.actions["both"].id or 0]
    (renewed_id,) = apply_renewal(dossier, 2025, 2026, action_ids=both).action_ids
    repos = Repositories(dossier)
    town = repos.funders.add(Funder("Ville de Vitry-sur-Seine", FunderKind.COMMUNE))
    repos.funding_lines.add(FundingLine(renewed_id, town.id or 0, 30_000))
    file = load_request_file(dossier, renewed_id)
    budget = next(line.kind for line in file.lines if line.kind.label == "Budget du projet")
    write_piece(dossier, *received_piece(file, budget, date(2026, 1, 8)))
    text = "\n".join(pages(action_sheets_bytes(dossier, [renewed_id], today=date(2026, 2, 1))))
    for expected in (
        "Fiche action 2026-CS-005",
        "Action sur deux villes",
        "Campagne 2026",
        "Statut Brouillon",
        "reconduction de 2025-CS-005",
        "Association Ensemble (ENS)",
        "W941234567",
        "3 rue Audigeois, 94400 Vitry-sur-Seine",
        "Nadia Belkacem",
        "Marc Petit, marc@ensemble.example, 01 46 82 00 00",
        "Balzac – Centre-ville (QN09401M), Vitry-sur-Seine",
        "Navigateurs – Gondoles (QN09404I), Choisy-le-Roi",
        "Parents et enfants",
        "60 personnes (40 femmes, 20 hommes), dont 75 % résidant en QPV",
        "Rompre l'isolement des familles.",
        "Des ateliers d'écriture dans deux villes.",
        "Médiathèque",
        "État – politique de la ville (BOP 147)",
        "500 €",  # requested of the State, carried from 2025
        "Ville de Vitry-sur-Seine",
        "300 €",
        "Total des produits 1 000 €",
        "Coût total (charges) 1 200 €",
        "écart de 200 € à trouver",
        "Budget du projet 08/01/2026",
        "Statuts de l'association manquante",
        "2025 2025-CS-005 Brouillon 500 € 500 € 0 € reçu le 12/05/2026",
        "Page 1 sur",
    ):
        assert expected in text, expected
    assert _grouped(SIRET) in text


def _grouped(siret: str) -> str:
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"


def test_list_in_one_pdf_one_sheet_per_action(dossier: Dossier, vitry: VitryLike) -> None:
    ids = ids_of_year(dossier, 2025)
    assert len(ids) == 5
    content = action_sheets_bytes(dossier, ids, today=date(2026, 2, 1))
    texts = pages(content)
    starts = [n for n, text in enumerate(texts) if "Fiche action 2025-CS-" in text]
    assert len(starts) == 5 and starts[0] == 0  # each sheet starts a page
    assert "Fiches actions (5), campagne 2025" in texts[0]
    assert action_sheets_bytes(dossier, ids, today=date(2026, 2, 1)) == content  # reproducible


def test_references_and_refusals(dossier: Dossier, vitry: VitryLike, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert ids_of_references(dossier, ["2025-cs-002 ", "2025-CS-001"]) == [
        vitry.actions["QN09402M"].id,
        vitry.actions["QN09401M"].id,
    ]
    with pytest.raises(ValidationError, match="« 2031-XX-001 », « nope »"):
        ids_of_references(dossier, ["2025-CS-001", "2031-XX-001", "nope"])
    with pytest.raises(ValidationError, match="La campagne 2031 n'existe pas"):
        ids_of_year(dossier, 2031)
    target = tmp_path / "fiches.pdf"
    with pytest.raises(ValidationError, match="Aucune action choisie"):
        write_action_sheets(dossier, [], target)
    assert not target.exists()


def test_service_holder_sheet(dossier: Dossier, make_action) -> None:  # type: ignore[no-untyped-def]
    repos = Repositories(dossier)
    service = repos.holders.add(Holder("Service jeunesse", HolderKind.MUNICIPAL_SERVICE))
    action = make_action(holder_id=service.id, title="Chantiers jeunes")
    text = "\n".join(pages(action_sheets_bytes(dossier, [action.id], today=date(2026, 2, 1))))
    assert "Service municipal" in text and "Première demande : pas d'année précédente." in text
    assert "Statuts de l'association" not in text  # not asked of a municipal service
    assert "Budget du projet manquante" in text
