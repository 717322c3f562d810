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
from contrat_desktop.samples import synthetic_filler  # noqa: E402
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
        return create_dossier(
            folder / f"synthetique-{next(counter)}.cdv", fill=synthetic_filler(actions)
        )

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


def exchange(folder: Path, repeat: int) -> list[Figure]:
    """Export a 5 000-action campaign, preview its re-import, preview a 100 000-row workbook."""
    from contrat_desktop.operations.imports import plan_import
    from contrat_desktop.operations.programmation_export import export_programmation

    path = create_dossier(folder / "echange.cdv", fill=synthetic_filler(5_000, years=1))
    workbook = folder / "programmation.xlsx"
    with open_dossier(path, daily_backup=False) as dossier:
        year = dossier.db.execute("SELECT max(year) FROM campaign").fetchone()[0]
        export_seconds, summary = timed(
            lambda: export_programmation(dossier, year, workbook), repeat
        )
        plan_seconds, plan = timed(lambda: plan_import(dossier, workbook), repeat)
    big, narrow = folder / "cent-mille.xlsx", folder / "cent-mille-30-colonnes.xlsx"
    _big_workbook(workbook, big, 100_000)
    _big_workbook(workbook, narrow, 100_000, columns=30)
    big_seconds, peak = _preview_in_subprocess(path, big)
    narrow_seconds, narrow_peak = _preview_in_subprocess(path, narrow)
    return [
        Figure(
            f"Export de la programmation ({_n(summary.actions)} actions, "  # type: ignore[attr-defined]
            f"{summary.funders} financeurs)",  # type: ignore[attr-defined]
            f"{export_seconds:.2f} s",
            "< 1,5 s",
        ),
        Figure(
            f"Aperçu de sa réimportation ({plan.counts()['unchanged']} inchangées)",  # type: ignore[attr-defined]
            f"{plan_seconds:.2f} s",
            "< 2 s",
        ),
        Figure(
            "Aperçu d'un classeur de 100 000 lignes × 30 colonnes",
            f"{narrow_seconds:.2f} s",
            "< 6 s",
        ),
        Figure("Mémoire maximale de cet aperçu", f"{narrow_peak:.0f} Mio", "< 500 Mio"),
        Figure(
            f"Aperçu de 100 000 lignes × toutes les colonnes ({summary.funders} financeurs)",  # type: ignore[attr-defined]
            f"{big_seconds:.2f} s",
        ),
        Figure("Mémoire maximale de cet aperçu", f"{peak:.0f} Mio"),
    ]


def _big_workbook(model: Path, target: Path, rows: int, columns: int = 0) -> None:
    """The exported header, then ``rows`` new actions cycling through the exported values."""
    import python_calamine
    import xlsxwriter

    sheet = python_calamine.CalamineWorkbook.from_path(str(model)).get_sheet_by_name(
        "Programmation"
    )
    values = sheet.to_python()
    header, data = values[3], [row for row in values[4:-1] if row[1]]
    if columns:
        header, data = header[:columns], [row[:columns] for row in data]
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    out = book.add_worksheet("Programmation")
    out.write_row(0, 0, header)
    for index in range(rows):
        row = list(data[index % len(data)])
        row[0], row[1] = "", f"2030-BIG-{index:06d}"
        out.write_row(index + 1, 0, row)
    book.close()


