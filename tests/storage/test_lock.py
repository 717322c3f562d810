"""The lock file: a second opener is read-only and learns who holds the dossier."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contrat_desktop.domain.holders import Holder
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.errors import ReadOnlyError
from contrat_desktop.storage.lock import lock_state, read_lock
from contrat_desktop.storage.lock_content import current_machine, lock_path
from contrat_desktop.storage.repositories import Repositories
from tests.storage.dossier_files import mark_newer


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
    assert read_lock(dossier_path) is None
    closed = lock_state(dossier_path).closed  # the file stays, recording the clean close
    assert closed is not None and closed.user == "camille" and closed.fingerprint is not None


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
        reason = dossier.read_only_reason or ""
        assert reason.startswith(
            "ouvert par dominique sur le poste PC-MAIRIE-042, depuis le 20/11/2026 à 14:05 ("
        )
        assert "essai.cdv.lock" in reason  # how to free it if that session is gone
    assert read_lock(dossier_path) is not None  # still theirs
    assert json.loads(lock_path(dossier_path).read_text(encoding="utf-8")) == other


def _hold_in_another_process(path: Path, user: str) -> subprocess.Popen[str]:
    """A real process that opens the dossier and keeps it until killed."""
    script = (
        "import sys, time\n"
        "from contrat_desktop.storage.database import open_dossier\n"
        f"d = open_dossier({str(path)!r}, user={user!r}, daily_backup=False)\n"
        "print('ecrit' if not d.read_only else 'lecture', flush=True)\n"
        "time.sleep(600)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=_child_env()
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ecrit"
    return process


def _child_env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": root}


def test_simultaneous_openers_in_real_processes_make_one_writer(tmp_path: Path) -> None:
    from tests.reliability.lock_race import run_race

    dossier = tmp_path / "partage.cdv"
    with open_dossier(dossier, create=True, daily_backup=False):
        pass
    figures = run_race(tmp_path / "course", dossier, processes=4, trials=12)
    assert figures.errors == []
    assert figures.trials == 12 and figures.stale_trials == 4
    assert figures.writers == [1] * 12  # never two writers, never none


def test_a_killed_holder_is_not_named_and_its_lock_is_taken_over_in_place(
    dossier_path: Path,
) -> None:
    from contrat_desktop.operations.dossiers import dossier_info

    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    holder = _hold_in_another_process(dossier_path, "dominique")
    try:
        live = dossier_info(dossier_path)
        assert live.locked and live.lock.startswith("ouvert par dominique sur le poste")
        with open_dossier(dossier_path, user="camille", daily_backup=False) as second:
            assert second.read_only and "ouvert par dominique" in (second.read_only_reason or "")
    finally:
        holder.kill()  # SIGKILL: no chance to release anything
        holder.wait()
    inode = lock_path(dossier_path).stat().st_ino
    dead = dossier_info(dossier_path)
    assert not dead.locked and "ouvert par" not in dead.lock
    assert dead.lock.startswith("libre (la session de dominique")
    with open_dossier(dossier_path, user="camille", daily_backup=False) as taken:
        assert not taken.read_only
        assert taken.report.check.startswith("complet : la session précédente s'est arrêtée")
        assert read_lock(dossier_path).user == "camille"  # type: ignore[union-attr]
    assert lock_path(dossier_path).stat().st_ino == inode  # rewritten, never deleted


def test_a_lock_still_being_written_is_never_taken(dossier_path: Path) -> None:
    """The old defect: an empty lock file (its holder about to write its name) was read as
    unreadable, taken for stale, deleted and taken over."""
    from contrat_desktop.storage.file_lock import try_lock, unlock

    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    lock_path(dossier_path).write_bytes(b"")
    descriptor = os.open(lock_path(dossier_path), os.O_RDWR)
    try:
        assert try_lock(descriptor)  # a holder between its OS lock and its content
        with open_dossier(dossier_path, user="camille", daily_backup=False) as second:
            assert second.read_only
            assert second.read_only_reason == ("ouvert par une autre session, en cours d'ouverture")
        assert lock_path(dossier_path).read_bytes() == b""  # untouched
        unlock(descriptor)
    finally:
        os.close(descriptor)
    with open_dossier(dossier_path, user="camille", daily_backup=False) as dossier:
        assert not dossier.read_only


def test_without_os_locks_liveness_comes_from_machine_and_process(
    dossier_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contrat_desktop.storage import lock as lock_module
    from contrat_desktop.storage.file_lock import LocksUnsupported

    def unsupported(descriptor: int, *, shared: bool = False) -> bool:
        raise LocksUnsupported(95, "Operation not supported")

    monkeypatch.setattr(lock_module, "try_lock", unsupported)
    with open_dossier(dossier_path, create=True, user="camille", daily_backup=False) as first:
        assert not first.read_only
        with open_dossier(dossier_path, user="dominique", daily_backup=False) as second:
            assert second.read_only and "camille" in (second.read_only_reason or "")
    _plant(dossier_path, machine=current_machine(), pid=2**22 + 12345)  # dead process
    with open_dossier(dossier_path, user="dominique", daily_backup=False) as dossier:
        assert not dossier.read_only


def _plant(dossier_path: Path, *, machine: str, pid: int, user: str = "ancien") -> None:
    content = {"user": user, "machine": machine, "pid": pid,
               "since": "2026-01-05T09:30:00", "token": "abc"}  # fmt: skip
    lock_path(dossier_path).write_text(json.dumps(content), encoding="utf-8")


def test_a_lock_that_cannot_be_written_opens_read_only_saying_why(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    lock_path(dossier_path).unlink()
    lock_path(dossier_path).mkdir()  # as unwritable as a read-only share, even for root
    with open_dossier(dossier_path, user="camille", daily_backup=False) as dossier:
        assert dossier.read_only
        assert dossier.read_only_reason == (
            "sur un emplacement où son fichier de verrou ne peut pas être écrit "
            "(c'est un dossier, pas un fichier)"  # os_reason's words, as everywhere else
        )


def test_a_newer_dossier_names_why_and_leaves_the_lock_free(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        mark_newer(dossier)
    with open_dossier(dossier_path, user="camille", daily_backup=False) as newer:
        assert newer.read_only and "version plus récente" in (newer.read_only_reason or "")
        assert read_lock(dossier_path) is None  # the newer version may write meanwhile
        with pytest.raises(ReadOnlyError, match="il est créé par une version plus récente"):
            Repositories(newer).holders.add(Holder(legal_name="Refusé"))
    # held by a live session (an older version that does not know the newer schema)
    from contrat_desktop.storage.file_lock import try_lock

    descriptor = os.open(lock_path(dossier_path), os.O_RDWR)
    try:
        assert try_lock(descriptor)
        _plant(dossier_path, machine=current_machine(), pid=os.getpid(), user="dominique")
        with open_dossier(dossier_path, user="eve", daily_backup=False) as third:
            reason = third.read_only_reason or ""
            assert "ouvert par dominique" in reason and "version plus récente" in reason
    finally:
        os.close(descriptor)
