"""The ``renew`` command of ``contrat-desktop-cli``: open campaign N+1 from campaign N.

Every renewable action of N is renewed (the window offers to choose); ``--dry-run`` lists what
would be created and what is left, with the reason, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from contrat_desktop.cli.arguments import add_db, year
from contrat_desktop.domain.renewal import AmountChoice
from contrat_desktop.operations.renewal import RenewalPlan, apply_renewal, plan_renewal
from contrat_desktop.storage.database import open_dossier

SHOWN = 30


def add_commands(commands: Any) -> None:
    renew = commands.add_parser(
        "renew", help="reconduire les actions d'une campagne dans la suivante"
    )
    add_db(renew)
    renew.add_argument("--from", dest="from_year", required=True, type=year, metavar="ANNÉE")
    renew.add_argument("--to", dest="to_year", required=True, type=year, metavar="ANNÉE")
    renew.add_argument(
        "--amounts",
        choices=[choice.value for choice in AmountChoice],
        default=AmountChoice.REQUESTED.value,
        help="montants des reconductions : demandés l'an dernier (par défaut), accordés, ou vides",
    )
    renew.add_argument("--dry-run", action="store_true", help="aperçu seulement, rien n'est écrit")
    renew.add_argument("--json", action="store_true", help="sortie JSON")
    renew.set_defaults(run=run_renew)


def run_renew(args: argparse.Namespace) -> int:
    amounts = AmountChoice(args.amounts)
    with open_dossier(args.db, read_only=args.dry_run) as dossier:
        if args.dry_run:
            plan = plan_renewal(dossier, args.from_year, args.to_year, amounts=amounts)
        else:
            plan = apply_renewal(dossier, args.from_year, args.to_year, amounts=amounts).plan
    if args.json:
        print(json.dumps({**plan.summary(), "dry_run": args.dry_run}, ensure_ascii=False, indent=2))
        return 0
    _print(plan, args.dry_run)
    return 0


def _print(plan: RenewalPlan, dry_run: bool) -> None:
    verb = "seraient reconduites" if dry_run else "reconduites"
    campaign = (
        f"la campagne {plan.to_year} {'serait' if dry_run else 'a été'} créée"
        if not plan.target_exists
        else f"dans la campagne {plan.to_year}, qui existait"
    )
    print(
        f"{len(plan.created)} action(s) de {plan.from_year} {verb} ({campaign}), "
        f"{len(plan.skipped)} laissée(s) ; montants : {plan.amounts.label}."
    )
    for line in plan.created[:SHOWN]:
        print(f"  + {line.reference} → {line.new_reference}  {line.title} ({line.holder})")
    if len(plan.created) > SHOWN:
        print(f"  … et {len(plan.created) - SHOWN} autre(s)")
    for line in plan.skipped[:SHOWN]:
        reason = line.skip.label if line.skip else ""
        print(f"  – {line.reference}  {line.title} ({line.holder}) : {reason}")
    if len(plan.skipped) > SHOWN:
        print(f"  … et {len(plan.skipped) - SHOWN} autre(s) laissée(s)")
    if dry_run:
        print("Aperçu seulement : rien n'a été écrit.")
