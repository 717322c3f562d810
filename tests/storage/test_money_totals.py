"""Migration 0018: the sums of each action's lines and of each funder's grants per holder and
campaign, kept by triggers, equal a fresh GROUP BY after any sequence of writes (payments
and reversements, lines granted, moved or deleted, actions created, moved or deleted,
bilans received or removed), on the demo, a synthetic dossier and an upgraded old file."""

from __future__ import annotations

import contextlib
import gzip
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.samples import synthetic_filler
from contrat_desktop.storage.database import Dossier, open_dossier

ACTION_TOTALS = """
    SELECT a.id, coalesce(sum(fl.granted_cents), 0), coalesce(sum(fl.paid_cents), 0),
           coalesce(sum(max(coalesce(fl.granted_cents, 0) - fl.paid_cents, 0)), 0),
           EXISTS (SELECT 1 FROM report r WHERE r.action_id = a.id AND r.received_on IS NOT NULL)
    FROM action a LEFT JOIN funding_line fl ON fl.action_id = a.id GROUP BY a.id ORDER BY a.id"""
GRANT_TOTALS = """
    SELECT a.campaign_id, fl.funder_id, a.holder_id, sum(fl.granted_cents)
    FROM action a JOIN funding_line fl ON fl.action_id = a.id WHERE fl.granted_cents > 0
    GROUP BY a.campaign_id, fl.funder_id, a.holder_id ORDER BY 1, 2, 3"""
PAID = """SELECT fl.id, fl.paid_cents, coalesce((SELECT sum(CASE p.kind WHEN 'reversement'
    THEN -p.amount_cents ELSE p.amount_cents END) FROM payment p
    WHERE p.funding_line_id = fl.id), 0) FROM funding_line fl"""


def assert_totals_fresh(conn: sqlite3.Connection) -> None:
    kept = conn.execute("SELECT * FROM action_total ORDER BY action_id").fetchall()
    assert kept == conn.execute(ACTION_TOTALS).fetchall()
    grants = conn.execute("SELECT * FROM grant_total ORDER BY 1, 2, 3").fetchall()
    assert grants == conn.execute(GRANT_TOTALS).fetchall()
    assert all(kept == summed for _id, kept, summed in conn.execute(PAID))


def ids(conn: sqlite3.Connection, sql: str) -> list[Any]:
    return [row[0] for row in conn.execute(sql)]


