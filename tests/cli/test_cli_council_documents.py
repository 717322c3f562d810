"""``council-members``, ``council-participation`` and ``council-notice`` on a real dossier."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from contrat_desktop.cli import main
from contrat_desktop.domain.council import CitizenCouncil, College, Member, Sex
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.council import add_member, record_exit, save_council
from contrat_desktop.storage.database import open_dossier


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "d.cdv"
    assert main(["init", str(path)]) == 0
    capsys.readouterr()
    with open_dossier(path, daily_backup=False) as dossier:
        council = save_council(
            dossier, CitizenCouncil("Conseil citoyen des Hautes-Noues", ("QP094043",))
        )
        for name, sex, college in (
            ("Awa Diallo", Sex.FEMALE, College.RESIDENTS),
            ("Paul Martin", Sex.MALE, College.RESIDENTS),
            ("Régie de quartier", None, College.LOCAL_ACTORS),
        ):
            member = Member(council.id or 0, 0, college, date(2015, 2, 5), sex=sex)
            added = add_member(dossier, Person(name), member)
        record_exit(dossier, added.id or 0, date(2016, 1, 1), "Structure dissoute")
    return path


def test_members_as_workbook_and_pdf(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, pdf = tmp_path / "membres.xlsx", tmp_path / "membres.pdf"
    assert main(["council-members", "--db", str(db), "--on", "2015-12-31", "-o", str(xlsx)]) == 0
    assert "3 membre(s) au 31/12/2015" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(xlsx)["Membres"]
    assert {"Awa Diallo", "Paul Martin", "Régie de quartier"} <= {c.value for c in sheet["C"]}
    assert main(["council-members", "--db", str(db), "--on", "2016-06-01", "-o", str(pdf)]) == 0
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Awa Diallo" in text and "Régie de quartier" not in text


def test_participation_and_notice(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["council-participation", "--db", str(db), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [m["nom"] for m in found["membres"]] == ["Awa Diallo", "Paul Martin",
                                                    "Régie de quartier"]  # fmt: skip
    assert found["convocations"] == 0 and found["taux"] is None
    assert main(["council-participation", "--db", str(db)]) == 0
    assert "Conseil : 0/0 — —" in capsys.readouterr().out
    notice = tmp_path / "rgpd.html"
    assert main(["council-notice", "--db", str(db), "-o", str(notice)]) == 0
    assert "24 mois après la sortie" in notice.read_text(encoding="utf-8")


def test_errors_are_french(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["council-members", "--db", str(db), "-o", str(tmp_path / "m.txt")]) == 2
    assert "choisissez un fichier .xlsx" in capsys.readouterr().err
    with pytest.raises(SystemExit) as parsing:
        main(["council-members", "--db", str(db), "--on", "hier", "-o", "m.pdf"])
    assert parsing.value.code == 2
    assert "date AAAA-MM-JJ attendue" in capsys.readouterr().err
    assert main(["council-members", "--db", str(db), "--council", "9", "-o", "m.pdf"]) == 2
    assert "Aucun conseil citoyen n° 9 dans ce dossier." in capsys.readouterr().err
