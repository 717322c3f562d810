"""The ``package`` commands: envois between the main dossier and its service copies.

``package service-copy`` makes a service's dossier from the main one; ``package write``
writes the package of a campaign (an envoi from a service copy, a retour with the decisions
from the main dossier); ``package apply`` previews it and, unless ``--dry-run``, applies it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from contrat_desktop.cli.arguments import EXIT_ERROR, EXIT_OK, add_db
from contrat_desktop.domain.french_dates import moment
from contrat_desktop.domain.packages import Choice, PackagePlan, Verdict
from contrat_desktop.exchange.package_file import PackageRefused
from contrat_desktop.operations.dossiers import open_for_reading
from contrat_desktop.operations.package_apply import apply_package
from contrat_desktop.operations.package_plan import plan_package
from contrat_desktop.operations.package_write import write_package_file
from contrat_desktop.operations.service_copy import make_service_copy
from contrat_desktop.storage.database import open_dossier

SHOWN = 40


def add_commands(commands: Any) -> None:
    package = commands.add_parser(
        "package", help="envois entre le dossier principal et les copies de service"
    )
    verbs = package.add_subparsers(dest="package_verb", metavar="ACTION")
    verbs.required = True

    copy = verbs.add_parser("service-copy", help="faire la copie d'un service (dossier principal)")
    add_db(copy)
    copy.add_argument("--service", required=True, metavar="SERVICE", help="service ou porteur")
    copy.add_argument("-o", "--output", required=True, metavar="COPIE.cdv")
    copy.set_defaults(run=run_service_copy)

    write = verbs.add_parser("write", help="écrire l'envoi (ou le retour) d'une campagne")
    add_db(write)
    write.add_argument("--year", required=True, type=int, metavar="ANNÉE")
    write.add_argument("references", nargs="*", metavar="RÉF", help="actions (toutes sinon)")
    write.add_argument("-o", "--output", required=True, metavar="FICHIER.cdvenvoi")
    write.set_defaults(run=run_write)

    apply = verbs.add_parser(
        "apply", help="ouvrir un envoi ou un retour : aperçu, puis application"
    )
    apply.add_argument("file", metavar="FICHIER.cdvenvoi")
    add_db(apply)
    apply.add_argument("--dry-run", action="store_true", help="aperçu seulement, rien n'est écrit")
    apply.add_argument(
        "--conflicts",
        choices=("garder", "prendre"),
        default="garder",
        help="champs modifiés des deux côtés : garder la valeur du dossier (défaut) ou "
        "prendre celle de l'envoi",
    )
    apply.add_argument("--json", action="store_true", help="sortie JSON")
    apply.set_defaults(run=run_apply)


def run_service_copy(args: argparse.Namespace) -> int:
    with open_for_reading(args.db) as dossier:
        target = make_service_copy(dossier, args.service, args.output)
    print(f"Copie de service écrite : {target} (service : {' '.join(args.service.split())})")
    return EXIT_OK


def run_write(args: argparse.Namespace) -> int:
    with open_dossier(args.db) as dossier:
        written = write_package_file(dossier, args.year, args.output, args.references)
    print(f"{written.kind.label} écrit : {written.path} ({written.actions} action(s))")
    return EXIT_OK


def run_apply(args: argparse.Namespace) -> int:
    try:
        with open_dossier(args.db, read_only=args.dry_run) as dossier:
            read = plan_package(dossier, args.file)
            read.plan.choose_all(Choice.TAKE if args.conflicts == "prendre" else Choice.MERGE)
            applied = None if args.dry_run else apply_package(dossier, read)
    except PackageRefused as refused:
        if args.json:
            print(json.dumps({"refused": True, "message": str(refused)}, ensure_ascii=False))
        print(f"Fichier refusé : {refused}", file=sys.stderr)
        return EXIT_ERROR
    plan = read.plan
    if args.json:
        summary: dict[str, Any] = {**plan.summary(), "applied": applied is not None}
        summary["actions"] = [
            {
                "uid": a.uid,
                "reference": a.reference,
                "verdict": a.verdict.value,
                "changes": [
                    {"field": c.label, "old": c.old, "new": c.new, "conflict": c.conflict}
                    for c in a.changes
                ],
            }
            for a in plan.actions
        ]
        if applied is not None:
            summary.update(
                journal_id=applied.journal_id,
                created=applied.created,
                updated=applied.updated,
                conflicts_kept=applied.conflicts_kept,
                new_references=applied.new_references,
                backup=str(applied.backup_path or ""),
            )
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(_describe(plan))
    if applied is None:
        print("Aperçu seulement : rien n'a été écrit.")
    elif not applied.wrote:
        print(
            "Rien à appliquer : le dossier contient déjà tout ce que porte cet envoi (ou ce qui "
            "diffère est ignoré). Aucune sauvegarde, rien au journal."
        )
    else:
        print(
            f"Envoi appliqué : {applied.created} action(s) créée(s), {applied.updated} "
            f"modifiée(s), {applied.conflicts_kept} valeur(s) en conflit gardée(s) "
            f"(sauvegarde : {applied.backup_path.name if applied.backup_path else ''})."
        )
        for old, new in applied.new_references.items():
            print(f"  la référence {old} était prise : l'action est devenue {new}")
    return EXIT_OK


def _describe(plan: PackagePlan) -> str:
    h = plan.header
    lines = [
        f"{h.kind.label} « {plan.file_name} » de {h.sender}, écrit le "
        f"{moment(h.written_at)} par {h.written_by}, campagne {h.year}",
        f"Actions nouvelles : {plan.count(Verdict.NEW)}  modifiées : "
        f"{plan.count(Verdict.CHANGED)}  en conflit : {plan.count(Verdict.CONFLICT)}  "
        f"inchangées : {plan.count(Verdict.UNCHANGED)}  absentes : {plan.count(Verdict.ABSENT)}",
    ]
    if plan.already_applied_at:
        lines.append(f"Cet envoi a déjà été appliqué le {moment(plan.already_applied_at)}.")
    for action in [a for a in plan.actions if a.changes or a.notes][:SHOWN]:
        lines.append(f"  {action.reference} {action.title} ({action.verdict.value})")
        lines += [f"    ! {note}" for note in action.notes]
        for change in action.changes:
            mark = "CONFLIT " if change.conflict else ""
            where = change.record.split(":", 1)[-1] + " – " if ":" in change.record else ""
            lines.append(f"    {mark}{where}{change.label} : {change.old or '—'} → {change.new}")
            if change.local_edit:
                lines.append(f"      ({change.local_edit})")
    return "\n".join(lines)
