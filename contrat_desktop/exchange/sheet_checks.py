"""Sheets refused before their rows are read: a header row with merged cells, and a mapping
that sends two columns into one field. Each refusal names the file, the sheet and the cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from contrat_desktop.exchange.cell_address import cell_name
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.refusal import WorkbookRefused

Merged = Sequence[tuple[tuple[int, int], tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class SheetPlace:
    file_name: str
    sheet: str
    header_cell: tuple[int, int]  # 0-based row and column of the header row's first cell
    header: Sequence[Any]  # the header row's cells, from that column on


def refuse_merged_header(file_name: str, sheet: str, row: int, merged: Merged) -> None:
    """Merged cells across the header row (0-based ``row``) leave a column without a name."""
    for start, end in merged:
        if start[0] <= row <= end[0] and start != end:
            first, last = cell_name(*start), cell_name(*end)
            raise WorkbookRefused(
                f"La ligne d'en-tête (ligne {row + 1}) de la feuille « {sheet} » du classeur "
                f"« {file_name} » contient des cellules fusionnées ({first}:{last}) : chaque "
                "colonne doit avoir son propre intitulé. Annulez la fusion dans votre tableur, "
                "nommez chaque colonne, enregistrez, puis importez à nouveau."
            )


def field_twice(place: SheetPlace, layout: Layout, mapping: Mapping[int, str | None]) -> str:
    """What is wrong when two columns fill one field (which one would win is a guess), as
    the end of a French sentence; empty when every field has at most one column."""
    by_field: dict[str, list[int]] = {}
    for index, key in sorted(mapping.items()):
        if key is not None:
            by_field.setdefault(key, []).append(int(index))
    for key, indexes in by_field.items():
        if len(indexes) < 2:
            continue
        row, first = place.header_cell
        named = " et ".join(
            f"{cell_name(row, first + i)} « {_header_at(place.header, i)} »" for i in indexes
        )
        known = {column.key: column.header for column in layout.columns}
        return (
            f"les colonnes {named} de la feuille « {place.sheet} » du classeur "
            f"« {place.file_name} » remplissent toutes le champ « {known.get(key, key)} »"
        )
    return ""


def _header_at(header: Sequence[Any], index: int) -> str:
    value = header[index] if index < len(header) else None
    return "" if value is None else str(value).strip()
