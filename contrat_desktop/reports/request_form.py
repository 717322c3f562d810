"""The pre-filled request form of a holder as PDF bytes, in the documents' look: what the
dossier knows (identity, actions, amounts asked last) beside an empty column to correct or
complete by hand, a blank block for a new action, the pieces to join, the signature."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from contrat_desktop.domain.french_dates import short_date
from contrat_desktop.domain.request_form import FormAction, RequestForm
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.action_sheet import UNTINTED, compact
from contrat_desktop.reports.amounts import euros
from contrat_desktop.reports.header import document_header
from contrat_desktop.reports.styles import BOLD, build_pdf, frame_width, heading, para

WRITE_HEIGHT = 20  # points left to write in, per line
FOOTER_CHARACTERS = 90  # the page number stays clear of it
BLANK_ROWS = (
    "Intitulé", "Pilier ou thématique", "Quartiers visés", "Public visé",
    "Bénéficiaires attendus", "Dates prévues", "Lieu", "Objectifs", "Description",
)  # fmt: skip


def request_form_pdf(form: RequestForm, settings: DocumentSettings, created: datetime) -> bytes:
    story: list[Flowable] = [*document_header(settings, "Formulaire de demande de subvention")]
    due = (
        f" – à retourner avant le {short_date(form.filing_deadline)}"
        if form.filing_deadline
        else ""
    )
    story.append(para(f"Campagne {form.year}{due}", "h3"))
    story.append(
        para(
            "Ce formulaire reprend ce que nous savons de votre structure et de vos actions. "
            "Corrigez dans la colonne de droite ce qui a changé, complétez ce qui manque, "
            "ajoutez vos nouvelles actions, joignez les pièces listées à la fin et retournez-le "
            "signé. Vous pouvez aussi remplir le classeur qui l'accompagne."
        )
    )
    story += [*heading("1. Votre structure"), _known_and_blank(_identity(form))]
    story += heading("2. Vos actions")
    if not form.actions:
        story.append(
            para("Aucune action connue pour cette campagne : décrivez la vôtre ci-dessous.")
        )
    for item in form.actions:
        story += _action(item, form)
    story += [CondPageBreak(220), *heading("3. Nouvelle action"), _blank_action()]
    story += _funding_blank(form.funders)
    story += _pieces(form.pieces)
    story += _signature()
    name = form.holder.display_name
    return build_pdf(
        story,
        title=f"{form.title} – {name}",
        author=settings.organisation_name or "contrat_desktop",
        footer=f"Formulaire de demande {form.year} – {name}"[:FOOTER_CHARACTERS],
        created=created,
    )


def _identity(form: RequestForm) -> list[tuple[str, str]]:
    holder = form.holder
    place = " ".join(p for p in (holder.postcode, holder.city) if p)
    return [
        ("Raison sociale", holder.legal_name),
        ("Sigle", holder.acronym),
        ("Type", holder.kind.label),
        ("SIRET", holder.siret),
        ("N° RNA", holder.rna),
        ("Adresse", ", ".join(p for p in (holder.address, place) if p)),
        ("Représentant légal", holder.legal_representative),
        ("Personne à contacter", holder.contact_name),
        ("Courriel", holder.contact_email),
        ("Téléphone", holder.contact_phone),
    ]


def _known_and_blank(rows: Sequence[tuple[str, str]], known: str = "Connu") -> Table:
    width = frame_width()
    cells: list[list[Any]] = [["", known, "Correction ou complément"]]
    cells += [[label, para(value, "cell") if len(value) > 45 else value or "—", ""]
              for label, value in rows]  # fmt: skip
    table = Table(
        cells,
        colWidths=[width * 0.24, width * 0.38, width * 0.38],
        rowHeights=[None] + [None if len(value) > 90 else WRITE_HEIGHT for _, value in rows],
        repeatRows=1,
    )
    table.setStyle(
        compact(("FONTNAME", (0, 0), (0, -1), BOLD), ("FONTNAME", (0, 0), (-1, 0), BOLD))
    )
    return table


def _action(item: FormAction, form: RequestForm) -> list[Flowable]:
    sheet, action = item.sheet, item.sheet.action
    if item.this_year:
        what = f"Action {action.reference} – {action.title}"
    else:
        what = (
            f"{action.title} (action {sheet.year} {action.reference}, à reconduire en {form.year})"
        )
    people = action.beneficiaries.total
    dates = ""
    if item.this_year and (action.start_date or action.end_date):
        dates = f"du {short_date(action.start_date)} au {short_date(action.end_date)}"
    rows = [
        ("Intitulé", action.title),
        ("Pilier ou thématique", sheet.framework),
        ("Quartiers visés", " ; ".join(sheet.districts)),
        ("Public visé", action.target_public),
        ("Bénéficiaires attendus", f"{people} personnes" if people is not None else ""),
        ("Dates prévues", dates),
        ("Lieu", action.place),
        ("Objectifs", action.objectives),
        ("Description", action.description),
    ]
    known = "Demande en cours" if item.this_year else f"En {sheet.year}"
    story: list[Flowable] = [CondPageBreak(160), para(what, "h3"), _known_and_blank(rows, known)]
    width = frame_width()
    amounts: list[list[Any]] = [["Financeur", "Montant demandé", f"À demander pour {form.year}"]]
    amounts += [[line.funder, euros(line.requested_cents), ""] for line in sheet.funding]
    amounts += [
        ["Fonds propres", euros(action.own_funds_cents), ""],
        ["Autres produits", euros(action.other_income_cents), ""],
        ["Coût total (charges)", euros(action.total_cost_cents), ""],
    ]
    table = Table(amounts, colWidths=[width * 0.44, width * 0.28, width * 0.28], repeatRows=1)
    table.setStyle(
        compact(("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("FONTNAME", (0, 0), (-1, 0), BOLD))
    )
    return [*story, Spacer(1, 4), table, Spacer(1, 6)]


def _blank_action() -> Table:
    width = frame_width()
    table = Table(
        [[label, ""] for label in BLANK_ROWS],
        colWidths=[width * 0.24, width * 0.76],
        rowHeights=[WRITE_HEIGHT * (3 if label in ("Objectifs", "Description") else 1)
                    for label in BLANK_ROWS],
    )  # fmt: skip
    table.setStyle(compact(UNTINTED, ("FONTNAME", (0, 0), (0, -1), BOLD)))
    return table


def _funding_blank(funders: Sequence[str]) -> list[Flowable]:
    width = frame_width()
    rows: list[list[Any]] = [["Financeur sollicité", "Montant demandé"]]
    rows += [[name, ""] for name in funders]
    rows += [["Fonds propres", ""], ["Autres produits", ""], ["Coût total (charges)", ""]]
    table = Table(
        rows,
        colWidths=[width * 0.6, width * 0.4],
        rowHeights=[None] + [WRITE_HEIGHT] * (len(rows) - 1),
    )
    table.setStyle(compact(("FONTNAME", (0, 0), (-1, 0), BOLD)))
    return [Spacer(1, 4), table]


def _pieces(pieces: Sequence[str]) -> list[Flowable]:
    if not pieces:
        return []
    story: list[Flowable] = [*heading("4. Pièces à joindre")]
    story += [para(f"[   ]  {label}") for label in pieces]
    return story


def _signature() -> list[Flowable]:
    width = frame_width()
    table = Table(
        [["Fait à :", "Le :"], ["Nom, qualité et signature du représentant légal :", ""]],
        colWidths=[width * 0.6, width * 0.4],
        rowHeights=[WRITE_HEIGHT, 60],
    )
    table.setStyle(compact(UNTINTED, ("SPAN", (0, 1), (1, 1))))
    return [CondPageBreak(120), *heading("Engagement"), table]
