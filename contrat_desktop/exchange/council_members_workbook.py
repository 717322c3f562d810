"""The members of the conseil citoyen as a workbook for the préfecture: a « Membres » sheet
(the council's facts, then one row per member, filterable) and an « Effectifs » sheet. What
each row holds, and why no birth year: see ``domain.council_roster``."""

from __future__ import annotations

from pathlib import Path

from contrat_desktop.domain.council_roster import CouncilRoster
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.workbook_styles import Styles

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


def write_council_members_workbook(roster: CouncilRoster, target: str | Path) -> None:
    """Written under a temporary name, then renamed."""
    import xlsxwriter

    with replaced_atomically(target) as temporary:
        book = xlsxwriter.Workbook(str(temporary))
        styles = Styles(book)
        sheet = book.add_worksheet("Membres")
        sheet.write(0, 0, f"{roster.title} — {roster.council.name}", styles.title)
        facts = roster.facts()
        for row, (label, value) in enumerate(facts, start=1):
            sheet.write(row, 0, label, styles.total_label)
            sheet.write(row, 1, value, styles.text)
        top = len(facts) + 2
        for column, (header, width) in enumerate(COLUMNS):
            sheet.write(top, column, header, styles.header)
            sheet.set_column(column, column, width)
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
            )
            sheet.write_row(row, 0, values, styles.text)
            sheet.write_datetime(row, 8, line.entry_date, styles.date)
            sheet.write(row, 9, "oui" if line.steering_representative else "", styles.text)
        sheet.autofilter(top, 0, top + len(roster.lines), len(COLUMNS) - 1)
        sheet.freeze_panes(top + 1, 0)
        counts = book.add_worksheet("Effectifs")
        counts.write_row(0, 0, ("Effectif", "Nombre"), styles.header)
        for row, (label, count) in enumerate(roster.count_rows(), start=1):
            counts.write(row, 0, label, styles.text)
            counts.write_number(row, 1, count, styles.integer)
        counts.set_column(0, 0, 45)
        counts.set_column(1, 1, 10)
        book.close()
