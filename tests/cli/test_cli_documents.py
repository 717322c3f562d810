"""``action-sheet`` (by reference or for a campaign) and ``minutes --action-sheets``."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

from tests.cli.conftest import Run


def text_of(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


def test_sheets_by_reference_and_by_year(demo: Path, tmp_path: Path, cli: Run) -> None:
    two = tmp_path / "deux.pdf"
    code, out, _ = cli(
        "action-sheet", "2016-CS-005", "2016-CS-001", "--db", str(demo), "-o", str(two)
    )
    assert code == 0 and "2 fiche(s) action" in out
    text = text_of(two)
    assert text.index("Fiche action 2016-CS-005") < text.index("Fiche action 2016-CS-001")
    year = tmp_path / "campagne.pdf"
    code, out, _ = cli("action-sheet", "--year", "2015", "--db", str(demo), "-o", str(year))
    assert code == 0 and "55 fiche(s) action" in out
    assert text_of(year).count("Fiche action 2015-") == 55


def test_sheet_refusals_write_nothing(demo: Path, tmp_path: Path, cli: Run) -> None:
    target = tmp_path / "rien.pdf"
    code, _, err = cli("action-sheet", "2016-ZZ-999", "--db", str(demo), "-o", str(target))
    assert code == 2 and "Aucune action de référence « 2016-ZZ-999 »" in err
    code, _, err = cli(
        "action-sheet",
        "2016-CS-001",
        "--year",
        "2016",
        "--db",
        str(demo),
        "-o",
        str(target),
    )
    assert code == 2 and "soit des références d'actions, soit --year" in err
    code, _, err = cli("action-sheet", "--db", str(demo), "-o", str(target))
    assert code == 2
    assert not target.exists()


def test_sheets_of_a_meeting(demo: Path, tmp_path: Path, cli: Run) -> None:
    target = tmp_path / "fiches-reunion.pdf"
    code, out, _ = cli("minutes", "1", "--db", str(demo), "-o", str(target), "--action-sheets")
    assert code == 0 and "fiches des actions examinées" in out
    assert text_of(target).count("Fiche action 2015-") >= 1


def test_request_form_as_pdf_and_workbook(demo: Path, tmp_path: Path, cli: Run) -> None:
    pdf, ods = tmp_path / "demande.pdf", tmp_path / "demande.ods"
    code, out, _ = cli("request-form", "AFEV", "--year", "2016", "--db", str(demo), "-o", str(pdf))
    assert code == 2  # a sigle is not a name: refused, nothing written
    assert not pdf.exists()
    name = "Association de la fondation étudiante pour la ville"
    code, out, _ = cli("request-form", name, "--year", "2016", "--db", str(demo), "-o", str(pdf))
    assert code == 0 and "Formulaire de demande 2016" in out and pdf.exists()
    assert "Formulaire de demande de subvention" in text_of(pdf)
    code, out, _ = cli("request-form", "1", "--year", "2016", "--db", str(demo), "-o", str(ods))
    assert code == 0 and ods.exists()
    code, out, _ = cli("import", str(ods), "--db", str(demo), "--dry-run", "--json")
    summary = json.loads(out)
    assert (summary["unchanged"], summary["new"], summary["errors"]) == (2, 1, 0)
