"""Everything the dossier holds on one person, as a workbook (RGPD right of access).

Dates are date cells shown the French way (31/01/2016, 20/03/2016 18:00); codes are said
by their French labels; names, lists and the journal's values stay text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from contrat_desktop.domain.meetings import Presence
from contrat_desktop.domain.privacy import PersonFile
from contrat_desktop.exchange.workbook_styles import Style
from contrat_desktop.exchange.workbook_writer import ColumnSpec, PageSetup, write_workbook

T, D, DT, N = Style.TEXT, Style.DATE, Style.DATETIME, Style.YEAR
Sheet = tuple[list[str], list[Style], list[Sequence[Any]]]  # headers, a style per column, rows


def _moment(text: str) -> datetime | str:
    """An ISO date and time as a date cell (a value that is not one stays as it is)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return text


def _presence(code: str) -> str:
    return Presence(code).label if code in Presence._value2member_map_ else code


def _sheets(found: PersonFile) -> dict[str, Sheet]:
    p = found.person
    return {
        "Personne": (
            ["Nom", "Organisation", "Rôle", "Courriel", "Téléphone"],
            [T] * 5,
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
            [T, T, N, T, T, T, D, D, T, T, D, T],
            [
                [
                    m.college.label,
                    m.sex.label if m.sex else "",
                    m.birth_year or "",
                    m.district,
                    m.designation.label,
                    m.draw_list,
                    m.entry_date,
                    m.exit_date or "",
                    m.exit_reason,
                    "oui" if m.steering_representative else "non",
                    m.consent_date or "",
                    m.consent_purpose,
                ]
                for m in found.mandates
            ],
        ),
        "Présences": (
            ["Réunion", "Instance", "Présence"],
            [DT, T, T],
            [[_moment(at), body, _presence(presence)] for at, body, presence in found.attendance],
        ),
        "Listes de candidats": (
            ["Liste", "Identifiant", "Nom", "Sexe", "Année de naissance", "Quartier"],
            [T, T, T, T, N, T],
            [
                [
                    c.list_name,
                    c.key,
                    c.name,
                    c.sex.label if c.sex else "",
                    c.birth_year or "",
                    c.district,
                ]
                for c in found.candidate_lines
            ],
        ),
        "Tirages": (["Tirage"], [T], [[d] for d in found.drawn_in]),
        "Journal": (
            ["Quand", "Qui", "Quoi", "Champ", "Ancienne valeur", "Nouvelle valeur"],
            [DT, T, T, T, T, T],
            [[_moment(at), *rest] for at, *rest in found.audit],
        ),
    }


def write_person_workbook(found: PersonFile, target: str | Path) -> None:
    """One sheet per kind of data; written under a temporary name, then renamed (.xlsx or
    .ods by the extension)."""
    with write_workbook(target) as book:
        for name, (header, styles, rows) in _sheets(found).items():
            sheet = book.add_sheet(name, [ColumnSpec(22)] * len(header))
            sheet.row(0, header, Style.HEADER)
            for number, row in enumerate(rows, start=1):
                sheet.row(number, row, styles)
            sheet.freeze(1, 0)
            sheet.page(PageSetup(landscape=len(header) > 6, repeat_rows=(0, 0)))
