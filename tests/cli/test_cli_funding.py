"""``reminders`` (and ``letters``) on the demo dossier."""

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


def test_reminders_as_json_name_kind_action_or_funder_and_due_date(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo.read_bytes()
    assert main(["reminders", "--db", str(demo), "--json"]) == 0
    reminders = json.loads(capsys.readouterr().out)
    kinds = {r["kind"] for r in reminders}
    assert {"bilan_late", "payment_due"} <= kinds
    late = next(r for r in reminders if r["kind"] == "bilan_late")
    assert late["action"]["reference"] and late["due_on"].endswith("-06-30")
    assert all(r["action"] or r["funder"] for r in reminders)
    assert demo.read_bytes() == before  # read only


def test_reminders_of_one_campaign_in_text(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reminders", "--db", str(demo), "--year", "2016"]) == 0
    out = capsys.readouterr().out
    assert "chose(s) à faire (de la campagne 2016)" in out
    assert main(["reminders", "--db", str(demo), "--year", "2016", "--json"]) == 0
    reminders = json.loads(capsys.readouterr().out)
    assert reminders and {r["year"] for r in reminders} == {2016}
    assert main(["reminders", "--db", str(demo), "--year", "1999"]) == 2
    assert "Aucune campagne 1999 dans ce dossier" in capsys.readouterr().err


def test_letters_of_notification_and_of_reminder(demo: Path, tmp_path: Path) -> None:
    notifications = tmp_path / "notifications.pdf"
    assert (
        main(
            [
                "letters",
                "notification",
                "--db",
                str(demo),
                "--year",
                "2016",
                "-o",
                str(notifications),
            ]
        )
        == 0
    )
    assert notifications.read_bytes().startswith(b"%PDF")
    folder = tmp_path / "relances"
    assert (
        main(
            [
                "letters",
                "relance",
                "--db",
                str(demo),
                "--year",
                "2015",
                "-o",
                str(folder),
                "--per-holder",
                "--date",
                "2016-09-01",
            ]
        )
        == 0
    )
    assert len(list(folder.glob("relance-2015-*.pdf"))) > 3
    assert (
        main(
            [
                "letters",
                "notification",
                "--db",
                str(demo),
                "--year",
                "1999",
                "-o",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert not (tmp_path / "x.pdf").exists()
