"""The yearly report of the contract (décret 2015-1118) and its mid-term or final variant
over several years, as document blocks: the contract and its districts, the programmation
(counts, amounts per funder and pillar, first requests and renewals, refused and abandoned),
money paid, the bilans received, the qualitative assessment per pillar, the committees held
and the council's participation, and the comparison with earlier years.

Figures that the dossier does not hold are said « non renseigné », never invented. What the
report is made from is ``yearly_report_data.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from contrat_desktop.domain.across_years import EMPTY, Measure
from contrat_desktop.domain.bilan_texts import (
    FIXED_SECTIONS,
    INTRODUCTION,
    PARTICIPATION,
    PARTNERSHIP,
    pillar_section,
)
from contrat_desktop.domain.dashboard import CampaignFigures, Slice
from contrat_desktop.domain.document_blocks import (
    Block,
    ChartBlock,
    Document,
    Heading,
    Paragraph,
    TableBlock,
)
from contrat_desktop.domain.money import AMOUNT_LEGEND, format_amount, format_cents
from contrat_desktop.domain.workflow import STATUS_ORDER, ActionStatus
from contrat_desktop.domain.yearly_report_data import ReportData

NOT_GIVEN = "non renseigné"


def report_title(data: ReportData) -> str:
    if data.evaluation:
        return f"Évaluation du contrat de ville {data.span}"
    return f"Bilan annuel du contrat de ville {data.span}"


def report_document(data: ReportData) -> Document:
    blocks: list[Block] = []
    blocks += _contract(data)
    blocks += _text(data, INTRODUCTION, FIXED_SECTIONS[INTRODUCTION])
    blocks += _programmation(data)
    blocks += _money_paid(data)
    blocks += _bilans(data)
    blocks += _qualitative(data)
    blocks += _committees(data)
    blocks += _text(data, PARTNERSHIP, FIXED_SECTIONS[PARTNERSHIP])
    blocks += _comparison(data)
    title = report_title(data)
    return Document(
        title=title,
        subtitle=f"{data.contract} — {data.period}",
        organisation=data.organisation,
        footer=f"{data.organisation} – {title}".lstrip(" –"),
        blocks=tuple(blocks),
    )


def _money(cents: int) -> str:
    return format_cents(cents)


def _sum_slices(parts: Sequence[Sequence[Slice]], *, by_status: bool = False) -> list[Slice]:
    merged: dict[object, list[int]] = {}
    labels: dict[object, str] = {}
    for group in parts:
        for part in group:
            labels[part.key] = part.label
            line = merged.setdefault(part.key, [0, 0, 0, 0])
            for n, value in enumerate(
                (part.count, part.requested_cents, part.granted_cents, part.paid_cents)
            ):
                line[n] += value
    slices = [Slice(key, labels[key], *values) for key, values in merged.items()]
    if by_status:  # the workflow's order, whichever year has which status
        rank = {status: n for n, status in enumerate(STATUS_ORDER)}
        return sorted(slices, key=lambda s: rank[s.key])  # type: ignore[index]
    return sorted(slices, key=lambda s: (-s.granted_cents, -s.count, s.label))


def _contract(data: ReportData) -> list[Block]:
    districts = [
        f"{label} ({population:,} habitants)".replace(",", "\u202f") if population else label
        for label, population in data.districts
    ]
    return [
        Heading("1. Le contrat de ville et ses quartiers"),
        TableBlock(
            ("", ""),
            (
                ("Contrat", data.contract),
                ("Période du contrat", data.period),
                ("Communes", ", ".join(data.communes) or NOT_GIVEN),
                ("Quartiers prioritaires", "\n".join(districts) or NOT_GIVEN),
                ("Période du bilan", data.span),
            ),
            (0.3, 0.7),
        ),
    ]


def _text(data: ReportData, section: str, title: str, level: int = 1) -> list[Block]:
    body = data.texts.get(section, "").strip()
    blocks: list[Block] = [Heading(title, level)]
    if not body:
        return [*blocks, Paragraph("Texte à rédiger par l'équipe (non renseigné).", note=True)]
    for part in body.split("\n\n"):
        quoted = part.strip().startswith("«")
        blocks.append(Paragraph(part.strip(), quote=quoted))
    return blocks


def _programmation(data: ReportData) -> list[Block]:
    figures = data.figures
    count = sum(f.count for f in figures)
    requested = sum(f.requested_cents for f in figures)
    proposed = sum(f.proposed_cents for f in figures)
    granted = sum(f.granted_cents for f in figures)
    statuses = _sum_slices([f.by_status for f in figures], by_status=True)
    by_status = {s.key: s.count for s in statuses}
    refused = by_status.get(ActionStatus.REFUSED, 0) + by_status.get(ActionStatus.INADMISSIBLE, 0)
    abandoned = by_status.get(ActionStatus.ABANDONED, 0)
    renewal = _sum_slices([f.by_renewal for f in figures])
    blocks: list[Block] = [
        Heading(f"2. La programmation {data.span}"),
        Paragraph(
            f"{count} action(s) déposée(s) ; montants demandés {_money(requested)}, proposés "
            f"{_money(proposed)}, accordés {_money(granted)}. Refusées ou non recevables : "
            f"{refused} ; abandonnées : {abandoned}."
        ),
        Heading("Actions par statut", 2),
        TableBlock(
            ("Statut", "Actions"), tuple((s.label, str(s.count)) for s in statuses), (0.7, 0.3)
        ),
        Heading("Montants par financeur", 2),
        _funder_table(figures),
        Heading("Répartition par pilier", 2),
        _slice_table("Pilier", _sum_slices([f.by_pillar for f in figures])),
        ChartBlock(
            "pie",
            "Montants accordés par pilier",
            tuple(s.label for s in _sum_slices([f.by_pillar for f in figures])),
            (
                (
                    "Accordé",
                    tuple(
                        s.granted_cents / 100 for s in _sum_slices([f.by_pillar for f in figures])
                    ),
                ),
            ),
        ),
        Heading("Premières demandes et reconduites", 2),
        _slice_table("Demande", renewal),
        Heading("Par type de porteur", 2),
        _slice_table("Type de porteur", _sum_slices([f.by_holder_kind for f in figures])),
        Heading("Par quartier", 2),
        _slice_table("Quartier", _sum_slices([f.by_district for f in figures])),
    ]
    return blocks


def _funder_table(figures: Sequence[CampaignFigures]) -> TableBlock:
    names: dict[int, str] = {}
    sums: dict[int, list[int]] = {}
    with_envelope: set[int] = set()
    for year in figures:
        for funder in year.by_funder:
            names[funder.funder_id] = funder.name
            line = sums.setdefault(funder.funder_id, [0, 0, 0, 0, 0])
            line[0] += funder.requested_cents
            line[1] += funder.proposed_cents
            line[2] += funder.granted_cents
            line[3] += funder.paid_cents
            if funder.envelope_cents is not None:
                line[4] += funder.envelope_cents
                with_envelope.add(funder.funder_id)
    rows: list[tuple[str, ...]] = [
        (
            names[funder_id],
            *(_money(v) for v in line[:4]),
            _money(line[4]) if funder_id in with_envelope else NOT_GIVEN,
        )
        for funder_id, line in sums.items()
        if any(line)
    ]
    totals = [sum(line[n] for line in sums.values()) for n in range(5)]
    rows.append(("Total", *(_money(t) for t in totals)))
    return TableBlock(
        ("Financeur", "Demandé", "Proposé", "Accordé", "Versé", "Enveloppe"),
        tuple(rows),
        (0.25, 0.15, 0.15, 0.15, 0.15, 0.15),
        total=True,
    )


def _slice_table(name: str, parts: Sequence[Slice]) -> TableBlock:
    rows = [
        (p.label, str(p.count), _money(p.requested_cents), _money(p.granted_cents)) for p in parts
    ]
    return TableBlock((name, "Actions", "Demandé", "Accordé"), tuple(rows), (0.46, 0.14, 0.2, 0.2))


def _money_paid(data: ReportData) -> list[Block]:
    paid = sum(f.paid_cents for f in data.figures)
    granted = sum(f.granted_cents for f in data.figures)
    share = f" ({round(100 * paid / granted)} % des montants accordés)" if granted else ""
    funders = [
        (f.name, f.paid_cents) for year in data.figures for f in year.by_funder if f.paid_cents
    ]
    merged: dict[str, int] = {}
    for name, cents in funders:
        merged[name] = merged.get(name, 0) + cents
    blocks: list[Block] = [
        Heading("3. Les crédits versés"),
        Paragraph(f"Versé à ce jour : {_money(paid)}{share}."),
    ]
    if merged:
        blocks.append(
            ChartBlock(
                "bars",
                "Versé par financeur",
                tuple(merged),
                (("Versé", tuple(v / 100 for v in merged.values())),),
                "euros",
            )
        )
    else:
        blocks.append(Paragraph("Aucun versement enregistré pour cette période.", note=True))
    return blocks


def _bilans(data: ReportData) -> list[Block]:
    bilans = data.bilans
    blocks: list[Block] = [
        Heading("4. Les bilans des actions"),
        Paragraph(f"Bilans reçus : {bilans.received} sur {bilans.expected} attendu(s)."),
    ]
    if not bilans.received:
        return [*blocks, Paragraph("Aucun bilan reçu : chiffres non renseignés.", note=True)]
    sexed = bilans.women + bilans.men
    share = (
        f"{bilans.qpv_weighted_percent} %" if bilans.qpv_weighted_percent is not None else NOT_GIVEN
    )
    rows = [
        ("Bénéficiaires (total des bilans)", f"{bilans.beneficiaries}"),
        ("dont femmes", f"{bilans.women}" if sexed else NOT_GIVEN),
        ("dont hommes", f"{bilans.men}" if sexed else NOT_GIVEN),
        ("Part résidant en QPV", share),
        *((f"Tranche d'âge {label}", str(v) if v else NOT_GIVEN) for label, v in bilans.age_bands),
        ("Coût réalisé des actions", _money(bilans.realised_cost_cents)),
    ]
    return [*blocks, TableBlock(("Indicateur", "Valeur"), tuple(rows), (0.6, 0.4))]


def _qualitative(data: ReportData) -> list[Block]:
    blocks: list[Block] = [Heading("5. Bilan qualitatif par pilier")]
    used = {part.key for year in data.figures for part in year.by_pillar}
    for pillar in data.pillars:
        if pillar.id not in used and not data.texts.get(pillar_section(pillar.id), "").strip():
            continue  # a pillar of another framework, with no action and no text
        blocks += _text(data, pillar_section(pillar.id), pillar.label, level=2)
    return blocks


def _committees(data: ReportData) -> list[Block]:
    blocks: list[Block] = [Heading("6. Les instances et la participation des habitants")]
    if data.meetings:
        rows = tuple(
            (
                f"{m.starts_at[8:10]}/{m.starts_at[5:7]}/{m.starts_at[:4]}",
                m.body,
                str(m.invited),
                str(m.present),
                str(m.council_present),
            )
            for m in data.meetings
        )
        blocks.append(
            TableBlock(
                ("Date", "Instance", "Convoqués", "Présents", "dont conseil citoyen"),
                rows,
                (0.14, 0.44, 0.14, 0.14, 0.14),
            )
        )
    else:
        blocks.append(Paragraph("Aucune réunion d'instance enregistrée.", note=True))
    members = data.council_members
    blocks.append(
        Paragraph(
            f"Conseil citoyen : {members} membre(s) en fonction."
            if members is not None
            else "Conseil citoyen : non renseigné."
        )
    )
    return blocks + _text(data, PARTICIPATION, FIXED_SECTIONS[PARTICIPATION], level=2)


def _comparison(data: ReportData) -> list[Block]:
    blocks: list[Block] = [Heading("7. Comparaison avec les années précédentes")]
    for across, name in ((data.by_pillar, "Pilier"), (data.by_funder, "Financeur")):
        years = across.years
        if len(years) < 2:
            blocks.append(
                Paragraph("Une seule campagne dans le dossier : pas de comparaison.", note=True)
            )
            return blocks
        rows = [
            (
                row.label,
                *(format_amount(row.by_year.get(y, EMPTY).value(Measure.GRANTED)) for y in years),
            )
            for row in across.rows
        ]
        totals = across.year_totals()
        rows.append(("Total", *(format_amount(totals[y].granted_cents) for y in years)))
        width = 0.7 / len(years)
        blocks += [
            Heading(f"Montants accordés par {name.lower()} et par année", 2),
            TableBlock(
                (name, *(str(y) for y in years)),
                tuple(rows),
                (0.3, *(width for _ in years)),
                total=True,
            ),
        ]
    totals = data.by_pillar.year_totals()
    blocks.append(
        ChartBlock(
            "bars",
            "Montants accordés par année",
            tuple(str(y) for y in data.by_pillar.years),
            (
                (
                    "Accordé",
                    tuple((totals[y].granted_cents or 0) / 100 for y in data.by_pillar.years),
                ),
            ),
            "euros",
        )
    )
    blocks.append(Paragraph(AMOUNT_LEGEND, note=True))
    return blocks
