"""The ``meetings`` and ``minutes`` commands of ``contrat-desktop-cli`` (committees)."""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any

from contrat_desktop.cli.arguments import add_db
from contrat_desktop.domain.file_sizes import format_size
from contrat_desktop.domain.french_dates import moment
from contrat_desktop.operations.dossiers import open_for_reading
from contrat_desktop.operations.meeting_documents import (
    DOCUMENT_LABELS,
    write_meeting_document,
)
from contrat_desktop.operations.meetings import list_meetings


def add_commands(commands: Any) -> None:
    meetings = commands.add_parser("meetings", help="lister les réunions des instances")
    add_db(meetings)
    meetings.add_argument("--json", action="store_true", help="sortie JSON")
    meetings.set_defaults(run=run_meetings)

    minutes = commands.add_parser(
        "minutes",
        help="écrire le compte rendu d'une réunion (ou l'émargement, les convocations, l'.ics)",
    )
    minutes.add_argument("meeting_id", type=int, metavar="RÉUNION", help="numéro de la réunion")
    add_db(minutes)
    minutes.add_argument("-o", "--output", required=True, metavar="FICHIER.pdf")
    kind = minutes.add_mutually_exclusive_group()
    kind.add_argument(
        "--sign-in-sheet",
        dest="document",
        action="store_const",
        const="sign_in_sheet",
        help="feuille d'émargement au lieu du compte rendu",
    )
    kind.add_argument(
        "--convocations",
        dest="document",
        action="store_const",
        const="convocations",
        help="convocations (une lettre par personne, dans un seul PDF)",
    )
    kind.add_argument(
        "--ics",
        dest="document",
        action="store_const",
        const="ics",
        help="fichier d'agenda (.ics) de la réunion",
    )
    kind.add_argument(
        "--action-sheets",
        dest="document",
        action="store_const",
        const="action_sheets",
        help="fiches action des actions examinées (un seul PDF)",
    )
    minutes.set_defaults(document="minutes", run=run_minutes)


def run_meetings(args: argparse.Namespace) -> int:
    with open_for_reading(args.db) as dossier:
        meetings = list_meetings(dossier)
    if args.json:
        print(json.dumps([dataclasses.asdict(m) for m in meetings], ensure_ascii=False, indent=2))
        return 0
    if not meetings:
        print("Aucune réunion dans ce dossier.")
    for m in meetings:
        print(
            f"{m.id:>4}  {moment(m.starts_at)}  {m.body}  "
            f"(compte rendu : {m.minutes_status.lower()}, "
            f"{m.examined_actions} action(s) examinée(s))"
        )
    return 0


def run_minutes(args: argparse.Namespace) -> int:
    with open_for_reading(args.db) as dossier:
        size = write_meeting_document(dossier, args.meeting_id, args.document, args.output)
    print(f"Fichier écrit : {args.output} ({DOCUMENT_LABELS[args.document]}, {format_size(size)})")
    return 0
