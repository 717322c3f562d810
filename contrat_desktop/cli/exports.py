"""The ``export`` commands of ``contrat-desktop-cli``: workbooks written from the dossier
(programmation, bilans to fill, SCDL open data). Each imports its writer when it runs: a
whole-process export loads what it writes with, and no more (``make bench``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from contrat_desktop.cli.arguments import EXIT_OK, add_db
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.dossiers import open_for_reading

SHOWN = 30


def add_commands(commands: Any) -> None:
    export = commands.add_parser(
        "export", help="exporter un classeur (.xlsx Excel ou .ods OpenDocument)"
    )
    kinds = export.add_subparsers(dest="export_kind", metavar="TABLEAU")
    kinds.required = True
    programmation = kinds.add_parser(
        "programmation", help="tableau de programmation d'une campagne (pour la préfecture)"
    )
    add_db(programmation)
    programmation.add_argument("--year", required=True, type=int, metavar="ANNÉE")
    programmation.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="CLASSEUR.xlsx|.ods",
        help="le format suit l'extension",
    )
    programmation.set_defaults(run=run_export)
    bilans = kinds.add_parser(
        "bilans", help="classeur des bilans à remplir (une ligne par action accordée)"
    )
    add_db(bilans)
    bilans.add_argument("--year", required=True, type=int, metavar="ANNÉE")
    bilans.add_argument("-o", "--output", required=True, metavar="CLASSEUR.xlsx|.ods")
    bilans.set_defaults(run=run_export_bilans)
    scdl = kinds.add_parser(
        "scdl", help="subventions accordées, au format national de données ouvertes (SCDL, .csv)"
    )
    add_db(scdl)
    scdl.add_argument("--year", type=int, metavar="ANNÉE", help="la campagne (par défaut : toutes)")
    scdl.add_argument("-o", "--output", required=True, metavar="SUBVENTIONS.csv")
    scdl.set_defaults(run=run_export_scdl)


def run_export(args: argparse.Namespace) -> int:
    from contrat_desktop.operations.programmation_export import export_programmation

    with open_for_reading(args.db) as dossier:
        summary = export_programmation(dossier, args.year, args.output)
    print(
        f"Classeur écrit : {summary.path} ({summary.actions} actions, {summary.funders} "
        f"financeurs, demandé {format_cents(summary.requested_cents)}, "
        f"accordé {format_cents(summary.granted_cents)})"
    )
    return EXIT_OK


def run_export_bilans(args: argparse.Namespace) -> int:
    from contrat_desktop.operations.bilans_exchange import export_bilans

    with open_for_reading(args.db) as dossier:
        summary = export_bilans(dossier, args.year, args.output)
    print(
        f"Classeur des bilans écrit : {summary.path} ({summary.actions} actions accordées, "
        f"dont {summary.filled} avec leur bilan)"
    )
    return EXIT_OK


def run_export_scdl(args: argparse.Namespace) -> int:
    from contrat_desktop.operations.open_data import export_scdl

    with open_for_reading(args.db) as dossier:
        summary = export_scdl(dossier, args.year, args.output)
    print(
        f"Fichier SCDL écrit : {summary.path} ({summary.rows} subvention(s), "
        f"{format_cents(summary.amount_cents)})"
    )
    if summary.internal:
        print(f"{summary.internal} ligne(s) d'un financeur vers ses propres services non publiées.")
    for left in summary.left_out[:SHOWN]:
        print(f"  laissée de côté : {left.describe()}", file=sys.stderr)
    if len(summary.left_out) > SHOWN:
        print(f"  … et {len(summary.left_out) - SHOWN} autre(s)", file=sys.stderr)
    return EXIT_OK
