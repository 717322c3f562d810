"""The ``import`` command of ``contrat-desktop-cli`` (a workbook read into the dossier; the
``export`` commands are in ``cli/exports.py``).

Exit codes of ``import``: 0 applied (or previewed, or nothing to change), 1 nothing applied
because rows are in error, undecided, or new and not to be created without
``--create-missing``, 2 file refused (or another error).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from contrat_desktop.cli.arguments import add_db
from contrat_desktop.cli.reconciliation import add_choice_arguments, apply_choices
from contrat_desktop.cli.reconciliation import describe as describe_reconciliation
from contrat_desktop.domain.money import format_cents
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.import_changes import Resolution, french_time
from contrat_desktop.operations.import_plan import ImportPlan, RowKind
from contrat_desktop.operations.imports import (
    ImportResult,
    NothingToImport,
    apply_import,
    plan_import,
)
from contrat_desktop.storage.database import open_dossier

EXIT_OK, EXIT_ROWS_IN_ERROR, EXIT_REFUSED = 0, 1, 2
SHOWN = 30


def add_commands(commands: Any) -> None:
    imported = commands.add_parser(
        "import",
        help="importer un classeur (retour de la préfecture, annuaire des porteurs, bilans)",
    )
    imported.add_argument("file", metavar="CLASSEUR.xlsx")
    add_db(imported)
    imported.add_argument("--sheet", metavar="NOM", help="feuille à lire (par défaut : reconnue)")
    imported.add_argument(
        "--dry-run", action="store_true", help="aperçu seulement, rien n'est écrit"
    )
    imported.add_argument(
        "--skip-invalid-rows", action="store_true", help="importer en ignorant les lignes en erreur"
    )
    imported.add_argument(
        "--create-missing", action="store_true", help="créer les actions et porteurs inconnus"
    )
    imported.add_argument(
        "--year",
        type=int,
        metavar="ANNÉE",
        help="campagne du classeur, quand il ne l'indique pas (colonne « Exercice », titre)",
    )
    imported.add_argument(
        "--conflicts",
        choices=("keep", "take"),
        help="valeurs modifiées dans le dossier depuis l'export du classeur : les garder "
        "(keep) ou prendre celles du classeur (take) ; sans cette option, rien n'est importé",
    )
    add_choice_arguments(imported)
    imported.add_argument("--json", action="store_true", help="sortie JSON")
    imported.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    nothing: NothingToImport | None = None
    try:
        # no daily backup on open: a refused file must leave no trace, and the import
        # takes its own backup (avant-import) once the file is accepted
        with open_dossier(args.db, read_only=args.dry_run, daily_backup=False) as dossier:
            plan = plan_import(dossier, args.file, sheet=args.sheet, year=args.year)
            if args.conflicts:
                plan.resolve_all(Resolution.KEEP if args.conflicts == "keep" else Resolution.TAKE)
            refused_choice = apply_choices(dossier, plan, args)
            if refused_choice:
                print(f"Rien n'a été importé : {refused_choice}", file=sys.stderr)
                return EXIT_ROWS_IN_ERROR
            undecided = bool(plan.of_kind(RowKind.AMBIGUOUS))
            blocked = (plan.has_errors or undecided) and not args.skip_invalid_rows
            in_conflict = plan.unresolved_conflicts()
            no_year = plan.year_needed and args.create_missing
            result = None
            if not args.dry_run and not blocked and not no_year and not in_conflict:
                try:
                    result = apply_import(
                        dossier,
                        plan,
                        skip_invalid_rows=args.skip_invalid_rows,
                        create_missing=True if args.create_missing else None,
                    )
                except NothingToImport as error:
                    nothing = error
    except WorkbookRefused as refused:
        if args.json:
            print(json.dumps({"refused": True, "message": str(refused)}, ensure_ascii=False))
        print(f"Fichier refusé : {refused}", file=sys.stderr)
        return EXIT_REFUSED
    summary = plan.summary(ambiguous_as_errors=not args.skip_invalid_rows)
    summary["applied"] = result is not None
    summary["created"] = result.created if result else 0
    summary["not_created"] = _not_created(plan, result, nothing, args)
    summary["message"] = _outcome(plan, result, nothing, summary["not_created"], args)
    if plan.reconciliation is not None:
        summary["rapprochement"] = plan.reconciliation.summary(plan)
    if result is not None:
        summary["journal_id"] = result.journal_id
        summary["backup"] = str(result.backup_path)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(_describe(plan, summary))
    if blocked and not args.dry_run:
        print(
            "Rien n'a été importé : des lignes sont en erreur ou correspondent à plusieurs "
            "actions (corrigez le classeur, ou relancez avec --skip-invalid-rows).",
            file=sys.stderr,
        )
        return EXIT_ROWS_IN_ERROR
    if in_conflict and not args.dry_run:
        print(
            f"Rien n'a été importé : {in_conflict} valeur(s) ont été modifiées dans le dossier "
            "après l'export de ce classeur (voir CONFLIT ci-dessus). Relancez avec "
            "--conflicts keep pour garder celles du dossier, ou --conflicts take pour prendre "
            "celles du classeur.",
            file=sys.stderr,
        )
        return EXIT_ROWS_IN_ERROR
    if no_year and not args.dry_run:
        print(
            "Rien n'a été importé : le classeur n'indique pas l'année de sa campagne (ni "
            "colonne « Exercice » ou « Année », ni titre comme « Programmation – exercice "
            "2023 ») ; précisez-la avec --year ANNÉE pour créer ses actions nouvelles.",
            file=sys.stderr,
        )
        return EXIT_ROWS_IN_ERROR
    if summary["not_created"] and not args.dry_run:
        print(summary["message"], file=sys.stderr)
    if nothing is not None and nothing.not_created:
        return EXIT_ROWS_IN_ERROR
    return EXIT_OK


def _not_created(
    plan: ImportPlan, result: ImportResult | None, nothing: NothingToImport | None, args: Any
) -> int:
    if result is not None:
        return result.not_created
    if nothing is not None:
        return nothing.not_created
    return 0 if args.create_missing else len(plan.of_kind(RowKind.NEW))


def _outcome(
    plan: ImportPlan,
    result: ImportResult | None,
    nothing: NothingToImport | None,
    not_created: int,
    args: Any,
) -> str:
    """What was done, and what was not and how to ask for it, in one French paragraph."""
    if args.dry_run:
        done = "Aperçu seulement : rien n'a été écrit."
    elif result is not None:
        done = (
            f"Import appliqué : {result.updated} ligne(s) mise(s) à jour, "
            f"{result.created} créée(s)."
        )
    elif nothing is not None:
        done = str(nothing)
    else:
        done = "Rien n'a été importé."
    if not_created and not args.create_missing:
        done += (
            f" {not_created} ligne(s) nouvelle(s) non créée(s) : relancez avec "
            "--create-missing pour créer les actions et porteurs absents du dossier."
        )
    elif not_created:
        done += f" {not_created} ligne(s) nouvelle(s) non créée(s) (voir les avertissements)."
    return done


def _describe(plan: ImportPlan, summary: dict[str, Any]) -> str:
    lines = [
        f"Classeur : {plan.file_name} (feuille « {plan.sheet} », en-tête ligne {plan.header_row}, "
        f"modèle « {plan.layout} », correspondance {plan.mapping_origin.value})",
        f"Lignes nouvelles : {summary['new']}  modifiées : {summary['updated']}  "
        f"inchangées : {summary['unchanged']}  à trancher : {summary['ambiguous']}  "
        f"en conflit : {len(plan.conflicts())}  en erreur : {summary['errors']}",
        f"Montants lus : {format_cents(plan.amount_cents)}",
    ]
    if plan.export_mark is not None:
        lines.append(f"Exporté par contrat_desktop le {french_time(plan.export_mark.exported_at)}")
    if plan.campaign_year:
        lines.append(f"Campagne : {plan.campaign_year} ({plan.campaign_source})")
    elif plan.year_needed:
        lines.append("Campagne : non indiquée par le classeur (précisez-la avec --year ANNÉE)")
    if plan.unmapped_headers:
        lines.append("Colonnes ignorées : " + ", ".join(plan.unmapped_headers))
    for row in plan.of_kind(RowKind.CHANGED)[:SHOWN]:
        changes = "; ".join(f"{c.column} : {c.old} → {c.new}" for c in row.changes)
        lines.append(f"  ligne {row.row} ({row.label}) : {changes}")
    for row, conflict in plan.conflicts()[:SHOWN]:
        chosen = row.resolutions.get(conflict.change.key)
        lines.append(
            f"  CONFLIT ligne {row.row} ({row.label}), « {conflict.change.column} » : dossier "
            f"« {conflict.change.old} » ({conflict.since()}), classeur « {conflict.change.new} »"
            + (f" ({conflict.workbook_side()})" if conflict.workbook_side() else "")
            + (f" → {chosen.value}" if chosen else "")
        )
    issues = [*plan.errors, *plan.ambiguity_issues()]
    for issue in sorted(issues, key=lambda issue: issue.row)[:SHOWN]:
        lines.append(
            f"  ERREUR feuille « {issue.sheet} », ligne {issue.row}, colonne « {issue.column} » "
            f"(« {issue.value} ») : {issue.message}"
        )
    for issue in plan.all_warnings[:SHOWN]:
        lines.append(f"  attention ligne {issue.row}, « {issue.column} » : {issue.message}")
    lines += describe_reconciliation(plan)
    lines.append(summary["message"])
    return "\n".join(lines)
