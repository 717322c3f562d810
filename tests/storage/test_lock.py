"""The lock file: a second opener is read-only and learns who holds the dossier."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from contrat_desktop.domain.holders import Holder
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.errors import ReadOnlyError
from contrat_desktop.storage.lock import current_machine, lock_path, read_lock
from contrat_desktop.storage.repositories import Repositories


def test_second_opener_is_read_only_and_told_who_holds_it(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, user="camille", daily_backup=False) as first:
        assert not first.read_only
        holder = read_lock(dossier_path)
        assert holder is not None and holder.user == "camille"
        assert holder.machine == current_machine()
        with open_dossier(dossier_path, user="dominique", daily_backup=False) as second:
            assert second.read_only
            assert second.holder is not None and second.holder.user == "camille"
            reason = second.read_only_reason or ""
            assert "camille" in reason and current_machine() in reason and "depuis le" in reason
            with pytest.raises(ReadOnlyError, match="lecture seule"):
                Repositories(second).holders.add(Holder(legal_name="Refusé"))
        # the second instance's close must not remove the first one's lock
        assert read_lock(dossier_path) == holder
    assert not lock_path(dossier_path).exists()


def test_read_only_connection_cannot_write_even_bypassing_repositories(dossier_path: Path) -> None:
    import sqlite3

    with (
        open_dossier(dossier_path, create=True, daily_backup=False),
        open_dossier(dossier_path, daily_backup=False) as second,
        pytest.raises(sqlite3.OperationalError, match="readonly"),
    ):
        second.db.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")


def test_lock_of_a_crashed_process_on_this_machine_is_taken_over(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    stale = {
        "user": "ancien",
        "machine": current_machine(),
        "pid": 2**22 + 12345,  # no such process
        "since": "2026-01-05T09:30:00",
        "token": "abc",
    }
    lock_path(dossier_path).write_text(json.dumps(stale), encoding="utf-8")
    with open_dossier(dossier_path, user="camille", daily_backup=False) as dossier:
        assert not dossier.read_only
        assert read_lock(dossier_path).user == "camille"  # type: ignore[union-attr]


def test_lock_from_another_machine_is_respected(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    other = {
        "user": "dominique",
        "machine": "PC-MAIRIE-042",
        "pid": os.getpid(),
        "since": "2026-11-20T14:05:00",
        "token": "xyz",
    }
    lock_path(dossier_path).write_text(json.dumps(other), encoding="utf-8")
    with open_dossier(dossier_path, user="camille", daily_backup=False) as dossier:
        assert dossier.read_only
        assert dossier.read_only_reason == (
            "ouvert par dominique sur le poste PC-MAIRIE-042, depuis le 20/11/2026 à 14:05"
        )
    assert read_lock(dossier_path) is not None  # still theirs
