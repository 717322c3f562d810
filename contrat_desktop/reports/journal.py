"""The journal of the dossier printed: a landscape table, newest change first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, Table

from contrat_desktop.domain.journal import JournalLine
from contrat_desktop.reports.styles import build_pdf, frame_width, page_template, para, table_style

HEADER = ("Quand", "Qui", "Quoi", "Champ", "Ancienne valeur", "Nouvelle valeur")
SHARES = (0.09, 0.08, 0.21, 0.12, 0.25, 0.25)
ROWS_PER_TABLE = 400  # one long table is slow to split: several follow each other


def journal_pdf(
    lines: Sequence[JournalLine], title: str, described: str, organisation: str, at: datetime
) -> bytes:
    size = landscape(A4)
    width = frame_width(size)
    story: list[Flowable] = [
        para(organisation, "h3"),
        para(title, "title"),
        para(f"Filtre : {described} — {len(lines)} ligne(s), de la plus récente à la plus "
             f"ancienne. Édité le {at:%d/%m/%Y à %H:%M}."),
    ]  # fmt: skip
    header = [para(text, "cell_bold") for text in HEADER]
    for start in range(0, len(lines), ROWS_PER_TABLE):
        rows = [header]
        for line in lines[start : start + ROWS_PER_TABLE]:
            values = (line.when, line.who, line.what, line.field, line.old, line.new)
            rows.append([para(value, "cell") for value in values])
        table = Table(rows, colWidths=[width * share for share in SHARES], repeatRows=1)
        table.setStyle(table_style())
        story.append(table)
    return build_pdf(
        story,
        title=title,
        author=organisation,
        footer=f"{organisation} – {title}".lstrip(" –"),
        created=at,
        templates=[page_template("paysage", size)],
    )
