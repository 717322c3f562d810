"""Action sheets (fiches action) as PDF bytes, in the minutes' look: for each action the
holder's identity, the action, its budget and co-funding plan, its request file and its
earlier years; one sheet per page (or more), all in one document.

Short cells are plain strings (about ten times faster to lay out than paragraphs): hundreds of
sheets go in one PDF in seconds; only long texts are wrapped paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from contrat_desktop.domain.action_sheet import ActionSheet
from contrat_desktop.domain.french_dates import short_date
from contrat_desktop.domain.holders import Holder
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.amounts import euros
from contrat_desktop.reports.header import document_header
from contrat_desktop.reports.styles import (
    BOLD,
    LIGHT,
    build_pdf,
    frame_width,
    heading,
    para,
    styles,
    table_style,
)

LABEL_WIDTH = 0.27  # share of the frame taken by the label column
WRAP_AT = 70  # characters: longer values are wrapped paragraphs
UNTINTED = ("BACKGROUND", (0, 0), (-1, 0), colors.white)  # a table without a header row
COMPACT = (("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2))
AMOUNT_WIDTHS = (0.36, 0.16, 0.16, 0.16, 0.16)


def action_sheets_pdf(
    sheets: Sequence[ActionSheet], settings: DocumentSettings, created: datetime
) -> bytes:
    story: list[Flowable] = []
    for number, sheet in enumerate(sheets):
        if number:
            story.append(PageBreak())
        story += sheet_story(sheet, settings)
    years = sorted({sheet.year for sheet in sheets})
    what = (
        f"Fiche action {sheets[0].action.reference}"
        if len(sheets) == 1
        else f"Fiches actions ({len(sheets)}), campagne{'s' if len(years) > 1 else ''} "
        + ", ".join(str(year) for year in years)
    )
    footer = f"{settings.organisation_name} – {what}".lstrip(" –")
    return build_pdf(
        story,
        title=what,
        author=settings.organisation_name or "contrat_desktop",
        footer=f"{footer} – édité le {created:%d/%m/%Y}",
        created=created,
    )


def sheet_story(sheet: ActionSheet, settings: DocumentSettings) -> list[Flowable]:
    action = sheet.action
    story = [*document_header(settings, f"Fiche action {action.reference}")]
    story.append(para(action.title, "h3"))
    story.append(_facts(sheet))
    story += [*heading("Porteur"), _pairs(_holder_rows(sheet.holder))]
    story += [*heading("L'action"), _pairs(_action_rows(sheet))]
    for title, text in (("Objectifs", action.objectives), ("Description", action.description)):
        if text.strip():
            story += [para(title, "h3"), para(text)]
    story += _budget(sheet)
    story += _request_file(sheet)
    story += _history(sheet)
    return story


# tables -------------------------------------------------------------------------------------
def _cell(text: str) -> object:
    """A plain string, or a wrapped paragraph when it is long."""
    if len(text) > WRAP_AT or "\n" in text:
        return para(text, "cell")
    return text.replace("\u202f", "\u00a0")


def compact(*extra: tuple[Any, ...]) -> TableStyle:
    """The documents' table style, with tighter rows: a sheet fits on fewer pages."""
    return table_style(*COMPACT, *extra)


def _pairs(rows: Sequence[tuple[str, str]]) -> Table:
    width = frame_width()
    table = Table(
        [[label, _cell(value or "—")] for label, value in rows],
        colWidths=[width * LABEL_WIDTH, width * (1 - LABEL_WIDTH)],
    )
    table.setStyle(compact(UNTINTED, ("FONTNAME", (0, 0), (0, -1), BOLD)))
    return table


def _facts(sheet: ActionSheet) -> Table:
    action = sheet.action
    request = f"reconduction de {sheet.renewal_of}" if sheet.renewal_of else "première demande"
    if action.renewal_of_id and not sheet.renewal_of:
        request = "reconduction"
    cells = [
        ["Campagne", str(sheet.year), "Statut", sheet.status],
        ["N° Dauphin", action.dauphin_number or "—", "Demande", request],
        ["Pluriannuelle", "oui" if action.multi_year else "non", "Coût total",
         euros(action.total_cost_cents)],
    ]  # fmt: skip
    width = frame_width()
    table = Table(cells, colWidths=[width * w for w in (0.17, 0.33, 0.17, 0.33)])
    table.setStyle(
        compact(
            UNTINTED,
            ("BACKGROUND", (0, 0), (0, -1), LIGHT),
            ("BACKGROUND", (2, 0), (2, -1), LIGHT),
            ("FONTNAME", (0, 0), (0, -1), BOLD),
            ("FONTNAME", (2, 0), (2, -1), BOLD),
        )
    )
    return table


def _holder_rows(holder: Holder) -> list[tuple[str, str]]:
    place = " ".join(p for p in (holder.postcode, holder.city) if p)
    address = ", ".join(p for p in (holder.address, place) if p)
    contact = ", ".join(
        p for p in (holder.contact_name, holder.contact_email, holder.contact_phone) if p
    )
    return [
        ("Raison sociale", holder.display_name),
        ("Type", holder.kind.label),
        ("SIRET", _siret(holder.siret)),
        ("N° RNA", holder.rna),
        ("Adresse", address),
        ("Représentant légal", holder.legal_representative),
        ("Contact", contact),
    ]


