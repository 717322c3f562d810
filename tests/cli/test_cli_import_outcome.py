"""What an import did and did not do: new rows are created only with ``--create-missing``;
without it the command says so and how to ask, claims nothing, and journals nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.imports import ImportJournal
from tests.cli.test_cli_exchange import run


@pytest.fixture
def returned(demo: Path, make_return_with_new_rows: Callable[..., Path]) -> Callable[..., Path]:
    def make(*, new: int, changed: bool) -> Path:
        with open_dossier(demo, read_only=True) as dossier:
            return make_return_with_new_rows(dossier, new=new, changed=changed)

    return make


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def journal(path: Path) -> list[tuple[int, int]]:
    with open_dossier(path, read_only=True) as dossier:
        return [(e.updated_rows, e.new_rows) for e in ImportJournal(dossier).all()]


def test_only_new_rows_without_the_option_is_not_a_success(
    demo: Path, returned: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = returned(new=3, changed=False)
    before = checksum(demo)
    code, out, err = run(capsys, "import", str(path), "--db", str(demo))
    assert code == 1
    assert "Import appliqué" not in out
    assert "Rien n'a été importé" in err and "3 ligne(s) nouvelle(s)" in err
    assert "--create-missing" in err
    assert checksum(demo) == before
    code, out, err = run(capsys, "import", str(path), "--db", str(demo), "--json")
    summary = json.loads(out)
    assert code == 1 and summary["applied"] is False and summary["not_created"] == 3
    assert "--create-missing" in summary["message"]
    assert journal(demo) == []


def test_changes_are_applied_and_the_new_rows_left_out_are_named(
    demo: Path, returned: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = returned(new=2, changed=True)
    code, out, _ = run(capsys, "import", str(path), "--db", str(demo), "--json")
    summary = json.loads(out)
    assert code == 0 and summary["applied"] is True
    assert (summary["updated"], summary["created"], summary["not_created"]) == (1, 0, 2)
    assert "--create-missing" in summary["message"]
    assert journal(demo) == [(1, 0)]


def test_text_says_what_was_done_and_what_was_not(
    demo: Path, returned: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = returned(new=2, changed=True)
    code, out, err = run(capsys, "import", str(path), "--db", str(demo))
    assert code == 0
    assert "Import appliqué : 1 ligne(s) mise(s) à jour, 0 créée(s)." in out
    assert "2 ligne(s) nouvelle(s) non créée(s)" in err and "--create-missing" in err


def test_with_the_option_they_are_created(
    demo: Path, returned: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = returned(new=2, changed=False)
    code, out, _ = run(capsys, "import", str(path), "--db", str(demo), "--create-missing")
    assert code == 0 and "2 créée(s)" in out
    assert journal(demo) == [(0, 2)]


def test_nothing_to_change_is_said_and_not_journaled(
    demo: Path, returned: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = returned(new=0, changed=False)
    before = checksum(demo)
    code, out, _ = run(capsys, "import", str(path), "--db", str(demo))
    assert code == 0 and "Import appliqué" not in out and "déjà à jour" in out
    assert checksum(demo) == before and journal(demo) == []
