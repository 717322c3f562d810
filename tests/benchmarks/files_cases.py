"""Issue 13's figures on the 50 000-action synthetic dossier (its latest campaign holds 5 000
actions), each beside its floor measured in the same run:

- renewing the latest campaign's 5 000 actions into the next, in one transaction (< 2 s),
  against SQLite copying the same rows set-wise (INSERT … SELECT, no audit);
- 300 action sheets in one PDF (< 10 s), against raw ReportLab laying out the same flowables;
- the programmation of 5 000 actions with the completeness of their request files, against
  the programmation alone; the reminder of files incomplete at the deadline.
"""

from __future__ import annotations

import copy
import io
import shutil
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from tests.benchmarks.timing import median_seconds

Row = tuple[str, str, str]
SHEETS = 300
DESCRIPTION = (
    "Ateliers hebdomadaires menés avec les familles du quartier, en lien avec les écoles, "
    "le centre social et la médiathèque ; sorties culturelles pendant les vacances et "
    "restitution publique en fin d'année. "
) * 3


def files_figures(source: Path, folder: Path, repeat: int = 3) -> list[Row]:
    dossier = folder / "reconduction.cdv"
    shutil.copyfile(source, dossier)
    return [
        *_renewal(dossier, repeat),
        *_sheets(dossier, repeat),
        *_programmation(dossier, repeat),
    ]


def _latest(path: Path) -> tuple[int, int]:
    import sqlite3

    with sqlite3.connect(path) as connection:
        year, campaign = connection.execute(
            "SELECT year, id FROM campaign ORDER BY year DESC LIMIT 1"
        ).fetchone()
    return int(year), int(campaign)


# renewal ------------------------------------------------------------------------------------
def _renewal(path: Path, repeat: int) -> list[Row]:
    """Each run renews, then undoes (the undo timed apart), so that the next starts afresh."""
    from contrat_desktop.operations.renewal import apply_renewal, undo_renewal
    from contrat_desktop.storage.database import open_dossier

    year, campaign = _latest(path)
    renewals, undos, created = [], [], 0
    with open_dossier(path, daily_backup=False) as dossier:
        for _ in range(repeat):
            start = time.perf_counter()
            result = apply_renewal(dossier, year, year + 1)
            renewals.append(time.perf_counter() - start)
            created = len(result.action_ids)
            start = time.perf_counter()
            undo_renewal(dossier, result)
            undos.append(time.perf_counter() - start)
        floor = median_seconds(lambda: _set_copy(dossier, campaign), repeat)
    seconds = statistics.median(renewals)
    return [
        (f"Reconduction de {created} actions en une transaction (audit compris)",
         f"{seconds:.2f} s", "< 2 s"),
        ("Plancher : SQLite copie les mêmes actions et lignes (INSERT … SELECT)",
         f"{floor:.2f} s", ""),
        ("Reconduction / plancher", f"{seconds / floor:.1f}×", ""),
        ("Annulation de la reconduction (Ctrl+Z)", f"{statistics.median(undos):.2f} s", ""),
    ]  # fmt: skip


def _set_copy(dossier: Any, campaign: int) -> None:
    """The floor: the campaign's actions and funding lines copied by SQLite alone, then
    rolled back."""
    db = dossier.db
    columns = [
        c for c in db["action"].columns_dict if c not in ("id", "reference", "uid", "campaign_id")
    ]
    names = ", ".join(columns)
    connection = db.conn
    connection.execute("BEGIN")
    try:
        connection.execute("INSERT INTO campaign (year) SELECT max(year) + 100 FROM campaign")
        target = connection.execute("SELECT max(id) FROM campaign").fetchone()[0]
        connection.execute(
            f"INSERT INTO action (reference, campaign_id, {names}) "
            f"SELECT reference || '-copie', ?, {names} FROM action WHERE campaign_id = ?",
            [target, campaign],
        )
        connection.execute(
            "INSERT INTO funding_line (action_id, funder_id, requested_cents) "
            "SELECT n.id, f.funder_id, f.requested_cents FROM funding_line f "
            "JOIN action o ON o.id = f.action_id "
            "JOIN action n ON n.reference = o.reference || '-copie' WHERE o.campaign_id = ?",
            [campaign],
        )
    finally:
        connection.execute("ROLLBACK")


