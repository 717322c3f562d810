"""The ``reminders`` and ``letters`` commands of ``contrat-desktop-cli`` (the funding cycle
after the decision)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from contrat_desktop.cli.arguments import add_db
from contrat_desktop.domain.reminders import Reminder
from contrat_desktop.operations.reminders import count_by_kind, kind_labels, list_reminders
from contrat_desktop.storage.database import open_dossier


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
    with open_dossier(args.db, read_only=True) as dossier:
        reminders = list_reminders(dossier, args.year)
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
