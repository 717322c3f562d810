"""A holder's pre-filled request form: the workbook completed by the holder and read back by
the import (requests updated, last year's action and a new one created, identity corrected),
the PDF's text, and the refusals."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.operations.request_forms import find_holder, write_request_form
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

AFEV = "Association de la fondation étudiante pour la ville"


def columns(sheet: openpyxl.worksheet.worksheet.Worksheet, row: int = 4) -> dict[str, int]:
    """Header → column number; a funder's « Demandé » is named by its band above."""
    found: dict[str, int] = {}
    band = ""
    for cell in sheet[row]:
        above = sheet.cell(row=row - 1, column=cell.column).value
        band = str(above) if above else band if cell.value == "Demandé" else ""
        name = f"{band} – {cell.value}" if cell.value == "Demandé" else str(cell.value)
        found[name] = cell.column
    return found


def test_form_workbook_comes_back_through_the_import(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    holder = find_holder(demo, AFEV.upper())
    assert find_holder(demo, holder.siret) == holder and find_holder(demo, str(holder.id)) == holder
    target = write_request_form(demo, holder.id or 0, 2016, tmp_path / "demande.xlsx")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:2] == ["Demande", "Porteur"]
    sheet = book["Demande"]
    named = columns(sheet)
    rows = {
        sheet.cell(row=r, column=named["Référence"]).value: r for r in range(5, sheet.max_row + 1)
    }
    assert set(rows) == {"2016-CS-001", "2016-CS-038", None}  # None: 2015's, not renewed yet
    current, carried = rows["2016-CS-001"], rows[None]
    assert sheet.cell(row=carried, column=named["Intitulé de l'action"]).value == (
        "Accompagnement à la scolarité (primaire)"
    )
    assert (
        "Reconduction de 2015-CS-001" in sheet.cell(row=carried, column=named["Observations"]).value
    )
    # what the holder writes
    sheet.cell(row=current, column=named["Public visé"]).value = "Élèves de 6e et leurs parents"
    sheet.cell(row=current, column=named["Bénéficiaires attendus"]).value = 90
    sheet.cell(row=current, column=named["État BOP 147 – Demandé"]).value = 5000
    sheet.cell(row=carried, column=named["Ville – Demandé"]).value = 1000
    new = sheet.max_row + 1
    for header in ("Porteur", "SIRET", "Type de porteur"):
        sheet.cell(row=new, column=named[header]).value = sheet.cell(
            row=current, column=named[header]
        ).value
    sheet.cell(row=new, column=named["Intitulé de l'action"]).value = "Club de lecture"
    sheet.cell(row=new, column=named["Région – Demandé"]).value = 2500
    identity = book["Porteur"]
    city = columns(identity)["Commune"]
    identity.cell(row=5, column=city).value = "Villiers-sur-Marne Cedex"
    book.save(target)

    plan = plan_import(demo, target)
    assert (plan.layout, plan.sheet, plan.campaign_year) == ("programmation", "Demande", 2016)
    assert plan.counts()["changed"] == 1 and plan.counts()["new"] == 2
    assert plan.counts()["error"] == 0 and plan.counts()["unchanged"] == 1
    changed = plan.of_kind(RowKind.CHANGED)[0]
    assert {c.column for c in changed.changes} >= {"Public visé", "Bénéficiaires attendus"}
    before = repos.actions.count()
    apply_import(demo, plan, create_missing=True)
    assert repos.actions.count() == before + 2
    action = repos.actions.by_reference("2016-CS-001")
    assert action is not None and action.target_public == "Élèves de 6e et leurs parents"
    assert action.beneficiaries.total == 90
    state = next(f.id for f in repos.funders.all() if f.display_name == "État BOP 147")
    lines = {line.funder_id: line for line in repos.funding_lines.for_action(action.id or 0)}
    assert lines[state].requested_cents == 500_000
    campaign = repos.campaigns.by_year(2016)
    created = [a for a in repos.actions.for_holder(holder.id or 0) if a.title == "Club de lecture"]
    assert len(created) == 1 and created[0].campaign_id == campaign.id  # the year the form states

    people = plan_import(demo, target, sheet="Porteur")
    assert people.layout == "porteurs" and people.counts()["changed"] == 1
    apply_import(demo, people)
    assert repos.holders.get(holder.id or 0).city == "Villiers-sur-Marne Cedex"


def test_ods_form_reads_back_unchanged(demo: Dossier, tmp_path: Path) -> None:
    holder = find_holder(demo, AFEV)
    target = write_request_form(demo, holder.id or 0, 2016, tmp_path / "demande.ods")
    plan = plan_import(demo, target)
    assert plan.counts()["unchanged"] == 2 and plan.counts()["new"] == 1
    assert plan.counts()["error"] == 0


def test_pdf_form_text(demo: Dossier, tmp_path: Path) -> None:
    holder = find_holder(demo, AFEV)
    target = write_request_form(demo, holder.id or 0, 2016, tmp_path / "demande.pdf")
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in (
        "Formulaire de demande de subvention",
        "Campagne 2016 – à retourner avant le 31/01/2016",
        f"Raison sociale {AFEV}",
        "SIRET " + holder.siret,
        "Action 2016-CS-001 – Accompagnement à la scolarité (collège et lycée)",
        "Accompagnement à la scolarité (primaire) (action 2015 2015-CS-001, à reconduire en 2016)",
        "À demander pour 2016",
        "3. Nouvelle action",
        "[ ] Statuts de l'association",
        "Compte rendu de l'action précédente (pour une reconduction)",
        "Nom, qualité et signature du représentant légal",
    ):
        assert expected in text, expected


def test_refusals_write_nothing(demo: Dossier, tmp_path: Path) -> None:
    holder = find_holder(demo, AFEV)
    with pytest.raises(ValidationError, match="Aucun porteur « Inconnu »"):
        find_holder(demo, "Inconnu")
    with pytest.raises(ValidationError, match="La campagne 2031 n'existe pas"):
        write_request_form(demo, holder.id or 0, 2031, tmp_path / "a.pdf")
    with pytest.raises(ValidationError, match=r"« a\.docx » : l'extension « \.docx »"):
        write_request_form(demo, holder.id or 0, 2016, tmp_path / "a.docx")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("a.")]


def test_a_wrong_siret_sent_back_is_refused_by_row_and_column(
    demo: Dossier, tmp_path: Path
) -> None:
    import hashlib

    from contrat_desktop.operations.imports import ImportBlocked

    holder = find_holder(demo, AFEV)
    target = write_request_form(demo, holder.id or 0, 2016, tmp_path / "demande.xlsx")
    book = openpyxl.load_workbook(target)
    identity = book["Porteur"]
    identity.cell(row=5, column=columns(identity)["SIRET"]).value = "40334809700012"
    book.save(target)
    plan = plan_import(demo, target, sheet="Porteur")
    (error,) = plan.errors
    assert (error.sheet, error.row, error.column) == ("Porteur", 5, "SIRET")
    assert "clé de contrôle invalide" in error.message
    demo.db.conn.commit()
    before = hashlib.sha256(demo.path.read_bytes()).hexdigest()
    with pytest.raises(ImportBlocked, match="1 ligne\\(s\\) en erreur : rien n'a été importé"):
        apply_import(demo, plan)
    assert hashlib.sha256(demo.path.read_bytes()).hexdigest() == before
