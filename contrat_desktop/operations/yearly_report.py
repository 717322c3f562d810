"""The yearly report of the contract (and its mid-term or final evaluation over several
years): its qualitative texts, written in the app and saved in the dossier, and the report
written as a PDF or as an editable text, OpenDocument or Word, from one content model
(``report_document``) laid out by three writers (window and ``report bilan``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from contrat_desktop.domain.across_years import Dimension
from contrat_desktop.domain.bilan_texts import (
    FIXED_SECTIONS,
    BilanText,
    Excerpt,
    pillar_section,
)
from contrat_desktop.domain.council import active_members
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.yearly_report import report_document
from contrat_desktop.domain.yearly_report_data import Pillar, ReportData
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.file_format import file_format
from contrat_desktop.operations.across_years import across_years
from contrat_desktop.operations.dashboard import campaign_figures_of
from contrat_desktop.operations.programmation import References, load_references
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.storage.bilan_texts import (
    BilanTextRepository,
    bilan_figures,
    excerpts,
    meetings_held,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

FORMATS = {".pdf": "PDF", ".odt": "OpenDocument", ".docx": "Word"}


def check_years(references: References, first: int, last: int) -> None:
    """Refused (French message) for a backward range or a year without a campaign."""
    if first > last:
        raise ValidationError(
            f"La période est à l'envers : {first} vient après {last}.", field="years"
        )
    missing = [year for year in range(first, last + 1) if year not in references.campaigns]
    if missing:
        known = ", ".join(str(y) for y in sorted(references.campaigns)) or "aucune"
        raise ValidationError(
            f"Le dossier n'a pas de campagne {', '.join(str(y) for y in missing)} "
            f"(campagnes : {known}).",
            field="years",
        )


def pillars_of(
    references: References, first: int, last: int, used: Iterable[int] = ()
) -> list[Pillar]:
    """The pillars (or 2024 themes) of the years ``first``..``last``: the framework those
    years use, and any other top node an action of theirs is classified in (``used``)."""
    from contrat_desktop.domain.framework import NodeKind, generation_of

    generations = {generation_of(year) for year in range(first, last + 1)}
    used = set(used)
    return [
        Pillar(node.id, node.label)
        for node in references.tree.roots()
        if node.id is not None
        and node.kind is not NodeKind.AXIS
        and ((node.active and node.generation in generations) or node.id in used)
    ]


def sections(references: References, year: int) -> list[tuple[str, str]]:
    """(section key, French title) of the texts the team writes for ``year``."""
    keys = list(FIXED_SECTIONS.items())
    return [
        keys[0],
        *(
            (pillar_section(p.id), f"Pilier : {p.label}")
            for p in pillars_of(references, year, year)
        ),
        *keys[1:],
    ]


def load_texts(dossier: Dossier, first: int, last: int | None = None) -> dict[str, BilanText]:
    """The texts of one year (``last`` None) by section; over a range, the last year's."""
    found: dict[str, BilanText] = {}
    for text in BilanTextRepository(dossier).for_years(first, last or first):
        found[text.section] = text  # later years come last
    return found


def save_text(
    dossier: Dossier, seen: BilanText | None, year: int, section: str, body: str
) -> BilanText:
    """Create or update the text of a section (audited; refused if someone changed it)."""
    repository = BilanTextRepository(dossier)
    if seen is None or seen.id is None:
        return repository.add(BilanText(year, section, body))
    return repository.update(replace(seen, body=body))


def excerpts_for(
    dossier: Dossier, references: References, year: int, section: str
) -> list[Excerpt]:
    """The bilans' assessments offered for a section: those of its pillar (all for the
    other sections)."""
    found = excerpts(dossier.db, year, year)
    if not section.startswith("pilier:"):
        return found
    pillar = int(section.split(":", 1)[1])
    tree = references.tree
    return [e for e in found if e.pillar_id is not None and tree.top(e.pillar_id).id == pillar]


def load_report_data(dossier: Dossier, first: int, last: int) -> ReportData:
    references = load_references(dossier)
    check_years(references, first, last)
    repos = Repositories(dossier)
    contract = repos.contracts.main()
    settings = load_document_settings(dossier)
    councils = repos.councils.all()
    members = None
    if councils:
        end = date(last, 12, 31)
        members = sum(
            len(active_members(repos.council_members.for_council(c.id or 0), end)) for c in councils
        )
    bodies = load_texts(dossier, first, last)
    upto = (min(references.campaigns), last)
    figures = tuple(
        campaign_figures_of(dossier, references.campaigns[year], references)
        for year in range(first, last + 1)
    )
    used_pillars = {int(s.key) for f in figures for s in f.by_pillar if s.key is not None}
    return ReportData(
        organisation=settings.organisation_name,
        contract=f"{contract.name} ({contract.code})"
        if contract and contract.code
        else contract.name
        if contract
        else "Contrat de ville",
        period=f"{contract.start_year}–{contract.end_year}" if contract else "",
        communes=tuple(f"{c.name} ({c.insee_code})" for c in contract.communes) if contract else (),
        districts=tuple((f"{d.name} ({d.code})", d.population) for d in repos.districts.all()),
        first_year=first,
        last_year=last,
        figures=figures,
        bilans=bilan_figures(dossier.db, first, last),
        meetings=tuple(meetings_held(dossier.db, first, last)),
        council_members=members,
        pillars=tuple(pillars_of(references, first, last, used_pillars)),
        texts={section: text.body for section, text in bodies.items()},
        by_pillar=across_years(dossier, Dimension.PILLAR, references, upto),
        by_funder=across_years(dossier, Dimension.FUNDER, references, upto),
    )


def report_format(target: str | Path) -> str:
    return "." + file_format(target, tuple(FORMATS))


def report_bytes(
    dossier: Dossier, first: int, last: int, suffix: str, now: datetime | None = None
) -> bytes:
    data = load_report_data(dossier, first, last)
    document = report_document(data)
    created = now or datetime.now()
    if suffix == ".odt":
        from contrat_desktop.reports.document_odt import document_odt

        return document_odt(document, created)
    if suffix == ".docx":
        from contrat_desktop.reports.document_docx import document_docx

        return document_docx(document, created)
    from contrat_desktop.reports.document_pdf import document_pdf

    return document_pdf(document, load_document_settings(dossier), created)


def write_yearly_report(dossier: Dossier, first: int, last: int, target: str | Path) -> int:
    """Write the report of ``first``..``last`` to ``target`` (.pdf, .odt or .docx); its size.
    Reads only: a read-only dossier gives the same report and stays untouched."""
    suffix = report_format(target)
    content = report_bytes(dossier, first, last, suffix)
    with replaced_atomically(target) as temporary:
        temporary.write_bytes(content)
    return len(content)
