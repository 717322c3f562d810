"""The members of the conseil citoyen as a PDF for the préfecture (the recognition arrêté):
the council's facts, one table per college, the counts. What each line holds, and why no
birth year: see ``domain.council_roster``."""

from __future__ import annotations

from datetime import datetime, time

from reportlab.platypus import Flowable

from contrat_desktop.domain.council import College
from contrat_desktop.domain.council_roster import CouncilRoster, RosterLine
from contrat_desktop.domain.french_dates import short_date
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.grid import grid
from contrat_desktop.reports.header import document_header
from contrat_desktop.reports.styles import build_pdf, heading, para

REPRESENTATIVE_MARK = " *"
HEADER = ("N°", "Civilité", "Nom", "Âge", "Quartier", "Désignation", "Structure", "Entrée")
WIDTHS = (0.04, 0.07, 0.22, 0.11, 0.1, 0.17, 0.17, 0.12)


def council_members_pdf(roster: CouncilRoster, settings: DocumentSettings | None = None) -> bytes:
    settings = settings or DocumentSettings()
    story: list[Flowable] = [
        *document_header(settings, roster.title),
        grid(
            [(para(k, "cell_bold"), para(v, "cell")) for k, v in roster.facts()],
            (0.3, 0.7),
            header=False,
        ),
    ]
    for college in College:
        lines = roster.college(college)
        story += heading(f"Collège « {college.label} » ({len(lines)})")
        story.append(_members(lines) if lines else para("Aucun membre."))
    if any(line.steering_representative for line in roster.lines):
        story.append(
            para(f"{REPRESENTATIVE_MARK.strip()} représentant(e) du conseil citoyen aux "
                 "instances de pilotage du contrat de ville.", "small")
        )  # fmt: skip
    story += heading("Effectifs")
    story.append(grid([("Effectif", "Nombre"), *roster.count_rows()], (0.6, 0.15), align="LEFT"))
    return build_pdf(
        story,
        title=f"{roster.title} — {roster.council.name}",
        author=settings.organisation_name or "contrat_desktop",
        footer=f"{roster.council.name} — membres au {short_date(roster.day)}",
        created=datetime.combine(roster.day, time()),
    )


def _members(lines: list[RosterLine]) -> Flowable:
    rows: list[tuple[str, ...]] = [HEADER]
    rows += [
        (
            str(number),
            line.civility,
            line.name + (REPRESENTATIVE_MARK if line.steering_representative else ""),
            line.age_band,
            line.district,
            line.designation.label,
            line.organisation,
            short_date(line.entry_date),
        )
        for number, line in enumerate(lines, start=1)
    ]
    return grid(rows, WIDTHS)
