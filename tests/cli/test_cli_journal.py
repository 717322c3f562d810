"""``journal``: the dossier's changes to a workbook or a PDF; bad input writes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_journal_since_a_day_to_xlsx_and_pdf(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo.read_bytes()
    out_file = tmp_path / "journal.xlsx"
    code, out, _ = run(
        capsys,
        "journal",
        "--db",
        str(demo),
        "--since",
        "2000-01-01",
        "--kind",
        "meeting",
        "-o",
        str(out_file),
    )
    assert code == 0 and "depuis le 01/01/2000" in out
    rows = list(openpyxl.load_workbook(out_file).active.iter_rows(min_row=5, values_only=True))
    assert rows and all(str(row[2]).split(" – ")[1].startswith("Réunion") for row in rows)
    created = " ".join(str(row[5]) for row in rows if str(row[2]).startswith("Création"))
    assert "Compte rendu : Brouillon" in created and "T18:00" not in created  # French labels
    assert re.search(r"Date et heure : \d\d/\d\d/\d{4} \d\d:\d\d", created)
    pdf = tmp_path / "journal.pdf"
    assert run(capsys, "journal", "--db", str(demo), "--kind", "payment", "-o", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert demo.read_bytes() == before


def test_bad_input_is_said_and_nothing_written(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rien.xlsx"
    code, _, err = run(
        capsys, "journal", "--db", str(demo), "--since", "2999-01-01", "-o", str(target)
    )
    assert code == 2 and "Aucune modification ne correspond" in err and not target.exists()
    code, _, err = run(
        capsys,
        "journal",
        "--db",
        str(demo),
        "--since",
        "2020-02-01",
        "--until",
        "2020-01-01",
        "-o",
        str(target),
    )
    assert code == 2 and "à l'envers" in err and not target.exists()
    with pytest.raises(SystemExit) as stopped:
        main(["journal", "--db", str(demo), "--since", "hier", "-o", str(target)])
    assert stopped.value.code == 2 and "date AAAA-MM-JJ attendue" in capsys.readouterr().err


def test_report_bilan_year_and_range(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo.read_bytes()
    pdf, odt = tmp_path / "bilan.pdf", tmp_path / "evaluation.odt"
    assert (
        run(capsys, "report", "bilan", "--db", str(demo), "--year", "2016", "-o", str(pdf))[0] == 0
    )
    code, out, _ = run(
        capsys,
        "report",
        "bilan",
        "--db",
        str(demo),
        "--from",
        "2015",
        "--to",
        "2016",
        "-o",
        str(odt),
    )
    assert code == 0 and "Bilan 2015–2016 écrit" in out
    assert pdf.read_bytes().startswith(b"%PDF") and odt.stat().st_size > 0
    code, _, err = run(
        capsys,
        "report",
        "bilan",
        "--db",
        str(demo),
        "--from",
        "2016",
        "--to",
        "2015",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2 and "à l'envers" in err and not (tmp_path / "x.pdf").exists()
    assert demo.read_bytes() == before


def test_report_bilan_as_a_word_document(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docx import Document

    before = demo.read_bytes()
    target = tmp_path / "bilan-2015.docx"
    code, out, _ = run(
        capsys, "report", "bilan", "--db", str(demo), "--year", "2015", "-o", str(target)
    )
    assert code == 0 and "bilan-2015.docx" in out
    word = Document(str(target))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1. Le contrat de ville et ses quartiers"
    assert any(t.rows[0].cells[0].text == "Financeur" for t in word.tables)
    code, _, err = run(
        capsys,
        "report",
        "bilan",
        "--db",
        str(demo),
        "--year",
        "2015",
        "-o",
        str(tmp_path / "b.doc"),
    )
    assert code == 2 and ".docx (Word)" in err and not (tmp_path / "b.doc").exists()
    assert demo.read_bytes() == before


@pytest.mark.parametrize("kind", ["Réunion", "réunions", "REUNION", "meeting"])
def test_kind_is_named_as_the_journal_names_it(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """The record names the journal shows (singular or as the page's filter lists them, any
    case or accents) and the internal codes all choose the same lines."""
    out_file = tmp_path / "journal.xlsx"
    code, out, _ = run(capsys, "journal", "--db", str(demo), "--kind", kind, "-o", str(out_file))
    assert code == 0 and "sur : réunions" in out
    rows = list(openpyxl.load_workbook(out_file).active.iter_rows(min_row=5, values_only=True))
    assert rows and all(str(row[2]).split(" – ")[1].startswith("Réunion") for row in rows)


def test_an_unknown_kind_lists_the_french_names(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "j.xlsx"
    with pytest.raises(SystemExit) as stopped:
        main(["journal", "--db", str(demo), "--kind", "subvention", "-o", str(target)])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and not target.exists()
    assert "type d'élément inconnu : « subvention »" in err
    assert "« Financement »" in err and "« Membre du conseil citoyen »" in err
    assert "funding_line" not in err