def random_edit(conn: sqlite3.Connection, rng: random.Random, day: int) -> None:
    """One write of the kinds the window, the imports and the payments make, at random."""
    lines = ids(conn, "SELECT id FROM funding_line")
    actions = ids(conn, "SELECT id FROM action")
    funders = ids(conn, "SELECT id FROM funder")
    holders = ids(conn, "SELECT id FROM holder")
    campaigns = ids(conn, "SELECT id FROM campaign")
    payments = ids(conn, "SELECT id FROM payment")
    on = f"2026-{1 + day % 12:02d}-{1 + day % 28:02d}"
    choice = rng.randrange(14)
    if choice <= 2 and lines:  # a payment (advance, solde) or a reversement
        kind = rng.choice(["avance", "solde", "reversement"])
        conn.execute(
            "INSERT INTO payment (funding_line_id, kind, amount_cents, paid_on) VALUES (?,?,?,?)",
            [rng.choice(lines), kind, rng.randrange(1, 500_000), on],
        )
    elif choice == 3 and payments:  # a payment corrected: amount, kind or line
        conn.execute(
            "UPDATE payment SET amount_cents = ?, kind = ?, funding_line_id = ? WHERE id = ?",
            [rng.randrange(1, 500_000), rng.choice(["avance", "reversement"]),
             rng.choice(lines), rng.choice(payments)],
        )  # fmt: skip
    elif choice == 4 and payments:
        conn.execute("DELETE FROM payment WHERE id = ?", [rng.choice(payments)])
    elif choice == 5 and lines:  # granted (or not any more), as a committee or an import does
        granted = rng.choice([None, 0, rng.randrange(1, 9_000_000)])
        conn.execute(
            "UPDATE funding_line SET granted_cents = ? WHERE id = ?", [granted, rng.choice(lines)]
        )
    elif choice == 6 and actions:  # a new line (ignored when the funder has one already)
        conn.execute(
            "INSERT OR IGNORE INTO funding_line (action_id, funder_id, granted_cents) "
            "VALUES (?,?,?)",
            [rng.choice(actions), rng.choice(funders), rng.choice([None, rng.randrange(9**7)])],
        )
    elif choice == 7 and lines:  # a line deleted (its payments with it)
        conn.execute("DELETE FROM funding_line WHERE id = ?", [rng.choice(lines)])
    elif choice == 8 and lines:  # a line given to another funder or action
        column = rng.choice(["funder_id", "action_id"])
        conn.execute(
            f"UPDATE OR IGNORE funding_line SET {column} = ? WHERE id = ?",
            [rng.choice(funders if column == "funder_id" else actions), rng.choice(lines)],
        )
    elif choice == 9 and actions:  # an action moved to another campaign or holder
        column = rng.choice(["campaign_id", "holder_id"])
        conn.execute(
            f"UPDATE action SET {column} = ? WHERE id = ?",
            [rng.choice(campaigns if column == "campaign_id" else holders), rng.choice(actions)],
        )
    elif choice == 10 and actions:  # a status change
        conn.execute(
            "UPDATE action SET status = ? WHERE id = ?",
            [rng.choice(["accorde", "solde", "cloture", "refuse"]), rng.choice(actions)],
        )
    elif choice == 11 and actions:  # a bilan received, or its date removed
        action = rng.choice(actions)
        conn.execute("INSERT OR IGNORE INTO report (action_id) VALUES (?)", [action])
        conn.execute(
            "UPDATE report SET received_on = ? WHERE action_id = ?",
            [rng.choice([None, on]), action],
        )
    elif choice == 12:  # a bilan deleted, or a new action with a line
        reports = ids(conn, "SELECT id FROM report")
        if reports and rng.random() < 0.5:
            conn.execute("DELETE FROM report WHERE id = ?", [rng.choice(reports)])
        else:
            cursor = conn.execute(
                "INSERT INTO action (reference, title, holder_id, campaign_id, status) "
                "VALUES (?, 'Nouvelle', ?, ?, 'accorde')",
                [f"NV-{day}-{rng.randrange(10**9)}", rng.choice(holders), rng.choice(campaigns)],
            )
            conn.execute(
                "INSERT INTO funding_line (action_id, funder_id, granted_cents) VALUES (?,?,?)",
                [cursor.lastrowid, rng.choice(funders), rng.randrange(1, 9_000_000)],
            )
    elif actions:  # an action deleted, its lines, payments and bilan with it
        # refused whole (lines kept) when still named elsewhere (a meeting...)
        with contextlib.suppress(sqlite3.IntegrityError):
            conn.execute("DELETE FROM action WHERE id = ?", [rng.choice(actions)])


def edit_at_random(dossier: Dossier, seed: int, edits: int) -> None:
    rng = random.Random(seed)
    conn = dossier.db.conn
    for day in range(edits):
        random_edit(conn, rng, day)
        if day % 10 == 0:
            assert_totals_fresh(conn)
    conn.commit()
    assert_totals_fresh(conn)


def test_the_demo_is_born_with_its_totals(dossier: Dossier, demo: None) -> None:
    assert dossier.db.conn.execute("SELECT count(*) FROM grant_total").fetchone()[0] > 50
    assert_totals_fresh(dossier.db.conn)


@pytest.mark.parametrize("seed", range(12))
def test_the_totals_stay_exact_through_random_writes(
    dossier: Dossier, demo: None, seed: int
) -> None:
    edit_at_random(dossier, seed, 150)


def test_a_synthetic_dossier_written_in_bulk_keeps_its_totals(tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "synthetique.cdv", fill=synthetic_filler(400, years=3))
    with open_dossier(path, daily_backup=False) as dossier:
        assert_totals_fresh(dossier.db.conn)
        edit_at_random(dossier, 99, 100)


def test_an_upgraded_dossier_gets_its_totals_then_keeps_them(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "schema-0017.cdv.gz"
    path = tmp_path / "ancien.cdv"
    path.write_bytes(gzip.decompress(data.read_bytes()))
    with open_dossier(path, daily_backup=False) as dossier:
        assert "0018_money_totals" in dossier.report.migrations_applied
        assert_totals_fresh(dossier.db.conn)
        edit_at_random(dossier, 7, 100)


@pytest.fixture
def demo() -> None:
    """Asks ``dossier`` for a copy of the demo (see conftest)."""
