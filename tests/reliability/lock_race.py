"""Several real processes open one dossier at the same instant: how many became writers?

The parent starts N worker processes once; before each trial it removes the lock file, or
plants the lock of a killed session (a dead process of this machine: the old lock took a
lock still being written for such a one), or leaves the record of the last clean close; then
it releases all workers at once through a file barrier. Each worker opens the dossier, says
whether it could write, holds it while the others answer, then closes. A trial is right
when exactly one worker writes.

Run as a script, this module is the worker: ``lock_race.py WORKER FOLDER DOSSIER INDEX N``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLL = 0.0005


@dataclass
class RaceFigures:
    trials: int = 0
    processes: int = 0
    writers: list[int] = field(default_factory=list)  # per trial
    stale_trials: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def double_writers(self) -> int:
        return sum(1 for count in self.writers if count > 1)

    @property
    def no_writer(self) -> int:
        return sum(1 for count in self.writers if count == 0)


def _wait_for(path: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} never came")
        time.sleep(POLL)


def plant_stale_lock(dossier: Path) -> None:
    """The lock of a session killed on this machine: its content, nobody holding it."""
    from contrat_desktop.storage.lock_content import current_machine, lock_path

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    content = {
        "state": "open",
        "user": "tuee",
        "machine": current_machine(),
        "pid": int(dead.stdout),
        "since": "2026-01-05T09:30:00",
        "token": "ancien",
    }
    lock_path(dossier).write_text(json.dumps(content), encoding="utf-8")


STARTS = ("absent", "killed", "closed")  # the lock file before a trial, in turn


def run_race(folder: Path, dossier: Path, *, processes: int = 4, trials: int = 20) -> RaceFigures:
    """``trials`` simultaneous openings by ``processes`` workers, starting in turn with no
    lock file, the lock of a killed session, and the record of a clean close."""
    from contrat_desktop.storage.lock_content import lock_path

    folder.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="course-", dir=folder))  # a fresh barrier each run
    # CODE_ROOT: the checkout whose code the workers run (to measure an older one)
    env = {**os.environ, "PYTHONPATH": os.environ.get("CODE_ROOT", str(ROOT))}
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "WORKER", str(folder), str(dossier), str(i), str(trials)],
            env=env,
        )
        for i in range(processes)
    ]
    figures = RaceFigures(processes=processes)
    try:
        for trial in range(trials):
            start = STARTS[trial % len(STARTS)]
            if start == "absent":
                lock_path(dossier).unlink(missing_ok=True)
            elif start == "killed":
                plant_stale_lock(dossier)
                figures.stale_trials += 1
            (folder / f"go-{trial}").touch()
            roles = []
            for i in range(processes):
                result = folder / f"result-{trial}-{i}"
                _wait_for(result)
                roles.append(result.read_text(encoding="utf-8"))
            figures.errors += [role for role in roles if role not in {"writer", "reader"}]
            figures.writers.append(roles.count("writer"))
            figures.trials += 1
            (folder / f"end-{trial}").touch()
            for i in range(processes):
                _wait_for(folder / f"closed-{trial}-{i}")
    finally:
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
    return figures


def _worker(folder: Path, dossier: Path, index: int, trials: int) -> None:
    from contrat_desktop.storage.database import open_dossier
    from contrat_desktop.storage.errors import DossierError

    for trial in range(trials):
        _wait_for(folder / f"go-{trial}")
        opened = None
        try:
            opened = open_dossier(dossier, user=f"ouvreur{index}", daily_backup=False)
            role = "reader" if opened.read_only else "writer"
        except DossierError as error:
            role = f"error: {error}"
        partial = folder / f".result-{trial}-{index}"
        partial.write_text(role, encoding="utf-8")
        partial.replace(folder / f"result-{trial}-{index}")
        _wait_for(folder / f"end-{trial}")
        if opened is not None:
            opened.close()
        (folder / f"closed-{trial}-{index}").touch()


if __name__ == "__main__" and len(sys.argv) == 6 and sys.argv[1] == "WORKER":
    sys.path.insert(0, os.environ.get("CODE_ROOT", str(ROOT)))
    _worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
