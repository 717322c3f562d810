"""``export programmation`` and ``import``: JSON summary and exit codes (0, 1, 2)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_then_import_json(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "prog.xlsx"
    code, out, _ = run(
        capsys, "export", "programmation", "--db", str(demo), "--year", "2016", "-o", str(workbook)
    )
    assert code == 0 and "50 actions" in out and workbook.exists()
    code, out, _ = run(capsys, "import", str(workbook), "--db", str(demo), "--dry-run", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["applied"] is False
    assert (summary["new"], summary["updated"], summary["unchanged"], summary["errors"]) == (
        0,
        0,
        50,
        0,
    )
    assert summary["amount_cents"] > 0 and summary["error_list"] == []
    code, out, _ = run(capsys, "import", str(workbook), "--db", str(demo), "--json")
    summary = json.loads(out)
    assert code == 0 and summary["applied"] is False and "déjà à jour" in summary["message"]


def test_rows_in_error_exit_1_and_nothing_applied(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "retour.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Référence", "Intitulé de l'action", "Début", "Avis"])
    book.active.append(["2016-CS-999", "Atelier", "32/01/2016", "Favorable"])
    book.save(workbook)
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    code, out, err = run(capsys, "import", str(workbook), "--db", str(demo), "--json")
    summary = json.loads(out)
    assert code == 1 and summary["applied"] is False and "Rien n'a été importé" in err
    (error,) = summary["error_list"]
    assert (error["sheet"], error["row"], error["column"]) == ("Sheet", 2, "Début")
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    code, out, _ = run(capsys, "import", str(workbook), "--db", str(demo), "--skip-invalid-rows")
    assert code == 0 and "Import appliqué" not in out
    assert "Rien n'a été importé : 1 ligne(s) en erreur ou non tranchée(s) ignorée(s)" in out
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before


def test_refused_file_exit_2(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "ancien.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, out, err = run(capsys, "import", str(old), "--db", str(demo), "--json")
    assert code == 2 and json.loads(out)["refused"] is True and ".xlsx" in err


@pytest.mark.parametrize(
    ("name", "mimetype"),
    [("prog.ods", b"application/vnd.oasis.opendocument.spreadsheet"), ("prog.xlsx", None)],
)
def test_export_format_follows_the_extension(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, mimetype: bytes
) -> None:
    import zipfile

    workbook = tmp_path / name
    args = ("export", "programmation", "--db", str(demo), "--year", "2016", "-o", str(workbook))
    assert run(capsys, *args)[0] == 0
    with zipfile.ZipFile(workbook) as archive:
        if mimetype:
            assert archive.read("mimetype") == mimetype and "content.xml" in archive.namelist()
        else:
            assert "xl/workbook.xml" in archive.namelist()


@pytest.mark.parametrize("name", ["prog.csv", "prog.xls", "prog"])
def test_export_to_an_unknown_extension_is_refused_by_name(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    workbook = tmp_path / name
    args = ("export", "programmation", "--db", str(demo), "--year", "2016", "-o", str(workbook))
    code, _, err = run(capsys, *args)
    assert code != 0 and f"« {name} »" in err and ".xlsx (Excel) ou .ods" in err
    assert not workbook.exists() and [p.name for p in tmp_path.iterdir()] == ["demo.cdv"]


def test_export_scdl_of_a_year_and_a_year_without_campaign(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "subventions.csv"
    code, out, _ = run(capsys, "export", "scdl", "--db", str(demo), "--year", "2016",
                       "-o", str(target))  # fmt: skip
    assert code == 0 and "Fichier SCDL écrit" in out
    assert target.read_text(encoding="utf-8").startswith("nomAttribuant,idAttribuant,")
    missing = tmp_path / "rien.csv"
    code, _, err = run(capsys, "export", "scdl", "--db", str(demo), "--year", "2031",
                       "-o", str(missing))  # fmt: skip
    assert code == 2 and "pas de campagne 2031" in err and not missing.exists()
