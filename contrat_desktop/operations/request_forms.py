"""The pre-filled request form of a holder for a campaign, as a PDF to complete by hand, or as
a workbook to complete and send back, read by the import (``import``): its sheet « Demande »
is a programmation table (this year's requests under their reference, update them; last
year's actions not renewed yet and new requests without one, created on request in the
campaign its title states), its sheet « Porteur » a holders directory of one row.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.holders import Holder
from contrat_desktop.domain.identifiers import normalise_siret
from contrat_desktop.domain.renewal import skip_reason
from contrat_desktop.domain.request_file import expected_pieces
from contrat_desktop.domain.request_form import FormAction, RequestForm
from contrat_desktop.exchange.file_format import PDF, WORKBOOKS, file_format
from contrat_desktop.exchange.holders_layout import HOLDERS_LAYOUT
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.programmation_layout import (
    LAYOUT_NAME,
    funder_key,
    programmation_layout,
)
from contrat_desktop.exchange.programmation_workbook import ProgrammationTable, add_table_sheet
from contrat_desktop.exchange.workbook_writer import (
    BookProperties,
    write_workbook,
)
from contrat_desktop.operations.action_sheets import load_action_sheets
from contrat_desktop.operations.programmation_export import identifier_of
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.operations.territory import territory_cells
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.renewals import renewed_ids
from contrat_desktop.storage.repositories import Repositories

# the programmation's columns a holder fills in (and that the import reads back)
FORM_KEYS = (
    "identifier", "reference", "holder_name", "siret", "holder_kind", "title", "framework",
    "districts", "communes", "target_public", "beneficiaries_total", "start_date", "end_date",
    "total_cost_cents",
)  # fmt: skip
AFTER_FUNDERS_KEYS = ("observations",)
FORM_SUFFIXES = (*PDF, *WORKBOOKS)


def find_holder(dossier: Dossier, text: str) -> Holder:
    """A holder by its number, SIRET or exact name (case ignored); refused in French."""
    holders = Repositories(dossier).holders.all()
    wanted = text.strip()
    siret = normalise_siret(wanted) if wanted.replace(" ", "").isdigit() else ""
    for holder in holders:
        if (
            str(holder.id) == wanted
            or (siret and holder.siret == siret)
            or holder.legal_name.casefold() == wanted.casefold()
        ):
            return holder
    raise ValidationError(
        f"Aucun porteur « {text} » dans ce dossier (donnez son numéro, son SIRET ou sa raison "
        "sociale exacte) : aucun formulaire n'a été écrit."
    )


def load_request_form(dossier: Dossier, holder_id: int, year: int) -> RequestForm:
    repos = Repositories(dossier)
    holder = repos.holders.get(holder_id)
    campaign = repos.campaigns.by_year(year)
    if campaign is None:
        raise ValidationError(
            f"La campagne {year} n'existe pas : ouvrez-la (« Nouvelle campagne… » ou "
            "« Reconduire… ») avant d'envoyer les formulaires de demande."
        )
    mine = {(a.campaign_id, a.id): a for a in repos.actions.for_holder(holder_id)}
    this_year = [a.id or 0 for (c, _), a in mine.items() if c == campaign.id]
    previous = repos.campaigns.by_year(year - 1)
    renewed = renewed_ids(dossier)
    last_year = [
        a.id or 0
        for (c, _), a in mine.items()
        if previous is not None
        and c == previous.id
        and skip_reason(a.id or 0, a.status, holder.dissolved_on, renewed, year) is None
    ]
    ids = this_year + last_year
    sheets = load_action_sheets(dossier, ids) if ids else []
    kinds = repos.piece_kinds.all()
    return RequestForm(
        holder=holder,
        year=year,
        actions=tuple(
            FormAction(sheet, sheet.action.id in this_year)
            for sheet in sorted(
                sheets, key=lambda s: (s.action.id not in this_year, s.action.reference)
            )
        ),
        pieces=tuple(
            kind.label + (" (pour une reconduction)" if kind.renewals_only else "")
            for kind in expected_pieces(kinds, holder.kind, is_renewal=True)
        ),
        funders=tuple(f.display_name for f in repos.funders.all() if f.active),
        filing_deadline=campaign.filing_deadline,
    )


def request_form_layout(dossier: Dossier) -> Layout:
    """The programmation's columns a holder completes, with « Demandé » for each funder."""
    funders = [f for f in Repositories(dossier).funders.all() if f.active and f.id is not None]
    full = programmation_layout(funders)
    requested = {funder_key(f.id or 0, "requested") for f in funders}
    keep = set(FORM_KEYS) | requested | set(AFTER_FUNDERS_KEYS)
    return Layout(
        LAYOUT_NAME, "Formulaire de demande", tuple(c for c in full.columns if c.key in keep)
    )


