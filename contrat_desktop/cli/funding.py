"""The ``reminders`` and ``letters`` commands of ``contrat-desktop-cli`` (the funding cycle
after the decision)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from contrat_desktop.cli.arguments import add_db, day
from contrat_desktop.domain.reminders import Reminder
from contrat_desktop.operations.campaigns import campaign_of_year
from contrat_desktop.operations.dossiers import open_for_reading
from contrat_desktop.operations.letters import notification_batch, reminder_batch, write_letters
from contrat_desktop.operations.reminders import count_by_kind, kind_labels, list_reminders
from contrat_desktop.operations.settings import rules_notice


def add_commands(commands: Any) -> None:
    reminders = commands.add_parser(
        "reminders", help="ce qui est à faire : bilans en retard, versements, conventions…"
    )
    add_db(reminders)
    reminders.add_argument(
        "--year", type=int, metavar="ANNÉE", help="une campagne (par défaut : toutes)"
    )
    reminders.add_argument("--json", action="store_true", help="sortie JSON")
    reminders.set_defaults(run=run_reminders)

    letters = commands.add_parser(
        "letters", help="lettres aux porteurs : notification de subvention, relance de bilan"
    )
    kinds = letters.add_subparsers(dest="letter_kind", metavar="LETTRE")
    kinds.required = True
    for kind, help_text in (
        ("notification", "notification de la décision (actions accordées de la campagne)"),
        ("relance", "relance des bilans en retard"),
    ):
        parser = kinds.add_parser(kind, help=help_text)
        add_db(parser)
        parser.add_argument(
            "--year",
            type=int,
            required=kind == "notification",
            metavar="ANNÉE",
            help="la campagne" + ("" if kind == "notification" else " (par défaut : toutes)"),
        )
        parser.add_argument(
            "-o", "--output", required=True, metavar="LETTRES.pdf", help="le fichier PDF"
        )
        parser.add_argument(
            "--per-holder",
            action="store_true",
            help="un PDF par porteur, dans le dossier donné par -o",
        )
        parser.add_argument(
            "--date", type=day, metavar="AAAA-MM-JJ", help="date des lettres (par défaut : ce jour)"
        )
        parser.set_defaults(run=run_letters)


def run_letters(args: argparse.Namespace) -> int:
    with open_for_reading(args.db) as dossier:
        if args.letter_kind == "notification":
            batch = notification_batch(dossier, args.year, on=args.date)
        else:
            batch = reminder_batch(dossier, args.year, on=args.date)
        written = write_letters(dossier, batch, args.output, per_holder=args.per_holder)
    where = (
        f"{len(written.paths)} fichier(s) dans {args.output}" if args.per_holder else args.output
    )
    print(
        f"{written.letters} lettre(s) ({batch.kind.label.lower()}, {written.actions} action(s)) "
        f"écrite(s) : {where}"
    )
    return 0


def _as_json(reminder: Reminder) -> dict[str, Any]:
    return {
        "kind": reminder.kind,
        "kind_label": reminder.kind_label,
        "text": reminder.text,
        "due_on": reminder.due_on.isoformat() if reminder.due_on else None,
        "year": reminder.year,
        "action": (
            {
                "id": reminder.action_id,
                "reference": reminder.reference,
                "holder": reminder.holder,
            }
            if reminder.action_id is not None
            else None
        ),
        "funder": (
            {"id": reminder.funder_id, "name": reminder.funder}
            if reminder.funder_id is not None
            else None
        ),
        "amount_cents": reminder.amount_cents,
    }


def run_reminders(args: argparse.Namespace) -> int:
    with open_for_reading(args.db) as dossier:
        if args.year is not None:
            campaign_of_year(dossier, args.year)  # refused like every command given --year
        reminders = list_reminders(dossier, args.year)
        notice = rules_notice(dossier)
    if notice:
        print(notice, file=sys.stderr)
    if args.json:
        print(json.dumps([_as_json(r) for r in reminders], ensure_ascii=False, indent=2))
        return 0
    where = f"de la campagne {args.year}" if args.year else "toutes campagnes"
    if not reminders:
        print(f"Rien à faire ({where}).")
        return 0
    labels = kind_labels()
    counts = ", ".join(f"{labels[k]} : {n}" for k, n in count_by_kind(reminders).items())
    print(f"{len(reminders)} chose(s) à faire ({where}) — {counts}")
    for r in reminders:
        due = f"{r.due_on:%d/%m/%Y}" if r.due_on else "—"
        print(f"{due:>10}  {r.kind_label:<30}  {r.concerns} : {r.text}")
    return 0
