"""The members of the conseil citoyen as a workbook for the préfecture: a « Membres » sheet
(the council's facts, then one row per member, filterable) and an « Effectifs » sheet. What
each row holds, and why no birth year: see ``domain.council_roster``."""

from __future__ import annotations

from pathlib import Path

from contrat_desktop.domain.council_roster import CouncilRoster
from contrat_desktop.exchange.workbook_styles import Style
from contrat_desktop.exchange.workbook_writer import ColumnSpec, PageSetup, write_workbook

COLUMNS = (  # header, width
    ("Collège", 28),
    ("Civilité", 9),
    ("Nom", 28),
    ("Sexe", 9),
    ("Tranche d'âge", 13),
    ("Quartier", 12),
    ("Désignation", 28),
    ("Structure", 30),
    ("Date d'entrée", 13),
    ("Représentant(e) aux instances de pilotage", 18),
)
MEMBER_STYLES = (*[Style.TEXT] * 8, Style.DATE, Style.TEXT)


def write_council_members_workbook(roster: CouncilRoster, target: str | Path) -> None:
    """Written under a temporary name, then renamed (.xlsx or .ods by the extension)."""
    with write_workbook(target) as book:
        sheet = book.add_sheet("Membres", [ColumnSpec(width) for _, width in COLUMNS])
        sheet.row(0, [f"{roster.title} — {roster.council.name}"], Style.TITLE)
        facts = roster.facts()
        for row, (label, value) in enumerate(facts, start=1):
            sheet.row(row, [label, value], [Style.TOTAL_LABEL, Style.TEXT])
        top = len(facts) + 2
        sheet.row(top, [header for header, _ in COLUMNS], Style.HEADER)
        for row, line in enumerate(roster.lines, start=top + 1):
            values = (
                line.college.label,
                line.civility,
                line.name,
                line.sex_label,
                line.age_band,
                line.district,
                line.designation.label,
                line.organisation,
                line.entry_date,
                "oui" if line.steering_representative else "",
            )
            sheet.row(row, values, MEMBER_STYLES)
        sheet.autofilter(top, 0, top + len(roster.lines), len(COLUMNS) - 1)
        sheet.freeze(top + 1, 0)
        sheet.page(PageSetup(landscape=True, repeat_rows=(top, top), page_numbers=True))
        counts = book.add_sheet("Effectifs", [ColumnSpec(45), ColumnSpec(10)])
        counts.row(0, ("Effectif", "Nombre"), Style.HEADER)
        for row, (label, count) in enumerate(roster.count_rows(), start=1):
            counts.row(row, (label, count), (Style.TEXT, Style.INTEGER))