def form_rows(dossier: Dossier, form: RequestForm) -> list[dict[str, Any]]:
    """One programmation row per action of the form (column key → value)."""
    repos = Repositories(dossier)
    funders = {f.display_name: f.id for f in repos.funders.all()}
    districts = {d.id: d for d in repos.districts.all()}
    communes = {c.insee_code: c.name for c in repos.communes.all()}
    rows = []
    for item in form.actions:
        sheet, action = item.sheet, item.sheet.action
        row: dict[str, Any] = {
            "identifier": identifier_of(action) if item.this_year else None,
            "reference": item.reference or None,
            "holder_name": form.holder.display_name,
            "siret": form.holder.siret or None,
            "holder_kind": form.holder.kind.value,
            "title": action.title,
            "framework": sheet.framework or None,
            **territory_cells(action.district_ids, districts, communes),
            "target_public": action.target_public or None,
            "beneficiaries_total": action.beneficiaries.total,
            "start_date": action.start_date if item.this_year else None,
            "end_date": action.end_date if item.this_year else None,
            "total_cost_cents": action.total_cost_cents or None,
            "observations": None
            if item.this_year
            else f"Reconduction de {action.reference} ({sheet.year}) : à compléter",
        }
        for line in sheet.funding:
            funder_id = funders.get(line.funder)
            if funder_id is not None:
                row[funder_key(funder_id, "requested")] = line.requested_cents
        rows.append(row)
    return rows


def holder_row(holder: Holder) -> dict[str, Any]:
    """The holder as a row of the holders directory (column key → value)."""
    row = {c.key: getattr(holder, c.key, None) or None for c in HOLDERS_LAYOUT.columns}
    return row | {"kind": holder.kind.value}


def write_request_form(
    dossier: Dossier, holder_id: int, year: int, target: str | Path, today: date | None = None
) -> Path:
    """The form as a PDF (``.pdf``) or a workbook (``.xlsx``, ``.ods``), by the extension."""
    target = Path(target)
    kind = file_format(target, FORM_SUFFIXES)  # refused in French before anything is read
    form = load_request_form(dossier, holder_id, year)
    if kind == "pdf":
        from contrat_desktop.exchange.atomic_file import replaced_atomically
        from contrat_desktop.reports.request_form import request_form_pdf

        created = datetime.combine(today or date.today(), time())
        content = request_form_pdf(form, load_document_settings(dossier), created)
        with replaced_atomically(target) as temporary:
            temporary.write_bytes(content)
        return target
    _write_workbook(dossier, form, target, today or date.today())
    return target


def _write_workbook(dossier: Dossier, form: RequestForm, target: Path, today: date) -> None:
    deadline = (
        f" Retour attendu avant le {form.filing_deadline:%d/%m/%Y}." if form.filing_deadline else ""
    )
    with write_workbook(target) as book:
        add_table_sheet(
            book,
            "Demande",
            ProgrammationTable(
                layout=request_form_layout(dossier),
                title=f"{form.title} – {form.holder.display_name}",
                subtitle="Complétez ou corrigez chaque ligne ; ajoutez une ligne par nouvelle "
                "action (porteur, SIRET et intitulé au moins). Ne modifiez pas la colonne "
                f"cachée « Identifiant ».{deadline}",
                rows=form_rows(dossier, form),
                totals=False,
            ),
        )
        add_table_sheet(
            book,
            "Porteur",
            ProgrammationTable(
                layout=HOLDERS_LAYOUT,
                title=f"Identité du porteur – {form.holder.display_name}",
                subtitle="Corrigez ce qui a changé (adresse, représentant, contact).",
                rows=[holder_row(form.holder)],
                totals=False,
            ),
        )
        book.properties(
            BookProperties(
                title=form.title,
                subject="Demande de subvention – contrat de ville",
                author=load_document_settings(dossier).organisation_name,
                company=load_document_settings(dossier).organisation_name,
                comments=f"Formulaire pré-rempli le {today:%d/%m/%Y} par contrat_desktop.",
            )
        )
