"""Make the one-folder build of one municipal service: a copy with its ``deploiement.ini``.

    python packaging/make_service_installer.py --service "Service jeunesse" \\
        --organisation "Ville de Villiers-sur-Marne" \\
        --dossier "\\\\serveur\\partage\\jeunesse.cdv" --logo logo.png

Reads the PyInstaller build (``packaging/build/dist/contrat-desktop``, made by ``make deb`` or
``pyinstaller packaging/contrat_desktop.spec``) and writes
``packaging/build/services/<service>/contrat-desktop/`` with ``deploiement.ini`` beside the
executables (and the logo copied there). Wrapping that folder into an installer (NSIS, .deb)
is the installer scripts' job. The dossier path is the one seen from the users' computers: it
is not checked here, only at the first start (with a French message when it is unreachable).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from contrat_desktop.deployment import (  # noqa: E402
    DEPLOYMENT_FILE,
    dossier_file_name,
    format_deployment,
    read_deployment,
)

BUILD = HERE / "build" / "dist" / "contrat-desktop"
SERVICES = HERE / "build" / "services"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build d'un service, avec son deploiement.ini.")
    parser.add_argument("--service", required=True, help='ex. "Service jeunesse"')
    parser.add_argument("--organisation", default="", help='ex. "Ville de Villiers-sur-Marne"')
    parser.add_argument(
        "--dossier", default="", help="fichier .cdv ou dossier partagé, vu des postes des agents"
    )
    parser.add_argument("--logo", type=Path, help="image PNG ou JPEG des documents")
    parser.add_argument("--demo", action="store_true", help="le dossier démarre en démonstration")
    parser.add_argument(
        "--principal",
        default="",
        help="dossier du chef de projet : celui du service démarre comme sa copie de service",
    )
    parser.add_argument("--build", type=Path, default=BUILD, help="le build PyInstaller à copier")
    parser.add_argument("--out", type=Path, help="dossier produit (par défaut sous build/services)")
    parser.add_argument(
        "--deb", action="store_true", help="en faire aussi un paquet .deb (Linux, dpkg-deb)"
    )
    return parser.parse_args(argv)


def make_service_build(args: argparse.Namespace) -> Path:
    if (
        not (args.build / "contrat-desktop").exists()
        and not (args.build / "contrat-desktop.exe").exists()
    ):
        raise SystemExit(f"Pas de build dans {args.build} : lancez d'abord PyInstaller.")
    slug = dossier_file_name(args.service).removesuffix(".cdv")
    target: Path = args.out or SERVICES / slug / args.build.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(args.build, target, symlinks=True)
    logo = ""
    if args.logo is not None:
        if not args.logo.is_file():
            raise SystemExit(f"Logo introuvable : {args.logo}")
        logo = f"logo{args.logo.suffix.lower()}"
        shutil.copyfile(args.logo, target / logo)
    ini = target / DEPLOYMENT_FILE
    ini.write_text(
        format_deployment(
            organisation=args.organisation,
            service=args.service,
            dossier=args.dossier,
            logo=logo,
            demo=args.demo,
            principal=args.principal,
        ),
        encoding="utf-8",
    )
    if not args.dossier or Path(args.dossier).parent.is_dir():
        read_deployment(ini)  # what the app will read (a share not mounted here is skipped)
    return target


def make_service_deb(target: Path, service: str) -> None:
    """Wrap the service's folder into ``contrat-desktop-<service>_X_arch.deb`` (no rebuild)."""
    slug = dossier_file_name(service).removesuffix(".cdv")
    env = {**os.environ, "SERVICE_BUILD": str(target), "DEB_SUFFIX": slug}
    subprocess.run(["sh", str(HERE / "build_deb.sh")], env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    target = make_service_build(args)
    print(f"Build du service : {target}")
    print((target / DEPLOYMENT_FILE).read_text(encoding="utf-8"))
    if args.deb:
        make_service_deb(target, args.service)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
