"""Everything the dossier holds on one person, as a workbook (RGPD right of access)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from contrat_desktop.domain.privacy import PersonFile
from contrat_desktop.exchange.workbook_styles import Style
from contrat_desktop.exchange.workbook_writer import ColumnSpec, PageSetup, write_workbook


def _sheets(found: PersonFile) -> dict[str, tuple[list[str], list[Sequence[Any]]]]:
    p = found.person
    return {
        "Personne": (
            ["Nom", "Organisation", "Rôle", "Courriel", "Téléphone"],
            [[p.name, p.organisation, p.role, p.email, p.phone]],
        ),
        "Mandats": (
            [
                "Collège",
                "Sexe",
                "Année de naissance",
                "Quartier",
                "Désignation",
                "Liste",
                "Entrée",
                "Sortie",
                "Motif de sortie",
                "Représentant pilotage",
                "Consentement",
                "Finalité du consentement",
            ],
            [
                [
                    m.college.label,
                    m.sex.label if m.sex else "",
                    m.birth_year or "",
                    m.district,
                    m.designation.label,
                    m.draw_list,
                    str(m.entry_date),
                    str(m.exit_date or ""),
                    m.exit_reason,
                    "oui" if m.steering_representative else "non",
                    str(m.consent_date or ""),
                    m.consent_purpose,
                ]
                for m in found.mandates
            ],
        ),
        "Présences": (["Réunion", "Instance", "Présence"], [list(a) for a in found.attendance]),
        "Listes de candidats": (
            ["Liste", "Identifiant", "Nom", "Sexe", "Année de naissance", "Quartier"],
            [
                [
                    c.list_name,
                    c.key,
                    c.name,
                    c.sex.value if c.sex else "",
                    c.birth_year or "",
                    c.district,
                ]
                for c in found.candidate_lines
            ],
        ),
        "Tirages": (["Tirage"], [[d] for d in found.drawn_in]),
        "Journal": (
            ["Quand", "Qui", "Quoi", "Champ", "Ancienne valeur", "Nouvelle valeur"],
            [list(a) for a in found.audit],
        ),
    }


def write_person_workbook(found: PersonFile, target: str | Path) -> None:
    """One sheet per kind of data; written under a temporary name, then renamed (.xlsx or
    .ods by the extension)."""
    with write_workbook(target) as book:
        for name, (header, rows) in _sheets(found).items():
            sheet = book.add_sheet(name, [ColumnSpec(22)] * len(header))
            sheet.row(0, header, Style.HEADER)
            for number, row in enumerate(rows, start=1):
                sheet.row(number, row, Style.TEXT)
            sheet.freeze(1, 0)
            sheet.page(PageSetup(landscape=len(header) > 6, repeat_rows=(0, 0)))
