"""The member list of the conseil citoyen for the préfecture: gathered on a given day, then
written as a workbook (.xlsx, .ods) or a PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from contrat_desktop.domain.council import College, active_members, composition_on
from contrat_desktop.domain.council_roster import CouncilRoster, RosterLine
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.holder_activity import fold
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.council_members_workbook import write_council_members_workbook
from contrat_desktop.exchange.file_format import file_format
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

SUFFIXES = (".xlsx", ".ods", ".pdf")


def only_council(dossier: Dossier) -> int:
    """The id of the dossier's council when it has exactly one (the usual case)."""
    councils = Repositories(dossier).councils.all()
    if len(councils) != 1:
        raise ValidationError(
            "Ce dossier ne compte aucun conseil citoyen."
            if not councils
            else f"Ce dossier compte {len(councils)} conseils citoyens : précisez lequel."
        )
    return councils[0].id or 0


def council_roster(dossier: Dossier, council_id: int, day: date) -> CouncilRoster:
    """The members sitting on ``day``: residents first, then local actors, by name."""
    repos = Repositories(dossier)
    council = repos.councils.get(council_id)
    members = repos.council_members.for_council(council_id)
    sitting = active_members(members, day)
    names = {pid: p.name for pid, p in repos.persons.by_ids([m.person_id for m in sitting]).items()}
    lines = sorted(
        (RosterLine.of(m, names.get(m.person_id, ""), day) for m in sitting),
        key=lambda line: (line.college is not College.RESIDENTS, fold(line.name)),
    )
    known = {d.code: d.name for d in repos.districts.all()}
    districts = tuple(
        f"{code} – {known[code]}" if code in known else code for code in council.district_codes
    )
    return CouncilRoster(
        council,
        day,
        load_document_settings(dossier).organisation_name,
        districts,
        tuple(lines),
        composition_on(sitting, day),
    )


def export_council_members(
    dossier: Dossier, council_id: int, target: str | Path, day: date
) -> CouncilRoster:
    """Write the list of ``day`` to ``target``, a workbook or a PDF by its suffix."""
    target = Path(target)
    kind = file_format(target, SUFFIXES)
    roster = council_roster(dossier, council_id, day)
    if kind != "pdf":
        write_council_members_workbook(roster, target)
    else:
        from contrat_desktop.reports.council_members import council_members_pdf

        content = council_members_pdf(roster, load_document_settings(dossier))
        with replaced_atomically(target) as temporary:
            temporary.write_bytes(content)
    return roster
