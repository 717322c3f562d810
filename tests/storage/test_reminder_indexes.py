"""Migration 0019: the reminders' queries (« À faire ») read the indexes that hold what they
need (the actions' status, holder, reference and title; the lines with money left; the
granted lines not signed as a convention), never the wide rows of the actions and lines,
whether the dossier was made today or upgraded from 0018."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from contrat_desktop.operations.reminders import list_reminders
from contrat_desktop.storage.database import Dossier, open_dossier

TODAY = date(2026, 12, 4)


def plans(dossier: Dossier, year: int | None) -> list[str]:
    """What SQLite does for each query of the reminders list, one line per step."""
    statements: list[str] = []
    conn = dossier.db.conn
    conn.set_trace_callback(statements.append)
    try:
        assert list_reminders(dossier, year, TODAY)
    finally:
        conn.set_trace_callback(None)
    return [
        step[3]
        for sql in statements
        if sql.lstrip().startswith("SELECT")
        for step in conn.execute("EXPLAIN QUERY PLAN " + sql)
    ]


def assert_read_from_indexes(dossier: Dossier) -> None:
    for year in (None, 2016):
        steps = plans(dossier, year)
        assert "SEARCH fl USING COVERING INDEX idx_line_left (action_id=?)" in steps
        assert "SEARCH fl USING COVERING INDEX idx_line_unsigned (action_id=?)" in steps
        # the late bilans, the requests, the lines to pay: status (and campaign) first
        by_status = "status=?" if year is None else "status=? AND campaign_id=?"
        assert f"SEARCH a USING COVERING INDEX idx_action_reminder ({by_status})" in steps
        assert not any("idx_action_status" in step for step in steps)  # replaced


def test_the_reminders_read_their_indexes(dossier: Dossier, demo: None) -> None:
    assert_read_from_indexes(dossier)


def test_a_dossier_upgraded_from_0018_gets_the_indexes(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "schema-0018.cdv.gz"
    path = tmp_path / "ancien.cdv"
    path.write_bytes(gzip.decompress(data.read_bytes()))
    with open_dossier(path, daily_backup=False) as dossier:
        assert dossier.report.migrations_applied == ("0019_reminder_indexes",)
        assert_read_from_indexes(dossier)


@pytest.fixture
def demo() -> None:
    """Asks ``dossier`` for a copy of the demo (see conftest)."""
