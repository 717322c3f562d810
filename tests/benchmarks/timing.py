"""The ways the benchmark cases time a piece of work: the median of a few runs, or a piece
of work and its floor run in turns (a ratio taken at the same moment is steadier on a shared
machine)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
