"""The dossier's own commands: ``init``, ``info``, ``backup``, ``backups``, ``restore``."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from contrat_desktop.cli.arguments import EXIT_OK, add_db, positive
from contrat_desktop.domain.file_sizes import format_size
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.dossiers import (
    BACKUP_REASONS,
    DossierInfo,
    backup_dossier,
    backup_folder,
    backups_of,
    create_dossier,
    dossier_info,
    restore_from_file,
)
from contrat_desktop.samples import fill_demo, synthetic_filler
from contrat_desktop.storage.errors import DossierError
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

    backups = commands.add_parser("backups", help="lister les sauvegardes d'un dossier")
    add_db(backups)
    backups.add_argument("--json", action="store_true", help="sortie JSON")
    backups.set_defaults(run=run_backups)

    restore = commands.add_parser(
        "restore", help="restaurer une sauvegarde (l'état actuel est d'abord sauvegardé)"
    )
    restore.add_argument(
        "backup", metavar="SAUVEGARDE", help="fichier de sauvegarde (chemin, ou nom du fichier)"
    )
    add_db(restore)
    restore.set_defaults(run=run_restore)


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
    print(f"Sauvegarde créée : {backup.path} ({format_size(backup.size_bytes)})")
    return EXIT_OK


def run_backups(args: argparse.Namespace) -> int:
    path = Path(args.db)
    if not path.is_file():
        raise DossierError(f"Le dossier « {path} » n'existe pas.")
    found = backups_of(path)
    if args.json:
        rows = [
            {"path": str(b.path), "taken_at": b.taken_at.isoformat(), "reason": b.reason,
             "size_bytes": b.size_bytes}
            for b in found
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print(f"Aucune sauvegarde dans « {backup_folder(path)} ».")
        return EXIT_OK
    print(f"{len(found)} sauvegarde(s) dans « {backup_folder(path)} », de la plus récente :")
    for b in found:
        size = format_size(b.size_bytes)
        reason = BACKUP_REASONS.get(b.reason, b.reason)
        print(f"  {b.taken_at:%d/%m/%Y %H:%M:%S}  {reason:<30}  {size:>10}  {b.path.name}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    restored = restore_from_file(args.db, args.backup)
    print(f"Sauvegarde restaurée : {restored.backup}")
    if restored.safety is not None:
        print(f"L'état d'avant est sauvegardé dans : {restored.safety.path}")
    if restored.kept_aside is not None:
        print(f"Le dossier endommagé est gardé sous : {restored.kept_aside}")
    return EXIT_OK


def _describe(info: DossierInfo) -> str:
    lines = [
        f"Dossier : {info.path}",
        f"Contrat : {info.contract or '(aucun)'}",
        f"Taille : {format_size(info.size_bytes)}",
        f"Version du schéma : {info.schema}",
        f"Intégrité : {'bonne' if info.integrity == 'ok' else info.integrity} "
        f"(contrôle {info.integrity_check})",
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
