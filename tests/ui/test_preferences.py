"""The preferences file is written when something in it changes, not at every close (an
unchanged layout cost a whole rewrite, flushed to disk, at each start and close)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from contrat_desktop.ui.preferences import Preferences


def _preferences(path: Path) -> Preferences:
    return Preferences(QSettings(str(path), QSettings.Format.IniFormat))


def _write_layout(prefs: Preferences, dossier: Path, geometry: bytes) -> None:
    prefs.remember_dossier(dossier)
    prefs.main_window_geometry = QByteArray(geometry)
    prefs.set_splitter_state("main", QByteArray(b"splitter"))
    prefs.set_table_state("programmation", QByteArray(b"columns"))
    prefs.save()


def test_an_unchanged_layout_is_not_written_again(tmp_path: Path) -> None:
    path, dossier = tmp_path / "preferences.ini", tmp_path / "dossier.cdv"
    _write_layout(_preferences(path), dossier, b"geometry")
    assert path.exists()
    os.utime(path, ns=(10**18, 10**18))  # a mark: any rewrite moves it

    _write_layout(_preferences(path), dossier, b"geometry")  # a start and a close, as they were
    assert path.stat().st_mtime_ns == 10**18

    _write_layout(_preferences(path), dossier, b"moved")  # the window was moved
    assert path.stat().st_mtime_ns != 10**18
    again = _preferences(path)
    assert again.main_window_geometry == QByteArray(b"moved")
    assert again.table_state("programmation") == QByteArray(b"columns")
    assert again.last_dossier == dossier.resolve()


def test_another_dossier_opened_goes_first_in_the_recent_list(tmp_path: Path) -> None:
    path = tmp_path / "preferences.ini"
    first, second = tmp_path / "a.cdv", tmp_path / "b.cdv"
    prefs = _preferences(path)
    prefs.remember_dossier(first)
    prefs.remember_dossier(second)
    prefs.remember_dossier(second)
    prefs.save()
    assert _preferences(path).recent_dossiers == [second.resolve(), first.resolve()]
    os.utime(path, ns=(10**18, 10**18))
    again = _preferences(path)
    again.remember_dossier(second)  # reopened: already first
    again.save()
    assert path.stat().st_mtime_ns == 10**18
    again.remember_dossier(first)
    again.save()
    assert _preferences(path).recent_dossiers == [first.resolve(), second.resolve()]
