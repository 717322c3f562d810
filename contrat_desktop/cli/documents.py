"""The ``action-sheet`` and ``request-form`` commands of ``contrat-desktop-cli``: action sheets
(fiches action) as one PDF, for actions named by reference or for a whole campaign; a
holder's pre-filled request form as a PDF or a workbook."""

from __future__ import annotations

import argparse
from typing import Any

from contrat_desktop.cli.arguments import add_db, year
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.file_sizes import format_size
from contrat_desktop.operations.action_sheets import (
    ids_of_references,
    ids_of_year,
    write_action_sheets,
)
from contrat_desktop.operations.dossiers import open_for_reading
from contrat_desktop.operations.request_forms import find_holder, write_request_form


def add_commands(commands: Any) -> None:
    sheet = commands.add_parser(
        "action-sheet", help="écrire les fiches action (PDF) d'actions ou d'une campagne"
    )
    sheet.add_argument(
        "references", nargs="*", metavar="RÉF", help="références des actions (ex. 2026-CS-014)"
    )
    add_db(sheet)
    sheet.add_argument(
        "--year", type=year, metavar="ANNÉE", help="toutes les actions de la campagne"
    )
    sheet.add_argument("-o", "--output", required=True, metavar="FICHIER.pdf")
    sheet.set_defaults(run=run_action_sheet)

    form = commands.add_parser(
        "request-form",
        help="écrire le formulaire de demande pré-rempli d'un porteur (PDF ou classeur)",
    )
    form.add_argument(
        "holder", metavar="PORTEUR", help="numéro, SIRET ou raison sociale exacte du porteur"
    )
    add_db(form)
    form.add_argument("--year", required=True, type=year, metavar="ANNÉE")
    form.add_argument(
        "-o", "--output", required=True, metavar="FICHIER.pdf|.xlsx|.ods",
        help="le format suit l'extension",
    )  # fmt: skip
    form.set_defaults(run=run_request_form)


def run_request_form(args: argparse.Namespace) -> int:
    with open_for_reading(args.db) as dossier:
        holder = find_holder(dossier, args.holder)
        written = write_request_form(dossier, holder.id or 0, args.year, args.output)
    print(f"Formulaire de demande {args.year} de {holder.display_name} écrit : {written}")
    return 0


def run_action_sheet(args: argparse.Namespace) -> int:
    if bool(args.references) == (args.year is not None):
        raise ValidationError(
            "Donnez soit des références d'actions, soit --year ANNÉE (pas les deux)."
        )
    with open_for_reading(args.db) as dossier:
        ids = (
            ids_of_year(dossier, args.year)
            if args.year
            else ids_of_references(dossier, args.references)
        )
        size = write_action_sheets(dossier, ids, args.output)
    print(f"Fichier écrit : {args.output} ({len(ids)} fiche(s) action, {format_size(size)})")
    return 0
