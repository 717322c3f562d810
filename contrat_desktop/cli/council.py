"""The conseil citoyen's commands of ``contrat-desktop-cli``.

``draw``: reads the lists (CSV or workbooks), checks the quotas can be met, draws, keeps the
lists and the record in the dossier, prints the result and writes the procès-verbal if asked.
``council-members``: the member list for the préfecture (.xlsx, .ods or .pdf);
``council-participation``: who came to the meetings they were convened to;
``council-notice``: the RGPD processing notice (.html) filled in from the dossier.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from contrat_desktop.cli.arguments import add_db, day
from contrat_desktop.domain.draw import CandidateList
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.quotas import Quota
from contrat_desktop.exchange.candidate_lists import CandidateReading
from contrat_desktop.operations.council_draw import DrawSetting, draw_from_files
from contrat_desktop.operations.council_members import export_council_members, only_council
from contrat_desktop.operations.council_notice import write_privacy_notice
from contrat_desktop.operations.council_participation import council_participation
from contrat_desktop.operations.dossiers import open_for_reading
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.errors import DossierError


def add_commands(commands: Any) -> None:
    draw = commands.add_parser(
        "draw", help="tirage au sort du conseil citoyen (listes, sièges, quotas, graine)"
    )
    add_db(draw)
    draw.add_argument(
        "--list", dest="lists", action="append", required=True, metavar="LISTE",
        help="liste de candidats (.csv, .xlsx, .ods) ; répétable",
    )  # fmt: skip
    draw.add_argument("--seats", type=int, required=True, metavar="N", help="sièges à pourvoir")
    draw.add_argument(
        "--quota", dest="quotas", action="append", default=[], metavar="DIM:VALEUR:MIN:MAX",
        help="quota, par exemple sexe:F:10:12, age:60+:3:, quartier:QP094017:5: ; répétable",
    )  # fmt: skip
    draw.add_argument("--seed", required=True, metavar="GRAINE", help="graine publique du tirage")
    draw.add_argument("--year", type=int, metavar="ANNÉE", help="année de calcul des âges")
    draw.add_argument("--reserve", type=int, metavar="N", help="taille de la réserve (= sièges)")
    draw.add_argument("--place", default="", metavar="LIEU", help="lieu du tirage")
    draw.add_argument(
        "--witness", dest="witnesses", action="append", default=[], metavar="NOM",
        help="témoin du tirage ; répétable",
    )  # fmt: skip
    draw.add_argument("--council", type=int, metavar="N", help="numéro du conseil citoyen")
    draw.add_argument("-o", "--output", metavar="PV.pdf", help="écrire le procès-verbal")
    draw.add_argument("--json", action="store_true", help="sortie JSON")
    draw.set_defaults(run=run_draw_command)

    members = commands.add_parser(
        "council-members", help="liste des membres du conseil citoyen pour la préfecture"
    )
    _dossier_and_council(members)
    members.add_argument("--on", type=day, metavar="AAAA-MM-JJ", help="membres à cette date")
    members.add_argument("-o", "--output", required=True, metavar="FICHIER.xlsx|.ods|.pdf")
    members.set_defaults(run=run)
    participation = commands.add_parser(
        "council-participation", help="présence des membres du conseil citoyen aux réunions"
    )
    _dossier_and_council(participation)
    participation.add_argument(
        "--until", type=day, metavar="AAAA-MM-JJ", help="réunions jusqu'à cette date incluse"
    )
    participation.add_argument("--json", action="store_true", help="sortie JSON")
    participation.set_defaults(run=run)
    notice = commands.add_parser(
        "council-notice", help="fiche RGPD du traitement des données du conseil citoyen"
    )
    add_db(notice)
    notice.add_argument("-o", "--output", required=True, metavar="FICHIER.html")
    notice.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``council-members``, ``council-participation`` or ``council-notice``."""
    if args.command == "council-notice":
        with open_for_reading(args.db) as dossier:
            print(f"Fiche écrite : {write_privacy_notice(dossier, args.output, date.today())}")
        return 0
    with open_for_reading(args.db) as dossier:
        council_id = args.council or only_council(dossier)
        if args.command == "council-members":
            roster = export_council_members(
                dossier, council_id, args.output, args.on or date.today()
            )
            print(f"{len(roster.lines)} membre(s) au {roster.day:%d/%m/%Y} : {args.output}")
            return 0
        found = council_participation(dossier, council_id, args.until)
    rows = [
        {"nom": m.name, "college": m.college.label, "convocations": m.counts.convened,
         "present": m.counts.present, "represente": m.counts.represented,
         "excuse": m.counts.excused, "absent": m.counts.absent, "taux": m.counts.rate}
        for m in found.members
    ]  # fmt: skip
    total = found.total
    if args.json:
        summary = {"membres": rows, "convocations": total.convened, "taux": total.rate}
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    for m in found.members:
        c = m.counts
        print(f"{m.name} ({m.college.label}) : {c.attended}/{c.convened} — {c.rate_label} "
              f"(présent {c.present}, représenté {c.represented}, excusé {c.excused}, "
              f"absent {c.absent})")  # fmt: skip
    print(f"Conseil : {total.attended}/{total.convened} — {total.rate_label}")
    return 0


