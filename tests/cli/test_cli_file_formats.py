"""The extension of ``-o`` chooses the format among those a command writes; any other is
refused by name in French (exit 2), nothing written and the dossier untouched (QA item 6:
``minutes 2 -o cr.docx`` used to write a PDF, ``council-notice -o n.pdf`` an HTML page)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.conftest import Run

# (command without -o, a refused name, what the message offers)
REFUSED = [
    (["minutes", "2"], "cr.docx", ".pdf"),
    (["minutes", "2", "--ics"], "r.pdf", ".ics"),
    (["minutes", "2", "--sign-in-sheet"], "e.odt", ".pdf"),
    (["council-notice"], "n.pdf", ".html"),
    (["council-members"], "m.docx", ".xlsx (Excel), .ods"),
    (["action-sheet", "--year", "2016"], "f.xlsx", ".pdf"),
    (["request-form", "1", "--year", "2016"], "d.docx", ".pdf, .xlsx"),
    (["journal"], "j.csv", ".xlsx (Excel), .ods"),
    (["report", "bilan", "--year", "2015"], "b.html", ".pdf, .odt"),
    (["export", "programmation", "--year", "2016"], "p.pdf", ".xlsx (Excel) ou .ods"),
    (["export", "bilans", "--year", "2016"], "b.csv", ".xlsx (Excel) ou .ods"),
    (["export", "scdl", "--year", "2015"], "s.xlsx", ".csv"),
    (["letters", "notification", "--year", "2016"], "l.docx", ".pdf"),
    (["package", "write", "--year", "2016"], "e.zip", ".cdvenvoi"),
    (["package", "service-copy", "--service", "Sports"], "copie.sqlite", ".cdv"),
    (["minutes", "2"], "sans-extension", ".pdf"),
]


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("command", "name", "offered"), REFUSED)
def test_a_wrong_extension_is_refused_by_name_and_nothing_is_written(
    cli: Run, demo: Path, tmp_path: Path, command: list[str], name: str, offered: str
) -> None:
    out = tmp_path / "sortie"
    out.mkdir()
    before = _fingerprint(demo)
    code, _out, err = cli(*command, "--db", str(demo), "-o", str(out / name))
    assert code == 2, err
    suffix = Path(name).suffix
    said = f"l'extension « {suffix} »" if suffix else "un nom sans extension"
    assert f"« {name} » : {said} ne correspond à aucun format pris en charge" in err
    assert offered in err and "Traceback" not in err
    assert list(out.iterdir()) == []
    assert _fingerprint(demo) == before


def test_the_extension_chooses_among_the_formats_a_command_writes(
    cli: Run, demo: Path, tmp_path: Path
) -> None:
    for name, magic in (("m.xlsx", b"PK"), ("m.pdf", b"%PDF"), ("m.ODS", b"PK")):
        code, _out, err = cli("council-members", "--db", str(demo), "-o", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).read_bytes().startswith(magic)
    code, _out, err = cli("minutes", "2", "--ics", "--db", str(demo), "-o", str(tmp_path / "r.ics"))
    assert code == 0, err
    assert (tmp_path / "r.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    code, _out, err = cli("council-notice", "--db", str(demo), "-o", str(tmp_path / "n.html"))
    assert code == 0, err
    assert b"<html" in (tmp_path / "n.html").read_bytes().lower()