def _preview_in_subprocess(dossier: Path, workbook: Path) -> tuple[float, float]:
    """Wall time and peak resident memory (Mio) of a preview in a fresh interpreter."""
    import json
    import subprocess

    code = (
        "import json, resource, time\n"
        "from contrat_desktop.storage.database import open_dossier\n"
        "from contrat_desktop.operations.imports import plan_import\n"
        f"with open_dossier({str(dossier)!r}, read_only=True) as d:\n"
        "    start = time.perf_counter()\n"
        f"    plan = plan_import(d, {str(workbook)!r})\n"
        "    seconds = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps([seconds, peak, len(plan.rows)]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    seconds, peak, _ = json.loads(out)
    return seconds, peak


def window(folder: Path, actions: int) -> list[Figure]:
    from tests.benchmarks.window_cases import window_figures

    dossier = create_dossier(folder / "fenetre.cdv", fill=synthetic_filler(actions))
    return [Figure(*row) for row in window_figures(dossier, folder / "donnees")]


def meetings(repeat: int) -> list[Figure]:
    from tests.benchmarks.meeting_cases import minutes_figures

    return [Figure(*row) for row in minutes_figures(repeat)]


def council(repeat: int) -> list[Figure]:
    from tests.benchmarks.council_cases import draw_figures

    return [Figure(*row) for row in draw_figures(repeat)]


def packages(folder: Path, actions: int, repeat: int) -> list[Figure]:
    from tests.benchmarks.packages_cases import package_figures

    return [Figure(*row) for row in package_figures(folder, actions, repeat)]


def sheets(folder: Path, actions: int, repeat: int) -> list[Figure]:
    from tests.benchmarks.sheets_cases import sheets_figures

    dossier = create_dossier(folder / "classeurs.cdv", fill=synthetic_filler(actions))
    (folder / "classeurs").mkdir()
    return [Figure(*row) for row in sheets_figures(dossier, folder / "classeurs", repeat)]


def integrity(folder: Path, actions: int, repeat: int) -> list[Figure]:
    from tests.benchmarks.integrity_cases import integrity_figures

    return [Figure(*row) for row in integrity_figures(folder, actions, repeat)]


def bilans(folder: Path, actions: int) -> list[Figure]:
    from tests.benchmarks.dashboard_cases import bilan_figures, journal_figures
    from tests.benchmarks.dashboard_start_cases import start_figures

    path = create_dossier(folder / "bilans.cdv", fill=synthetic_filler(actions))
    figures = [Figure(*row) for row in bilan_figures(path, folder)]
    figures += [Figure(*row) for row in start_figures(path, folder / "donnees-tableau")]
    return figures + [Figure(*row) for row in journal_figures(path)]


def floors(folder: Path, actions: int, repeat: int) -> list[Figure]:
    from tests.benchmarks.floor_cases import floor_figures

    dossier = create_dossier(folder / "planchers.cdv", fill=synthetic_filler(actions))
    (folder / "planchers").mkdir()
    return [Figure(*row) for row in floor_figures(dossier, folder / "planchers", repeat)]


def reconcile(folder: Path, actions: int, repeat: int) -> list[Figure]:
    from tests.benchmarks.reconcile_cases import reconcile_figures

    dossier = create_dossier(folder / "rapprochement.cdv", fill=synthetic_filler(actions))
    return [Figure(*row) for row in reconcile_figures(dossier, folder, repeat)]


def files(folder: Path, actions: int, repeat: int) -> list[Figure]:
    from tests.benchmarks.files_cases import files_figures

    dossier = create_dossier(folder / "demandes.cdv", fill=synthetic_filler(actions))
    return [Figure(*row) for row in files_figures(dossier, folder, repeat)]


def funding(folder: Path, actions: int, repeat: int) -> list[Figure]:
    from tests.benchmarks.funding_cases import funding_figures

    dossier = create_dossier(folder / "financements.cdv", fill=synthetic_filler(actions))
    return [Figure(*row) for row in funding_figures(dossier, folder, repeat)]


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
        figures += integrity(Path(tmp), args.actions, args.repeat)
        figures += exchange(Path(tmp), args.repeat)
        figures += sheets(Path(tmp), args.actions, args.repeat)
        figures += window(Path(tmp), args.actions)
        figures += meetings(args.repeat)
        figures += council(args.repeat)
        figures += bilans(Path(tmp), args.actions)
        figures += packages(Path(tmp), args.actions, args.repeat)
        figures += reconcile(Path(tmp), args.actions, args.repeat)
        figures += floors(Path(tmp), args.actions, args.repeat)
        figures += files(Path(tmp), args.actions, args.repeat)
        figures += funding(Path(tmp), args.actions, args.repeat)
    width = max(len(f.case) for f in figures)
    print(f"{'Mesure':<{width}}  {'Résultat':>12}  Objectif")
    print("-" * (width + 30))
    for figure in figures:
        print(f"{figure.case:<{width}}  {figure.value:>12}  {figure.target}")


if __name__ == "__main__":
    main()
