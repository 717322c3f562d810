"""Reading a workbook to import as the window does it, off the GUI thread: sheets, plan and
the target's columns from a read-only connection of its own; cancel and refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.import_reading import ReadRequest, read_workbook
from contrat_desktop.operations.imports import target_layout
from contrat_desktop.storage.database import Dossier


class Stop(Exception):
    pass


class Control:
    """Counts progress reports; stops at the ``stop_at``-th checkpoint when asked."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.checks = 0
        self.reports: list[tuple[int, int]] = []
        self.stop_at = stop_at

    def check(self) -> None:
        self.checks += 1
        if self.stop_at is not None and self.checks >= self.stop_at:
            raise Stop()

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_plans_the_export_against_the_dossier(demo: Dossier, exported: Path) -> None:
    before = digest(demo.path)
    control = Control()
    reading = read_workbook(demo.path, "camille", ReadRequest(exported), control)
    assert [s.name for s in reading.sheets][:2] == ["Programmation", "Synthèse"]
    assert reading.plan.layout == "programmation"
    assert len(reading.plan.of_kind(RowKind.UNCHANGED)) == 50
    assert reading.layout == target_layout(demo, "programmation")
    assert control.reports and control.reports[-1][0] == control.reports[-1][1]
    assert digest(demo.path) == before  # read-only: nothing written


def test_a_cancel_stops_the_reading(demo: Dossier, exported: Path) -> None:
    with pytest.raises(Stop):
        read_workbook(demo.path, "camille", ReadRequest(exported), Control(stop_at=2))


def test_a_file_that_is_no_workbook_is_refused_in_french(demo: Dossier, tmp_path: Path) -> None:
    fake = tmp_path / "faux.xlsx"
    fake.write_text("pas un classeur", encoding="utf-8")
    before = digest(demo.path)
    with pytest.raises(WorkbookRefused, match=r"faux\.xlsx"):
        read_workbook(demo.path, "camille", ReadRequest(fake), Control())
    assert digest(demo.path) == before
