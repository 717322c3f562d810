"""``meetings`` and ``minutes`` commands on the demo dossier."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrat_desktop.cli import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.cdv"
    assert main(["init", str(path), "--demo"]) == 0
    return path


def test_meetings_lists_the_2015_committees(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meetings", "--db", str(demo), "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    assert [m["body"] for m in meetings] == [
        "Comité de pilotage technique",
        "Comité de pilotage politique",
    ]
    assert [m["minutes_status"] for m in meetings] == ["Brouillon", "Validé"]
    assert main(["meetings", "--db", str(demo)]) == 0
    assert "28/04/2015 à 18\u00a0h\u00a000" in capsys.readouterr().out


def test_minutes_are_exported_identical_to_the_byte(demo: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["minutes", "2", "--db", str(demo), "-o", str(first)]) == 0
    assert main(["minutes", "2", "--db", str(demo), "-o", str(second)]) == 0
    assert first.read_bytes().startswith(b"%PDF") and first.read_bytes() == second.read_bytes()
    for option, start, suffix in (
        ("--sign-in-sheet", b"%PDF", ".pdf"),
        ("--convocations", b"%PDF", ".pdf"),
        ("--ics", b"BEGIN:VCALENDAR", ".ics"),
    ):
        target = tmp_path / f"doc{option}{suffix}"
        assert main(["minutes", "2", "--db", str(demo), "-o", str(target), option]) == 0
        assert target.read_bytes().startswith(start)


def test_unknown_meeting_is_a_french_error(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["minutes", "99", "--db", str(demo), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "Erreur : Aucune réunion n° 99 dans ce dossier." in capsys.readouterr().err
