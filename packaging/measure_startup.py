"""Installed size and start-up of the frozen app compared with running from source.

    python packaging/measure_startup.py [--app packaging/build/dist/contrat-desktop] [--runs 5]

Run after `make deb` (or after the PyInstaller build alone). In one run it:
1. makes a synthetic dossier (50 000 actions) with the frozen ``contrat-desktop-cli``;
2. times ``contrat-desktop --quit-when-shown DOSSIER`` (the populated window painted, then quit)
   for the frozen app and for ``python -m contrat_desktop.app`` from source, alternately:
   one warm-up each (page cache, the day's backup on first open), then the median of ``--runs``;
3. prints the size of the one-folder app, of the .deb and its Installed-Size.
Qt runs offscreen unless QT_QPA_PLATFORM says otherwise; the user data folder is a temporary one.
With ``--cold`` (Linux, root) the page cache is dropped before every run: a start after a reboot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def mib(size: float) -> str:
    return f"{size / 1024 / 1024:.0f} Mio".replace(".", ",")


def timed(command: list[str], env: dict[str, str], cold: bool = False) -> float:
    if cold:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=HERE / "build" / "dist" / "contrat-desktop")
    parser.add_argument("--python", default=sys.executable, help="Python that runs the sources")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--cold", action="store_true", help="vider le cache disque à chaque fois")
    args = parser.parse_args(argv)
    gui, cli = args.app / "contrat-desktop", args.app / "contrat-desktop-cli"
    if not gui.exists():
        print(f"{gui} absent : construire d'abord (make deb)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="contrat-mesure-") as scratch:
        folder = Path(scratch)
        env = {**os.environ, "CONTRAT_DESKTOP_DATA": str(folder / "donnees")}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        dossier = folder / "synthetique.cdv"
        made = timed([str(cli), "init", str(dossier), "--synthetic", str(args.actions)], env)
        commands = {
            "application figée (PyInstaller)": [str(gui), "--quit-when-shown", str(dossier)],
            "depuis les sources": [
                args.python,
                "-m",
                "contrat_desktop.app",
                "--quit-when-shown",
                str(dossier),
            ],
        }
        source_env = {**env, "PYTHONPATH": str(ROOT)}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs + 1):  # run 0 is the warm-up, alternately for both
            for name, command in commands.items():
                seconds = timed(command, source_env if "sources" in name else env, args.cold)
                if run:
                    times[name].append(seconds)
    print(f"Dossier synthétique ({args.actions} actions, CLI figée) : {made:.1f} s")
    cache = "cache disque vidé avant chaque lancement" if args.cold else "cache disque chaud"
    print(f"Démarrage jusqu'à la fenêtre affichée ({cache}), médiane de {args.runs} après 1 :")
    for name, values in times.items():
        spread = f"{min(values):.2f} à {max(values):.2f} s".replace(".", ",")
        median = f"{statistics.median(values):.2f} s".replace(".", ",")
        print(f"  {name:<34} {median}  ({spread})")
    print(f"Taille du dossier de l'application : {mib(folder_size(args.app))}")
    for deb in sorted((HERE / "build").glob("contrat-desktop_*.deb")):
        installed = subprocess.run(
            ["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True, text=True
        ).stdout.strip()
        size = f"{mib(int(installed) * 1024)} une fois installé" if installed else ""
        print(f"Paquet {deb.name} : {mib(deb.stat().st_size)} ; {size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