# action sheets ------------------------------------------------------------------------------
def _sheets(path: Path, repeat: int) -> list[Row]:
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from contrat_desktop.operations.action_sheets import action_sheets_bytes
    from contrat_desktop.reports import action_sheet, styles
    from contrat_desktop.storage.database import open_dossier

    _year, campaign = _latest(path)
    with open_dossier(path, daily_backup=False) as dossier:
        ids = [
            row[0]
            for row in dossier.db.execute(
                "SELECT id FROM action WHERE campaign_id = ? ORDER BY reference LIMIT ?",
                [campaign, SHEETS],
            )
        ]
        with dossier.db.atomic():  # what a real sheet holds: texts to wrap
            dossier.db.execute(
                f"UPDATE action SET description = ?, objectives = ?, target_public = ?, "
                f"place = ? WHERE id IN ({', '.join('?' for _ in ids)})",
                [DESCRIPTION, DESCRIPTION[:200], "Familles et enfants du quartier",
                 "Centre social", *ids],
            )  # fmt: skip
        content = action_sheets_bytes(dossier, ids)  # fonts registered, modules imported
        seconds = median_seconds(lambda: action_sheets_bytes(dossier, ids), repeat)
        captured: list[list[Any]] = []
        build = styles.build_pdf

        def capture(flowables: Any, **options: Any) -> bytes:
            captured.append(copy.deepcopy(list(flowables)))
            return build(flowables, **options)

        action_sheet.build_pdf = capture  # type: ignore[assignment]
        try:
            action_sheets_bytes(dossier, ids)
        finally:
            action_sheet.build_pdf = build  # type: ignore[assignment]
    pages = len(PdfReader(io.BytesIO(content)).pages)
    stories = [copy.deepcopy(captured[0]) for _ in range(repeat)]

    def raw() -> None:
        SimpleDocTemplate(io.BytesIO(), pagesize=A4, invariant=1).build(stories.pop())

    floor = median_seconds(raw, repeat)
    return [
        (f"{len(ids)} fiches action dans un PDF ({pages} pages, lecture du dossier comprise)",
         f"{seconds:.2f} s", "< 10 s"),
        ("Plancher : ReportLab seul met en page les mêmes fiches", f"{floor:.2f} s", ""),
        ("Fiches action / plancher", f"{seconds / floor:.2f}×", ""),
    ]  # fmt: skip


# programmation and reminders ------------------------------------------------------------------
def _programmation(path: Path, repeat: int) -> list[Row]:
    from contrat_desktop.operations.programmation import load_programmation
    from contrat_desktop.operations.reminders import REMINDER_KINDS, list_reminders
    from contrat_desktop.storage.database import open_dossier
    from contrat_desktop.storage.programmation import programmation_rows

    year, campaign = _latest(path)
    kind = [k for k in REMINDER_KINDS if k.code == "request_file_incomplete"]
    deadline, today = date(year, 1, 15), date(year, 1, 25)  # ten days after the deadline
    with open_dossier(path, daily_backup=False) as dossier:
        with dossier.db.atomic():
            dossier.db.execute(
                "UPDATE campaign SET filing_deadline = ? WHERE id = ?",
                [deadline.isoformat(), campaign],
            )
        plain = median_seconds(lambda: programmation_rows(dossier.db, campaign), repeat)
        whole = median_seconds(lambda: load_programmation(dossier, campaign), repeat)
        rows = len(load_programmation(dossier, campaign))

        def remind() -> list[Any]:
            return list_reminders(dossier, None, today=today, kinds=kind)

        reminders = median_seconds(remind, repeat)
        found = len(remind())
    return [
        (f"Programmation de {rows} actions avec la complétude des dossiers",
         f"{whole * 1000:.0f} ms", ""),
        ("Plancher : la même programmation sans la complétude", f"{plain * 1000:.0f} ms", ""),
        ("Rappel « dossier de demande incomplet » sur tout le dossier "
         f"({found} rappels)", f"{reminders * 1000:.0f} ms", ""),
    ]  # fmt: skip