def _siret(siret: str) -> str:
    """``73282932000074`` → ``732 829 320 00074``."""
    if len(siret) != 14:
        return siret
    return f"{siret[:3]}\u00a0{siret[3:6]}\u00a0{siret[6:9]}\u00a0{siret[9:]}"


def _action_rows(sheet: ActionSheet) -> list[tuple[str, str]]:
    action = sheet.action
    people = action.beneficiaries
    expected = ""
    if people.total is not None:
        expected = f"{people.total} personnes"
        if people.women is not None and people.men is not None:
            expected += f" ({people.women} femmes, {people.men} hommes)"
        if people.qpv_share_percent is not None:
            expected += f", dont {people.qpv_share_percent} % résidant en QPV"
    dates = ""
    if action.start_date or action.end_date:
        dates = f"du {short_date(action.start_date) or '?'} au {short_date(action.end_date) or '?'}"
    return [
        ("Pilier / thématique", sheet.framework),
        ("Axes transversaux", ", ".join(sheet.axes)),
        ("Quartiers (QPV)", " ; ".join(sheet.districts)),
        ("Public visé", action.target_public),
        ("Bénéficiaires attendus", expected),
        ("Dates", dates),
        ("Lieu", action.place),
    ]


def _amount_table(rows: list[list[object]], bold_rows: Sequence[int]) -> Table:
    width = frame_width()
    table = Table(rows, colWidths=[width * w for w in AMOUNT_WIDTHS], repeatRows=1)
    table.setStyle(
        compact(
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            *[("FONTNAME", (0, row), (-1, row), BOLD) for row in bold_rows],
        )
    )
    return table


def _budget(sheet: ActionSheet) -> list[Flowable]:
    action = sheet.action
    rows: list[list[object]] = [["Financeur", "Demandé", "Proposé", "Accordé", "Versé"]]
    for line in sheet.funding:
        name = f"{line.funder}\n{line.act}" if line.act else line.funder
        rows.append(
            [_cell(name), euros(line.requested_cents), euros(line.proposed_cents),
             euros(line.granted_cents), euros(line.paid_cents)]
        )  # fmt: skip
    if not sheet.funding:
        rows.append(["Aucun financement demandé", "", "", "", ""])
    total = len(rows)
    rows.append(
        ["Total des financements", euros(sheet.requested_cents),
         euros(_total(line.proposed_cents for line in sheet.funding)),
         euros(_total(line.granted_cents for line in sheet.funding)),
         euros(sum(line.paid_cents for line in sheet.funding))]
    )  # fmt: skip
    rows += [
        ["Fonds propres", euros(action.own_funds_cents), "", "", ""],
        ["Autres produits", euros(action.other_income_cents), "", "", ""],
        ["Total des produits", euros(sheet.income_cents), "", "", ""],
        ["Coût total (charges)", euros(action.total_cost_cents), "", "", ""],
    ]
    story: list[Flowable] = [
        *heading("Budget et plan de financement"),
        _amount_table(rows, (total, len(rows) - 2, len(rows) - 1)),
    ]
    if sheet.gap_cents:
        side = "à trouver" if sheet.gap_cents > 0 else "en trop"
        story.append(
            para(
                f"Budget non équilibré : écart de {euros(abs(sheet.gap_cents))} {side} entre "
                "charges et produits.",
                "warning",
            )
        )
    return story


def _total(amounts: Iterable[int | None]) -> int | None:
    """The sum of the amounts set; ``None`` (printed « — ») when none is (as the minutes)."""
    given = [amount for amount in amounts if amount is not None]
    return sum(given) if given else None


def _request_file(sheet: ActionSheet) -> list[Flowable]:
    story: list[Flowable] = [*heading("Dossier de demande")]
    if not sheet.pieces_missing:
        story.append(para("Complet : toutes les pièces obligatoires sont reçues."))
    rows: list[list[object]] = [["Pièce", "Reçue le"]]
    rows += [[_cell(label), short_date(day)] for label, day in sheet.pieces_received]
    rows += [[_cell(label), "manquante"] for label in sheet.pieces_missing]
    if len(rows) > 1:
        width = frame_width()
        table = Table(rows, colWidths=[width * 0.75, width * 0.25], repeatRows=1)
        missing = len(rows) - len(sheet.pieces_missing)
        table.setStyle(
            compact(
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("TEXTCOLOR", (1, missing), (1, -1), styles()["warning"].textColor),
            )
        )
        story.append(table)
    return story


def _history(sheet: ActionSheet) -> list[Flowable]:
    story: list[Flowable] = [*heading("Années précédentes")]
    if not sheet.history:
        return [*story, para("Première demande : pas d'année précédente.")]
    width = frame_width()
    rows: list[list[object]] = [
        ["Campagne", "Référence", "Statut", "Demandé", "Accordé", "Versé", "Bilan"]
    ]
    rows += [
        [str(y.year), y.reference, y.status, euros(y.requested_cents), euros(y.granted_cents),
         euros(y.paid_cents), y.bilan]
        for y in sheet.history
    ]  # fmt: skip
    shares = (0.12, 0.15, 0.15, 0.13, 0.13, 0.13, 0.19)
    table = Table(rows, colWidths=[width * w for w in shares], repeatRows=1)
    table.setStyle(
        compact(("ALIGN", (3, 0), (5, -1), "RIGHT"), ("FONTNAME", (0, 0), (-1, 0), BOLD))
    )
    return [*story, table, Spacer(1, 4)]
