"""Benchmarks: every figure the issues ask for, printed as a table (``make bench``).

Not part of the test suite: timings are measured here, never asserted in tests. Each case
runs on synthetic dossiers made in a temporary folder; later issues add their cases below.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from contrat_desktop.operations.dossiers import create_dossier  # noqa: E402
from contrat_desktop.storage.database import open_dossier  # noqa: E402
from contrat_desktop.storage.statistics import entity_counts  # noqa: E402


@dataclass
class Figure:
    case: str
    value: str
    target: str = ""


def timed(function: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time in seconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def foundation(folder: Path, actions: int, repeat: int) -> list[Figure]:
    counter = iter(range(1000))

    def generate() -> Path:
        return create_dossier(folder / f"synthetique-{next(counter)}.cdv", synthetic=actions)

    seconds, path = timed(generate, repeat)
    assert isinstance(path, Path)

    def open_and_count() -> dict[str, int]:
        with open_dossier(path, daily_backup=False) as dossier:
            return entity_counts(dossier.db)

    open_seconds, counts = timed(open_and_count, max(repeat, 5))
    assert isinstance(counts, dict)
    lines = counts.get("funding_line", 0)
    return [
        Figure(
            f"Génération du dossier synthétique ({_n(actions)} actions, {_n(lines)} lignes)",
            f"{seconds:.2f} s",
        ),
        Figure(
            "Ouverture (intégrité, verrou) + comptage des entités", f"{open_seconds * 1000:.0f} ms"
        ),
        Figure("Taille du fichier", f"{path.stat().st_size / 1_048_576:.1f} Mio"),
    ]


def _n(number: int) -> str:
    return f"{number:_}".replace("_", "\u202f")


def main() -> None:
    parser = argparse.ArgumentParser(description="Mesures de performance de contrat_desktop")
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="contrat-bench-") as tmp:
        figures += foundation(Path(tmp), args.actions, args.repeat)
    width = max(len(f.case) for f in figures)
    print(f"{'Mesure':<{width}}  {'Résultat':>12}  Objectif")
    print("-" * (width + 30))
    for figure in figures:
        print(f"{figure.case:<{width}}  {figure.value:>12}  {figure.target}")


if __name__ == "__main__":
    main()