def _dossier_and_council(parser: Any) -> None:
    add_db(parser)
    parser.add_argument("--council", type=int, metavar="N", help="numéro du conseil citoyen")


def run_draw_command(args: argparse.Namespace) -> int:
    quotas = tuple(Quota.parse(text) for text in args.quotas)
    drawn_at = datetime.now().replace(microsecond=0)
    for path in args.lists:
        if not Path(path).is_file():
            raise DossierError(f"Liste de candidats introuvable : {path}")
    setting = DrawSetting(
        args.seats,
        args.seed,
        args.year or drawn_at.year,
        quotas,
        args.reserve,
        args.place,
        tuple(args.witnesses),
    )
    with open_dossier(args.db) as dossier:  # no lists kept if it fails
        record = draw_from_files(
            dossier,
            [Path(path) for path in args.lists],
            setting,
            args.council,
            drawn_at,
            Path(args.output) if args.output else None,
            on_read=_say_left_out,
        )
    print(
        json.dumps(_as_json(record), ensure_ascii=False, indent=2) if args.json else _text(record)
    )
    if args.output and not args.json:
        print(f"Procès-verbal écrit : {args.output}")
    return 0


def _say_left_out(kept: CandidateList, reading: CandidateReading) -> None:
    for issue in reading.issues:
        print(
            f"Liste « {kept.name} », ligne {issue.row}, colonne « {issue.column} » : "
            f"{issue.message} — ligne écartée.",
            file=sys.stderr,
        )


def _as_json(record: DrawRecord) -> dict[str, Any]:
    def person(c: Any) -> dict[str, Any]:
        sex = c.sex.value if c.sex else None
        return {"liste": c.list_name, "identifiant": c.key, "nom": c.name, "sexe": sex,
                "annee_naissance": c.birth_year, "quartier": c.district}  # fmt: skip

    return {
        "tirage": record.id,
        "graine": record.seed,
        "algorithme": record.algorithm_version,
        "sieges": record.seats,
        "annee_reference": record.reference_year,
        "listes": [
            {"nom": s.name, "inscrits": s.size, "empreinte": s.checksum} for s in record.lists
        ],
        "quotas": [q.label for q in record.quotas],
        "candidats_distincts": record.pool_size,
        "doublons": record.duplicates,
        "tires_au_sort": [person(c) for c in record.selected],
        "reserve": [person(c) for c in record.reserve],
    }


def _text(record: DrawRecord) -> str:
    lines = [
        f"Tirage n° {record.id} — graine « {record.seed} », algorithme {record.algorithm_version}",
        *(f"Liste « {s.name} » : {s.size} inscrits, empreinte {s.checksum}" for s in record.lists),
        f"{record.pool_size} candidats distincts, "
        f"{record.duplicates} doublon(s) retenu(s) une fois",
        *(f"Quota {q.label}" for q in record.quotas),
        f"Tirés au sort ({len(record.selected)}) :",
        *(_line(n, c) for n, c in enumerate(record.selected, start=1)),
        f"Réserve, dans l'ordre ({len(record.reserve)}) :",
        *(_line(n, c) for n, c in enumerate(record.reserve, start=1)),
    ]
    return "\n".join(lines)


def _line(number: int, c: Any) -> str:
    sex = c.sex.value if c.sex else "?"
    year = c.birth_year or "?"
    return (
        f"  {number:>3}. {c.name} ({sex}, {year}, {c.district or '?'}) — {c.list_name} n° {c.key}"
    )
