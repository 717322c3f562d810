"""An SQLite error met while reading the dossier reaches the user in French (what happened,
what to do), SQLite's English text kept under « Détails »: real errors, provoked on real
files (a lock held by another connection, a truncated copy, a full database, a file that is
no database, a missing one)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from contrat_desktop.app import install_exception_hook
from contrat_desktop.operations.reminders import list_reminders
from contrat_desktop.storage.errors import database_error_reason
from contrat_desktop.ui.error_messages import error_box, read_failure
from contrat_desktop.ui.session import DossierSession


def raised(work: Callable[[], object]) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        work()
    return caught.value


def visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def locked_read(session: DossierSession, demo_path: Path) -> sqlite3.Error:
    """A page's reading while another program writes the file (its lock held)."""
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        session.dossier.db.conn.execute("PRAGMA busy_timeout = 50")  # not the 10 s of a real wait
        return raised(lambda: list_reminders(session.dossier, session.campaign_year))
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_locked_dossier_is_said_locked_with_sqlites_words_in_the_details(
    session: DossierSession, demo_path: Path
) -> None:
    error = locked_read(session, demo_path)
    box = error_box(error, Path("/tmp/contrat.log"))
    assert box.windowTitle() == "Lecture du dossier impossible"
    assert box.text().startswith("Le dossier n'a pas pu être lu : le fichier est verrouillé")
    assert "Réessayez" in box.text() and "/tmp/contrat.log" in box.text()
    assert "database" not in box.text() and "locked" not in box.text()
    assert "database is locked" in box.detailedText() and "SQLITE_BUSY" in box.detailedText()
    assert read_failure(error).startswith("Le dossier n'a pas pu être lu : le fichier est verr")


def test_a_truncated_copy_is_said_damaged_with_the_way_to_a_backup(
    demo_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "tronque.cdv"
    data = demo_path.read_bytes()
    copy.write_bytes(data[: len(data) // 3])
    connection = sqlite3.connect(copy)

    def read_every_table() -> None:
        for (table,) in connection.execute("SELECT name FROM sqlite_master").fetchall():
            connection.execute(f'SELECT * FROM "{table}"').fetchall()

    error = raised(read_every_table)
    connection.close()
    reason = database_error_reason(error)
    assert reason.startswith("le fichier est endommagé") and "Sauvegardes" in reason
    assert "malformed" in error_box(error, None).detailedText()


def test_a_full_disk_a_missing_file_and_a_file_that_is_no_dossier(tmp_path: Path) -> None:
    full = sqlite3.connect(tmp_path / "plein.cdv")
    full.execute("CREATE TABLE t (x)")
    full.execute("PRAGMA max_page_count = 2")  # the file may not grow: SQLITE_FULL
    error = raised(lambda: full.execute("INSERT INTO t VALUES (zeroblob(100000))"))
    full.close()
    assert database_error_reason(error).startswith("le disque est plein")
    missing = (tmp_path / "parti" / "dossier.cdv").as_uri() + "?mode=ro"
    error = raised(lambda: sqlite3.connect(missing, uri=True).execute("SELECT 1 FROM t"))
    assert database_error_reason(error).startswith("le fichier est introuvable")
    text = tmp_path / "notes.cdv"
    text.write_text("Ceci n'est pas un dossier, mais des notes de réunion. " * 100)
    error = raised(lambda: sqlite3.connect(text).execute("SELECT * FROM sqlite_master"))
    assert database_error_reason(error).startswith("le fichier est endommagé")


def test_the_window_shows_an_uncaught_read_error_in_french(
    qtbot: QtBot, session: DossierSession, demo_path: Path, tmp_path: Path
) -> None:
    error = locked_read(session, demo_path)
    before = set(visible_boxes())  # a box an earlier test left open is not this one
    hook = sys.excepthook
    try:
        install_exception_hook(tmp_path / "journal.log")
        sys.excepthook(type(error), error, error.__traceback__)  # returns at once
    finally:
        sys.excepthook = hook
    (box,) = [w for w in visible_boxes() if w not in before]
    title, text, details = box.windowTitle(), box.text(), box.detailedText()
    box.done(0)
    assert title == "Lecture du dossier impossible" and "Erreur inattendue" not in title
    assert "le fichier est verrouillé" in text and "database is locked" in details
