"""``draw``: the same lists, seats, quotas and seed give the same result; errors in French."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from contrat_desktop.cli import main

HEADER = "Identifiant;Nom;Prénom;Sexe;Année de naissance;Quartier\n"


@pytest.fixture
def lists(tmp_path: Path) -> list[Path]:
    made = []
    for name, count in (("electeurs", 40), ("locataires", 25)):
        path = tmp_path / f"{name}.csv"
        rows = [
            f"{n};{name.capitalize()}{n};Prénom{n};{'F' if n % 3 else 'M'};{1945 + n};QP094017"
            for n in range(count)
        ]
        path.write_text(HEADER + "\n".join(rows), encoding="utf-8")
        made.append(path)
    return made


def run(db: Path, lists: list[Path], *extra: str) -> int:
    options = [o for path in lists for o in ("--list", str(path))]
    return main(
        ["draw", "--db", str(db), *options, "--seats", "8", "--seed", "graine", "--year", "2026",
         "--quota", "sexe:F:4:4", "--quota", "sexe:M:4:4", *extra]
    )  # fmt: skip


def test_draw_is_reproducible_and_writes_the_record(
    tmp_path: Path, lists: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.cdv"
    assert main(["init", str(db)]) == 0
    capsys.readouterr()
    assert run(db, lists, "--json", "-o", str(tmp_path / "pv.pdf")) == 0
    first = json.loads(capsys.readouterr().out)
    assert run(db, list(reversed(lists)), "--json") == 0
    second = json.loads(capsys.readouterr().out)
    assert first["tires_au_sort"] == second["tires_au_sort"] and first["tirage"] == 1
    assert [p["sexe"] for p in first["tires_au_sort"]].count("F") == 4
    assert len(first["reserve"]) == 8
    text = PdfReader(tmp_path / "pv.pdf").pages[0].extract_text()
    assert "graine" in text and "Procès-verbal du tirage au sort" in text
    assert run(db, lists) == 0
    assert "Tirés au sort (8)" in capsys.readouterr().out


def test_infeasible_quota_is_a_french_error(
    tmp_path: Path, lists: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.cdv"
    main(["init", str(db)])
    assert run(db, lists, "--quota", "quartier:QP000000:1:") == 2
    assert "Quota quartier QP000000 (au moins 1) impossible" in capsys.readouterr().err
    assert main(["draw", "--db", str(db), "--list", str(lists[0]), "--seats", "2", "--seed",
                 "x", "--quota", "taille:1"]) == 2  # fmt: skip
    assert "illisible" in capsys.readouterr().err


def test_rows_left_out_a_missing_list_and_the_dossier_council(
    tmp_path: Path, lists: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.cdv"
    assert main(["init", str(db), "--demo"]) == 0
    capsys.readouterr()
    broken = tmp_path / "volontaires.csv"
    broken.write_text(HEADER + "1;Roux;Léa;F;1990;QP094017\n2;Petit;Marc;X;1991;QP094017\n")
    assert run(db, [*lists, broken], "--json", "-o", str(tmp_path / "pv.pdf")) == 0
    out = capsys.readouterr()
    assert "ligne 3, colonne « Sexe »" in out.err and "ligne écartée" in out.err
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "pv.pdf").pages)
    assert "Conseil citoyen des Hautes-Noues : désignation" in text  # the dossier's council
    assert run(db, [tmp_path / "absente.csv"]) == 2
    assert "Liste de candidats introuvable" in capsys.readouterr().err
