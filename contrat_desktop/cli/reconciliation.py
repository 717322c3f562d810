"""The reconciliation in the ``import`` command: the choices given for rows the dossier lacks
(``--create-row``, ``--link-row``, ``--ignore-row``) and the four categories in the text
output (``--json`` carries them under ``rapprochement``)."""

from __future__ import annotations

import argparse
from typing import Any

from contrat_desktop.domain.reconciliation import Category, Choice
from contrat_desktop.operations.import_plan import ImportPlan, RowKind
from contrat_desktop.operations.reconcile_choices import ChoiceRefused, choose, choose_by_reference
from contrat_desktop.operations.reconciliation import amount_text
from contrat_desktop.storage.database import Dossier

SHOWN = 30


def add_choice_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--create-row",
        type=int,
        action="append",
        default=[],
        metavar="LIGNE",
        help="créer l'action de cette ligne absente du dossier (choix mémorisé pour l'an prochain)",
    )
    parser.add_argument(
        "--link-row",
        action="append",
        default=[],
        metavar="LIGNE=RÉFÉRENCE",
        help="rattacher cette ligne à l'action de cette référence (choix mémorisé)",
    )
    parser.add_argument(
        "--ignore-row",
        type=int,
        action="append",
        default=[],
        metavar="LIGNE",
        help="ignorer cette ligne absente du dossier (choix mémorisé)",
    )


def apply_choices(dossier: Dossier, plan: ImportPlan, args: Any) -> str:
    """Make the choices given on the command line; the French reason of the first one
    refused ("" when all were made)."""
    if plan.reconciliation is None:
        given = args.create_row or args.link_row or args.ignore_row
        return (
            "Ce classeur n'est pas un tableau de programmation : aucun choix de ligne."
            if given
            else ""
        )
    try:
        for row in args.create_row:
            choose(dossier, plan, row, Choice.CREATE)
        for row in args.ignore_row:
            choose(dossier, plan, row, Choice.IGNORE)
        for given in args.link_row:
            row_text, _, reference = given.partition("=")
            if not row_text.strip().isdigit() or not reference.strip():
                return f"--link-row « {given} » : attendu LIGNE=RÉFÉRENCE (ex. 4=2024-CS-003)."
            choose_by_reference(dossier, plan, int(row_text), reference.strip())
    except ChoiceRefused as refused:
        return str(refused)
    return ""


def describe(plan: ImportPlan) -> list[str]:
    """The reconciliation's lines of the text output."""
    found = plan.reconciliation
    if found is None:
        return []
    counts = found.counts(plan)
    lines = [
        f"Rapprochement (campagne {found.year or 'inconnue'}"
        + (f", contrat {found.contract_code}" if found.contract_code else "")
        + ") : "
        + " · ".join(
            f"{category.heading.lower()} : {counts[category.key]}" for category in Category
        )
    ]
    if aside := found.set_aside_text():
        lines.append(f"  Lignes laissées de côté : {aside}")
    for category in (Category.DIFFERENT, Category.FILE_ONLY):
        rows = found.rows_of(plan, category)
        if rows:
            lines.append(f"  {category.heading} :")
        for row in rows[:SHOWN]:
            text = "    " + found.describe_row(row)
            facts = found.rows.get(row.row)
            if category is Category.FILE_ONLY and row.kind in (RowKind.NEW, RowKind.AMBIGUOUS):
                if found.choice_of(row) is None:
                    text += f" — à choisir : --create-row {row.row}, --ignore-row {row.row} ou "
                    text += f"--link-row {row.row}=RÉFÉRENCE"
                if facts and facts.suggestions:
                    text += " (actions du porteur : "
                    text += ", ".join(s.reference for s in facts.suggestions) + ")"
            lines.append(text)
    missing = found.dossier_only(plan)
    if missing:
        lines.append(f"  {Category.DOSSIER_ONLY.heading} ({found.scope}) :")
    for action in missing[:SHOWN]:
        lines.append(f"    {action.describe()} ({amount_text(action.amount_cents)})")
    return lines
