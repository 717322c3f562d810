"""Bounded kill loops: each operation run in a real process, killed (SIGKILL) at a random
moment, then the dossier inspected as its next user would find it.

Six operations: import (``contrat-desktop-cli import``), export, backup and restore (the
command line), bulk status change and minutes validation (``driver.py``, through the
operations layer). Each case starts every run from the same pristine dossier; unkilled
calibration runs give the state the operation leaves and its duration, and each run is
killed after a random delay: uniform over that duration for half the runs, over its second
half (where the writes and the commit are) for the other half. After each run: corrupt (the full
integrity check fails), half-applied (the state is neither the one before nor the one an
unkilled run leaves), blocked (the next opening is read-only: the killed session's lock was
not taken over), leftovers (partial files the next opening did not remove), broken outputs
(a half-written export or backup under its final name), errors (an unkilled run failed).

Processes: ``fork`` (POSIX: a child of this process, modules already loaded, so that the
kill lands inside the operation rather than in Python's start-up) or ``exec`` (a fresh
interpreter running the command line or the driver script, as a user would).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.dossier_state import inspect

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("driver.py")
KILLED = -signal.SIGKILL if hasattr(signal, "SIGKILL") else 1


@dataclass
class Figures:
    case: str
    runs: int = 0
    kills: int = 0
    corrupt: int = 0
    half_applied: int = 0
    blocked: int = 0
    leftovers: int = 0
    broken_outputs: int = 0
    errors: int = 0
    completed_states: int = 0  # runs that left the unkilled run's state (killed after commit)
    examples: list[str] = field(default_factory=list)

    def note(self, what: str) -> None:
        if len(self.examples) < 5:
            self.examples.append(what)


@dataclass
class Case:
    """One operation: its command (``cli`` or ``driver`` argv), the pristine dossier each
    run starts from, and what a finished output must look like."""

    name: str
    program: str  # "cli" or "driver"
    argv: list[str]
    dossier: Path
    pristine: Path
    output_check: Callable[[], str | None] = lambda: None  # a broken output, said
    expected: set[str] = field(default_factory=set)  # signatures before and after
    before: str = ""
    duration: float = 0.0

    def reset(self) -> None:
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                self.dossier.with_name(self.dossier.name + suffix).unlink()
        shutil.copyfile(self.pristine, self.dossier)


def _child(program: str, argv: Sequence[str], log: str) -> None:  # pragma: no cover - child
    descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    code = 1
    try:
        if program == "cli":
            from contrat_desktop.cli import main

            code = main(list(argv))
        else:
            from tests.reliability import driver

            code = driver.main(list(argv))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class Runner:
    def __init__(self, mode: str, log: Path) -> None:
        self.mode = mode
        self.log = log

    def start(self, case: Case) -> Callable[[], int | None]:
        """Start the operation; returns a ``poll`` giving its exit code once ended."""
        if self.mode == "fork":
            import multiprocessing

            process = multiprocessing.get_context("fork").Process(
                target=_child, args=(case.program, case.argv, str(self.log))
            )
            process.start()
            self._kill = lambda: os.kill(process.pid or 0, signal.SIGKILL)
            self._wait = lambda: process.join() or process.exitcode
            return lambda: process.exitcode
        command = (
            [sys.executable, "-m", "contrat_desktop.cli", *case.argv]
            if case.program == "cli"
            else [sys.executable, str(DRIVER), *case.argv]
        )
        with self.log.open("ab") as log:
            child = subprocess.Popen(
                command, stdout=log, stderr=log, env={**os.environ, "PYTHONPATH": str(ROOT)}
            )
        self._kill = child.kill
        self._wait = child.wait
        return child.poll

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self._kill()

    def wait(self) -> int:
        return int(self._wait() or 0)


def calibrate(case: Case, runner: Runner, repeat: int = 3) -> None:
    """Unkilled runs: how long the operation takes, and the state it leaves."""
    case.reset()
    before = case.before = inspect(case.dossier).signature
    times = []
    for _ in range(repeat):
        case.reset()
        start = time.perf_counter()
        runner.start(case)
        code = runner.wait()
        times.append(time.perf_counter() - start)
        if code != 0:
            raise RuntimeError(f"{case.name}: the unkilled run failed ({code}), see {runner.log}")
        found = inspect(case.dossier)
        broken = case.output_check()
        if found.error or found.corrupt or broken:
            raise RuntimeError(f"{case.name}: unkilled run left {found.error or broken}")
        case.expected = {before, found.signature}
    case.duration = sorted(times)[len(times) // 2]


def run_case(case: Case, runner: Runner, kills: int, rng: random.Random) -> Figures:
    """Run until ``kills`` runs were killed (at most three times as many runs)."""
    figures = Figures(case.name)
    calibrate(case, runner)
    finished: list[float] = []
    while figures.kills < kills and figures.runs < 3 * kills:
        case.reset()
        start = time.perf_counter()
        poll = runner.start(case)
        late = rng.random() < 0.5  # half the kills in the second half: writes and commit
        ended = _ended_before(
            poll, start + rng.uniform(case.duration * (0.6 if late else 0.0), case.duration * 1.1)
        )
        killed = ended is None
        if killed:
            runner.kill()
        code = runner.wait()
        if ended is not None:  # the machine is shared: follow how long the operation takes now
            finished.append(ended - start)
            case.duration = statistics.median(finished[-5:])
        figures.runs += 1
        figures.kills += killed
        if not killed and code != 0:
            figures.errors += 1
            figures.note(f"run {figures.runs}: exit {code}")
        _judge(case, figures)
    if figures.kills < kills:
        figures.note(f"{figures.kills} arrêts seulement en {figures.runs} exécutions")
    return figures


def _ended_before(poll: Callable[[], int | None], deadline: float) -> float | None:
    """When the operation ended, if it ended before ``deadline`` (a ``perf_counter`` time):
    polled every few milliseconds, so that a run the kill came too late for gives the
    operation's real duration (not the delay drawn), and the next delays follow a machine
    whose load changed since the calibration."""
    while (now := time.perf_counter()) < deadline:
        if poll() is not None:
            return now
        time.sleep(min(0.005, deadline - now))
    return None if poll() is None else time.perf_counter()


def _judge(case: Case, figures: Figures) -> None:
    found = inspect(case.dossier)
    run = f"run {figures.runs}"
    if found.corrupt:
        figures.corrupt += 1
        figures.note(f"{run}: corrupt: {found.error}")
    elif found.error:
        figures.errors += 1
        figures.note(f"{run}: {found.error}")
    elif found.signature not in case.expected:
        figures.half_applied += 1
        figures.note(f"{run}: state {found.signature} not in {sorted(case.expected)}")
    elif found.signature != case.before:
        figures.completed_states += 1
    if found.blocked:
        figures.blocked += 1
        figures.note(f"{run}: still read-only after the kill")
    if found.leftovers:
        figures.leftovers += 1
        figures.note(f"{run}: leftovers {found.leftovers}")
    broken = case.output_check()
    if broken:
        figures.broken_outputs += 1
        figures.note(f"{run}: {broken}")


def sound_sqlite(path: Path) -> str | None:
    """``None`` when ``path`` is a whole SQLite file, else what is wrong."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return f"{path.name}: {error}"
    return None if verdict == "ok" else f"{path.name}: {verdict}"


def kill_loops(
    folder: Path, kills: int, mode: str, seed: int, only: Sequence[str] = ()
) -> list[Figures]:
    from tests.reliability.cases import build_cases

    rng = random.Random(seed)
    runner = Runner(mode, folder / "journal-des-processus.log")
    results = []
    for case in build_cases(folder):
        if only and case.name not in only:
            continue
        results.append(run_case(case, runner, kills, rng))
    return results
