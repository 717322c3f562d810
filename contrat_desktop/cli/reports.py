"""The ``report`` command of ``contrat-desktop-cli``: the yearly report of the contract."""

from __future__ import annotations

import argparse
from typing import Any

from contrat_desktop.cli.arguments import EXIT_OK, add_db
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.file_sizes import format_size
from contrat_desktop.operations.dossiers import open_for_reading
from contrat_desktop.operations.yearly_report import write_yearly_report


def add_commands(commands: Any) -> None:
    report = commands.add_parser("report", help="bilans du contrat de ville")
    kinds = report.add_subparsers(dest="report_kind", metavar="DOCUMENT")
    kinds.required = True
    bilan = kinds.add_parser(
        "bilan", help="bilan annuel (--year) ou évaluation sur plusieurs années (--from, --to)"
    )
    add_db(bilan)
    bilan.add_argument("--year", type=int, metavar="ANNÉE", help="l'année du bilan")
    bilan.add_argument("--from", dest="first", type=int, metavar="ANNÉE", help="première année")
    bilan.add_argument("--to", dest="last", type=int, metavar="ANNÉE", help="dernière année")
    bilan.add_argument("-o", "--output", required=True, metavar="FICHIER.pdf|.odt|.docx")
    bilan.set_defaults(run=run_bilan)


def run_bilan(args: argparse.Namespace) -> int:
    if args.year is not None and (args.first is not None or args.last is not None):
        raise ValidationError("Donnez soit --year, soit --from et --to, pas les deux.")
    if args.year is not None:
        first = last = args.year
    elif args.first is not None and args.last is not None:
        first, last = args.first, args.last
    else:
        raise ValidationError("Donnez l'année du bilan (--year) ou une période (--from et --to).")
    with open_for_reading(args.db) as dossier:
        size = write_yearly_report(dossier, first, last, args.output)
    span = str(first) if first == last else f"{first}–{last}"
    print(f"Bilan {span} écrit : {args.output} ({format_size(size)})")
    return EXIT_OK
