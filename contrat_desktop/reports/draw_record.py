"""The procès-verbal of a draw as PDF bytes: date, place, witnesses, lists with their counts
and checksums, seed, algorithm, quotas, result and ordered reserve (DOMAIN.md §8.10)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer, Table

from contrat_desktop.domain.draw import ALGORITHM_DESCRIPTION, Candidate
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.french_dates import clock, long_date
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.grid import grid
from contrat_desktop.reports.header import document_header
from contrat_desktop.reports.styles import build_pdf, heading, para


def draw_record_pdf(
    record: DrawRecord, settings: DocumentSettings | None = None, council_name: str = ""
) -> bytes:
    settings = settings or DocumentSettings()
    day = long_date(record.drawn_at.date())
    facts = [
        ("Date", f"{day.capitalize()}, à {clock(record.drawn_at)}"),
        ("Lieu", record.place or "—"),
        ("Témoins", ", ".join(record.witnesses) or "—"),
        ("Sièges à pourvoir", str(record.seats)),
        ("Année de référence des âges", str(record.reference_year)),
        ("Graine", record.seed),
        ("Algorithme", f"{record.algorithm_version} — {ALGORITHM_DESCRIPTION}"),
        (
            "Candidats",
            f"{record.pool_size} personnes distinctes ; {record.duplicates} personne(s) "
            "inscrite(s) sur plusieurs lignes, retenue(s) une fois",
        ),
    ]
    story: list[Flowable] = [
        *document_header(settings, "Procès-verbal du tirage au sort"),
        para(
            f"{council_name or 'Conseil citoyen'} : désignation des membres du collège des "
            "habitants.",
            "h3",
        ),
        grid([(para(k, "cell_bold"), para(v, "cell")) for k, v in facts], (0.3, 0.7), header=False),
        *heading("Listes de candidats"),
        grid(
            [("Liste", "Source", "Inscrits", "Empreintes SHA-256 : contenu, puis fichier")]
            + [
                (s.name, s.source, str(s.size), f"{s.checksum}\n{s.file_sha256 or '—'}")
                for s in record.lists
            ],
            (0.22, 0.22, 0.1, 0.46),
        ),
        *heading("Quotas"),
        grid(
            [("Quota", "Minimum", "Maximum", "Sièges obtenus")]
            + [
                (
                    q.label,
                    str(q.minimum),
                    "—" if q.maximum is None else str(q.maximum),
                    str(sum(1 for c in record.selected if q.matches(c, record.reference_year))),
                )
                for q in record.quotas
            ]
            if record.quotas
            else [("Quota",), ("Aucun quota.",)],
            (0.55, 0.15, 0.15, 0.15) if record.quotas else (1.0,),
        ),
        *heading(f"Personnes tirées au sort ({len(record.selected)})"),
        _people(record.selected),
        *heading(f"Liste de réserve, dans l'ordre ({len(record.reserve)})"),
        _people(record.reserve),
        Spacer(1, 8),
        para(
            "Toute personne disposant des mêmes listes (mêmes empreintes), des mêmes sièges, "
            "quotas, année de référence et graine obtient le même résultat avec la même version "
            "de l'algorithme."
        ),
        para("Signatures des témoins", "h2"),
        grid(
            [tuple(record.witnesses or ("",)), tuple("" for _ in record.witnesses or ("",))],
            tuple(1 / max(len(record.witnesses), 1) for _ in record.witnesses or ("",)),
            header=False,
            heights=(None, 50),
        ),
    ]
    return build_pdf(
        story,
        title=f"Procès-verbal du tirage au sort du {day}",
        author=settings.organisation_name or "contrat_desktop",
        footer=f"Tirage au sort du {day} — graine « {record.seed} »",
        created=record.drawn_at,
    )


def _people(people: Sequence[Candidate]) -> Table:
    rows: list[tuple[str, ...]] = [("N°", "Nom", "Sexe", "Année", "Quartier", "Liste", "Id.")]
    rows += [
        (
            str(n),
            c.name,
            c.sex.value if c.sex else "",
            "" if c.birth_year is None else str(c.birth_year),
            c.district,
            c.list_name,
            c.key,
        )
        for n, c in enumerate(people, start=1)
    ]
    return grid(rows, (0.06, 0.3, 0.07, 0.08, 0.14, 0.23, 0.12))
