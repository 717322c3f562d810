"""Benchmark of the integrity check at open: a dossier closed cleanly gets the cheap check,
the full ``PRAGMA integrity_check`` runs when it is due (or asked); both timed on the same
synthetic dossier, open then close, medians."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.samples import synthetic_filler
from contrat_desktop.storage.database import open_dossier


def _median_open(path: Path, repeat: int, *, full: bool) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with open_dossier(path, daily_backup=False, full_check=full):
            pass
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def integrity_figures(folder: Path, actions: int, repeat: int) -> list[tuple[str, str, str]]:
    path = create_dossier(folder / "integrite.cdv", fill=synthetic_filler(actions))
    with open_dossier(path, daily_backup=False):
        pass  # its first open runs the full check and records the clean close
    cheap = _median_open(path, max(repeat, 5), full=False)
    full = _median_open(path, max(repeat, 5), full=True)
    return [
        ("Ouverture après une fermeture propre (contrôle rapide)", f"{cheap * 1000:.0f} ms", ""),
        ("Ouverture avec le contrôle d'intégrité complet", f"{full * 1000:.0f} ms", ""),
    ]
