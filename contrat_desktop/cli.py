"""``contrat-desktop-cli``: headless commands for IT staff, scripts and tests.

Every command prints French messages; errors go to stderr with exit code 2. ``--json``
prints machine-readable output.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence

from contrat_desktop import __version__, cli_council, cli_meetings
from contrat_desktop.cli_exchange import add_commands, run_export, run_import
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.dossiers import (
    DossierInfo,
    backup_dossier,
    create_dossier,
    dossier_info,
)
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.statistics import COUNTED_TABLES

EXIT_OK = 0
EXIT_ERROR = 2


class _FrenchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"Erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="contrat-desktop-cli",
        description="Commandes sans interface graphique de contrat_desktop.",
    )
    parser.add_argument("--version", action="version", version=f"contrat_desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_FrenchParser)
    commands.required = True

    init = commands.add_parser(
        "init", help="créer un dossier (vide, de démonstration ou synthétique)"
    )
    init.add_argument("path", metavar="FICHIER", help="chemin du dossier à créer (.cdv)")
    kind = init.add_mutually_exclusive_group()
    kind.add_argument(
        "--demo", action="store_true", help="remplir avec le contrat de démonstration"
    )
    kind.add_argument(
        "--synthetic", type=_positive, metavar="N", help="générer N actions synthétiques (mesures)"
    )
    init.add_argument("--years", type=_positive, default=10, help="années du dossier synthétique")
    init.add_argument("--force", action="store_true", help="remplacer un fichier existant")

    info = commands.add_parser(
        "info", help="décrire un dossier (effectifs, schéma, intégrité, verrou)"
    )
    info.add_argument("--db", required=True, metavar="FICHIER", help="chemin du dossier")
    info.add_argument("--json", action="store_true", help="sortie JSON")

    backup = commands.add_parser("backup", help="sauvegarder un dossier")
    backup.add_argument("--db", required=True, metavar="FICHIER", help="chemin du dossier")
    add_commands(commands)
    cli_meetings.add_commands(commands)
    cli_council.add_commands(commands)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu, pas « {text} »") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"nombre strictement positif attendu, pas {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "init":
            path = create_dossier(
                args.path,
                demo=args.demo,
                synthetic=args.synthetic,
                years=args.years,
                force=args.force,
            )
            print(f"Dossier créé : {path}")
        elif args.command == "info":
            info = dossier_info(args.db)
            print(
                json.dumps(dataclasses.asdict(info), ensure_ascii=False, indent=2)
                if args.json
                else _describe(info)
            )
        elif args.command == "backup":
            backup = backup_dossier(args.db)
            print(f"Sauvegarde créée : {backup.path} ({backup.size_bytes} octets)")
        elif args.command == "export":
            return run_export(args)
        elif args.command == "import":
            return run_import(args)
        elif args.command == "meetings":
            return cli_meetings.run_meetings(args)
        elif args.command == "minutes":
            return cli_meetings.run_minutes(args)
        elif args.command in cli_council.COMMANDS:
            return cli_council.run(args)
    except (DossierError, ValidationError) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _describe(info: DossierInfo) -> str:
    lines = [
        f"Dossier : {info.path}",
        f"Contrat : {info.contract or '(aucun)'}",
        f"Taille : {info.size_bytes / 1_048_576:.1f} Mio".replace(".", ","),
        f"Version du schéma : {info.schema_version}",
        f"Intégrité : {info.integrity}",
        f"Verrou : {info.lock}",
        f"Dernière sauvegarde : {info.last_backup or 'aucune'} ({info.backups} au total)",
        "Effectifs :",
    ]
    width = max(len(label) for label in COUNTED_TABLES.values())
    lines += [
        f"  {COUNTED_TABLES[table]:<{width}}  {count:>9,}".replace(",", "\u202f")
        for table, count in info.counts.items()
    ]
    if info.actions_per_year:
        lines.append("Actions par campagne :")
        lines += [
            f"  {year}  {count:>9,}".replace(",", "\u202f")
            for year, count in info.actions_per_year.items()
        ]
    if info.granted_per_year:
        lines.append("Montants accordés par campagne :")
        lines += [
            f"  {year}  {format_cents(cents)}" for year, cents in info.granted_per_year.items()
        ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
