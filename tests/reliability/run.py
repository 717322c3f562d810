"""The reliability suite (``make reliability``; ``--short`` is what CI runs inside the tests).

Kill loops over six operations (``kill_loops.py``), a lock race between real processes
(``lock_race.py``), a hostile-file set (``hostile_files.py``) and the injected-cell check
of every workbook the application writes (``injection.py``); prints the figures and exits 1
when a failure column is not 0.

    python tests/reliability/run.py [--short] [--kills N] [--seed S] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.reliability.hostile_files import Outcome  # noqa: E402
from tests.reliability.kill_loops import Figures  # noqa: E402

FAILURES = ("corrupt", "half_applied", "blocked", "leftovers", "broken_outputs", "errors")
LABELS = {
    "runs": "exécutions",
    "kills": "arrêts",
    "completed_states": "finies",
    "corrupt": "corrompus",
    "half_applied": "à moitié",
    "blocked": "bloqués",
    "leftovers": "restes",
    "broken_outputs": "sorties abîmées",
    "errors": "erreurs",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Suite de fiabilité de contrat_desktop")
    parser.add_argument("--short", action="store_true", help="version courte (CI)")
    parser.add_argument("--kills", type=int, help="arrêts par opération (processus fork)")
    parser.add_argument("--exec-kills", type=int, help="arrêts par opération (interpréteur neuf)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", metavar="FICHIER", help="écrire aussi les chiffres en JSON")
    args = parser.parse_args(argv)
    kills = args.kills or (5 if args.short else 170)
    exec_kills = args.exec_kills if args.exec_kills is not None else (0 if args.short else 10)
    race = (3, 12) if args.short else (4, 150)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="contrat-fiabilite-") as tmp:
        report = run_all(Path(tmp), kills, exec_kills, race, args.seed)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print_report(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if failures(report) else 0


def run_all(
    folder: Path, kills: int, exec_kills: int, race: tuple[int, int], seed: int
) -> dict[str, Any]:
    from tests.reliability import hostile_files, injection
    from tests.reliability.kill_loops import kill_loops
    from tests.reliability.lock_race import run_race

    loops: list[Figures] = []
    fork = "fork" if hasattr(os, "fork") else "exec"
    loops += kill_loops(folder / "fork", kills, fork, seed)
    if exec_kills and fork == "fork":
        loops += [_tagged(f, "exec") for f in kill_loops(folder / "exec", exec_kills, "exec", seed)]
    from contrat_desktop.operations.dossiers import create_dossier

    (folder / "course").mkdir()
    dossier = create_dossier(folder / "course" / "partage.cdv")
    processes, trials = race
    figures = run_race(folder / "course" / "barriere", dossier, processes=processes, trials=trials)
    hostile: list[Outcome] = hostile_files.measure(folder / "hostiles")
    injected = injection.measure(folder / "injection")
    return {
        "kill_loops": [asdict(f) for f in loops],
        "lock_race": {
            "processes": figures.processes,
            "trials": figures.trials,
            "killed_session_trials": figures.stale_trials,
            "double_writers": figures.double_writers,
            "no_writer": figures.no_writer,
            "errors": figures.errors[:5],
        },
        "hostile_files": [o.__dict__ for o in hostile],
        "injection": injected,
    }


def _tagged(figures: Figures, mode: str) -> Figures:
    figures.case = f"{figures.case} ({mode})"
    return figures


def totals(report: dict[str, Any]) -> dict[str, int]:
    loops = report["kill_loops"]
    return {key: sum(f[key] for f in loops) for key in LABELS}


def failures(report: dict[str, Any]) -> dict[str, int]:
    found = {key: value for key, value in totals(report).items() if key in FAILURES and value}
    race = report["lock_race"]
    for key in ("double_writers", "no_writer"):
        if race[key]:
            found[f"lock_race.{key}"] = race[key]
    if race["errors"]:
        found["lock_race.errors"] = len(race["errors"])
    mishandled = sum(1 for o in report["hostile_files"] if o["problems"])
    if mishandled:
        found["hostile_files"] = mishandled
    if report["injection"]["injected_cells"]:
        found["injected_cells"] = report["injection"]["injected_cells"]
    if report["injection"]["writers_failed"]:
        found["writers_failed"] = len(report["injection"]["writers_failed"])
    return found


def print_report(report: dict[str, Any]) -> None:
    loops = report["kill_loops"]
    width = max(len(f["case"]) for f in loops) + 2
    print("Boucles d'arrêt brutal (SIGKILL à un instant tiré au hasard pendant l'opération)")
    widths = {key: len(label) + 2 for key, label in LABELS.items()}
    print(f"{'opération':<{width}}" + "".join(f"{LABELS[k]:>{w}}" for k, w in widths.items()))
    for f in [*loops, {"case": "total", **totals(report)}]:
        print(f"{f['case']:<{width}}" + "".join(f"{f[k]:>{w}}" for k, w in widths.items()))
    for f in loops:
        for example in f.get("examples", []):
            print(f"  {f['case']} : {example}")
    race = report["lock_race"]
    print(
        f"\nCourse au verrou : {race['processes']} processus × {race['trials']} essais "
        f"(dont {race['killed_session_trials']} après une session tuée) : "
        f"{race['double_writers']} essai(s) à deux écrivains, {race['no_writer']} sans écrivain"
    )
    hostile = report["hostile_files"]
    bad = [o for o in hostile if o["problems"]]
    print(f"\nFichiers hostiles : {len(hostile)} fichiers, {len(bad)} mal traité(s)")
    for o in hostile:
        verdict = "; ".join(o["problems"]) or "ok"
        print(f"  {o['what']:<68} code {o['exit_code']}  {o['seconds']:5.1f} s  "
              f"{o['peak_mib']:5.0f} Mio  {verdict}")  # fmt: skip
    injected = report["injection"]
    print(
        f"\nCellules injectées : {injected['workbooks']} classeurs écrits, "
        f"{injected['injected_cells']} cellule(s) injectée(s)"
    )
    for name, found in injected["injected"].items():
        print(f"  {name} : {found}")
    for failed in injected["writers_failed"]:
        print(f"  écriture impossible : {failed}")
    total = totals(report)
    print(
        f"\nEn tout : {total['runs']} exécutions, {total['kills']} arrêts, "
        f"{total['corrupt']} dossier(s) corrompu(s), {total['half_applied']} opération(s) "
        f"appliquée(s) à moitié, {race['double_writers']} double(s) écrivain(s), "
        f"{injected['injected_cells']} cellule(s) injectée(s) — {report['seconds']} s"
    )
    found = failures(report)
    print("Échecs : " + (", ".join(f"{k} = {v}" for k, v in found.items()) if found else "aucun"))


if __name__ == "__main__":
    sys.exit(main())
