"""The dossier's own commands: ``init``, ``info``, ``backup``."""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any

from contrat_desktop.cli.arguments import EXIT_OK, add_db, positive
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.dossiers import (
    DossierInfo,
    backup_dossier,
    create_dossier,
    dossier_info,
)
from contrat_desktop.samples import fill_demo, synthetic_filler
from contrat_desktop.storage.statistics import COUNTED_TABLES


def add_commands(commands: Any) -> None:
    init = commands.add_parser(
        "init", help="créer un dossier (vide, de démonstration ou synthétique)"
    )
    init.add_argument("path", metavar="FICHIER", help="chemin du dossier à créer (.cdv)")
    kind = init.add_mutually_exclusive_group()
    kind.add_argument(
        "--demo", action="store_true", help="remplir avec le contrat de démonstration"
    )
    kind.add_argument(
        "--synthetic", type=positive, metavar="N", help="générer N actions synthétiques (mesures)"
    )
    init.add_argument("--years", type=positive, default=10, help="années du dossier synthétique")
    init.add_argument("--force", action="store_true", help="remplacer un fichier existant")
    init.set_defaults(run=run_init)

    info = commands.add_parser(
        "info", help="décrire un dossier (effectifs, schéma, intégrité, verrou)"
    )
    add_db(info)
    info.add_argument("--json", action="store_true", help="sortie JSON")
    info.add_argument(
        "--full-check",
        action="store_true",
        help="contrôle d'intégrité complet (sinon : complet seulement s'il est dû)",
    )
    info.set_defaults(run=run_info)

    backup = commands.add_parser("backup", help="sauvegarder un dossier")
    add_db(backup)
    backup.set_defaults(run=run_backup)


def run_init(args: argparse.Namespace) -> int:
    fill = (
        fill_demo
        if args.demo
        else synthetic_filler(args.synthetic, years=args.years)
        if args.synthetic
        else None
    )
    path = create_dossier(args.path, fill=fill, force=args.force)
    print(f"Dossier créé : {path}")
    return EXIT_OK


def run_info(args: argparse.Namespace) -> int:
    info = dossier_info(args.db, full_check=args.full_check)
    print(
        json.dumps(dataclasses.asdict(info), ensure_ascii=False, indent=2)
        if args.json
        else _describe(info)
    )
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    backup = backup_dossier(args.db)
    print(f"Sauvegarde créée : {backup.path} ({backup.size_bytes} octets)")
    return EXIT_OK


def _describe(info: DossierInfo) -> str:
    lines = [
        f"Dossier : {info.path}",
        f"Contrat : {info.contract or '(aucun)'}",
        f"Taille : {info.size_bytes / 1_048_576:.1f} Mio".replace(".", ","),
        f"Version du schéma : {info.schema_version}",
        f"Intégrité : {info.integrity} (contrôle {info.integrity_check})",
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
