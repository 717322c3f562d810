"""Benchmark of the conseil citoyen: a draw of 40 seats under 4 quotas from 20 000 candidates
over three lists (target < 1 s), and the same from CSV files through the dossier."""

from __future__ import annotations

import tempfile
from pathlib import Path

from contrat_desktop.domain.draw import DrawRequest, draw
from contrat_desktop.domain.quotas import Dimension, Quota
from tests.benchmarks.timing import median_seconds
from tests.domain.draw_factory import make_list

QUOTAS = (
    Quota(Dimension.SEX, "F", 20, 20),
    Quota(Dimension.SEX, "M", 20, 20),
    Quota(Dimension.AGE, "60+", 8),
    Quota(Dimension.DISTRICT, "QP094019", 10, 16),
)


def draw_figures(repeat: int = 3) -> list[tuple[str, str, str]]:
    lists = (
        make_list("Liste électorale", 10_000, 1),
        make_list("Locataires", 6_000, 2, start=20_000),
        make_list("Volontaires", 4_000, 3, start=40_000),
    )
    request = DrawRequest(lists, 40, "benchmark", 2026, QUOTAS)
    seconds = median_seconds(lambda: draw(request), repeat)
    with tempfile.TemporaryDirectory(prefix="contrat-bench-tirage-") as tmp:
        through = _through_dossier(Path(tmp), lists, repeat)
    return [
        (
            "Tirage au sort : 40 sièges, 4 quotas, 20 000 candidats sur 3 listes",
            f"{seconds:.2f} s",
            "< 1 s",
        ),
        (
            "Même tirage par la commande (lecture CSV, enregistrement, procès-verbal)",
            f"{through:.2f} s",
            "",
        ),
    ]


def _through_dossier(folder: Path, lists: tuple, repeat: int) -> float:  # type: ignore[type-arg]
    from contrat_desktop.cli import main

    files = []
    for lst in lists:
        path = folder / f"{lst.name}.csv"
        rows = [
            f"{c.key};{c.name};{c.sex.value};{c.birth_year};{c.district}" for c in lst.candidates
        ]
        path.write_text("Identifiant;Nom;Sexe;Année de naissance;Quartier\n" + "\n".join(rows))
        files.append(path)
    db = folder / "tirage.cdv"
    quotas = ["sexe:F:20:20", "sexe:M:20:20", "age:60+:8:", "quartier:QP094019:10:16"]
    args = ["draw", "--db", str(db), "--seats", "40", "--seed", "benchmark", "--year", "2026"]
    args += [o for f in files for o in ("--list", str(f))]
    args += [o for q in quotas for o in ("--quota", q)]
    args += ["-o", str(folder / "pv.pdf"), "--json"]
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        main(["init", str(db)])
        return median_seconds(lambda: main(args), repeat)


if __name__ == "__main__":
    for row in draw_figures():
        print(*row, sep="  ")
