"""The ``journal`` command of ``contrat-desktop-cli``: the dossier's changes to a file."""

from __future__ import annotations

import argparse
from typing import Any

from contrat_desktop.cli.arguments import EXIT_OK, add_db, day
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.journal import JournalFilter, record_kind
from contrat_desktop.operations.dossiers import open_for_reading
from contrat_desktop.operations.journal import write_journal
from contrat_desktop.operations.programmation import load_references
from contrat_desktop.operations.settings import load_document_settings


def add_commands(commands: Any) -> None:
    journal = commands.add_parser(
        "journal", help="écrire le journal des modifications du dossier (.xlsx, .ods ou .pdf)"
    )
    add_db(journal)
    journal.add_argument("--since", type=day, metavar="AAAA-MM-JJ", help="à partir de ce jour")
    journal.add_argument("--until", type=day, metavar="AAAA-MM-JJ", help="jusqu'à ce jour inclus")
    journal.add_argument("--who", metavar="NOM", help="les modifications d'une personne")
    journal.add_argument(
        "--kind",
        type=_kind,
        metavar="TYPE",
        help="un type d'élément, nommé comme dans le journal (Action, Financement, Porteur…)",
    )
    journal.add_argument("--search", default="", metavar="TEXTE", help="texte à chercher")
    journal.add_argument("-o", "--output", required=True, metavar="FICHIER.xlsx|.ods|.pdf")
    journal.set_defaults(run=run_journal)


def _kind(text: str) -> str:
    try:
        return record_kind(text)
    except ValidationError as error:
        said = str(error)
        raise argparse.ArgumentTypeError(said[0].lower() + said[1:]) from None


def run_journal(args: argparse.Namespace) -> int:
    wanted = JournalFilter(args.since, args.until, args.who, args.kind, args.search)
    # an older dossier can be read as it is: the journal needs no newer table
    with open_for_reading(args.db, allow_outdated=True) as dossier:
        names = load_references(dossier).names()
        organisation = load_document_settings(dossier).organisation_name
        count = write_journal(dossier, wanted, args.output, names, organisation=organisation)
    print(f"Journal écrit : {args.output} ({count} ligne(s), {wanted.describe()})")
    return EXIT_OK
