"""The ways the benchmark cases time a piece of work: the median of a few runs, or a piece
of work and its floor run in turns (a ratio taken at the same moment is steadier on a shared
machine); for whole processes, their processor time too (steadier still where the cores are
shared: a process waiting for a core is not counted)."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Sequence


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_seconds(
    work: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[float, float, float]:
    """Medians of ``work`` and ``floor`` run in turns, and the median of their ratios."""
    pairs = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        middle = time.perf_counter()
        floor()
        pairs.append((middle - start, time.perf_counter() - middle))
    return (
        statistics.median(w for w, _ in pairs),
        statistics.median(f for _, f in pairs),
        statistics.median(w / f for w, f in pairs),
    )


def paired_ratios(
    work: Callable[[], object], floors: Sequence[Callable[[], object]], runs: int
) -> tuple[float, list[list[float]]]:
    """``work`` then each of ``floors`` in turn, ``runs`` times: the median wall seconds of
    ``work`` and, for each floor, the ratios work / floor of the processor time of every turn
    (steadier than wall time when the cores are shared; for their median and range:
    ``spread``)."""
    turns = []
    walls = []
    for _ in range(runs):
        times = []
        for function in (work, *floors):
            start, wall = time.process_time(), time.perf_counter()
            function()
            times.append(time.process_time() - start)
            if function is work:
                walls.append(time.perf_counter() - wall)
        turns.append(times)
    ratios = [[turn[0] / turn[place] for turn in turns] for place in range(1, len(floors) + 1)]
    return statistics.median(walls), ratios


def spread(values: Sequence[float]) -> str:
    """The median and range of ``values``: « 1.31× (1.27–1.36) »."""
    return f"{statistics.median(values):.2f}× ({min(values):.2f}–{max(values):.2f})"


def paired_processes(
    work: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[float, float, float, float]:
    """Like ``paired_seconds`` for callables that each run a child process: the medians of
    their wall times, the median of the wall ratios, and the median of the ratios of the
    processor time (user + system) their children used."""
    pairs = []
    for _ in range(runs):
        pairs.append((_child_times(work), _child_times(floor)))
    return (
        statistics.median(w[0] for w, _ in pairs),
        statistics.median(f[0] for _, f in pairs),
        statistics.median(w[0] / f[0] for w, f in pairs),
        statistics.median(w[1] / f[1] for w, f in pairs),
    )


def _child_times(function: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds of ``function`` and processor seconds of the children it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    function()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
