"""Read a list of candidates for the draw (electoral roll extract, social landlord's tenants,
volunteers) from a workbook (.xlsx, .ods) or a CSV file, into a ``CandidateList``.

Columns are recognised by their header (``Nom``, ``Prénom``, ``Sexe``, ``Année de
naissance``, ``Quartier``...); a row without a name or with an unreadable cell is reported as
a ``RowIssue`` and left out. The list keeps the SHA-256 of the file it was read from.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contrat_desktop.domain.council import Sex
from contrat_desktop.domain.draw import Candidate, CandidateList
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.exchange.cells import parse_cell
from contrat_desktop.exchange.headers import match_columns
from contrat_desktop.exchange.layout import CellKind, Column, Layout
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.exchange.row_values import RowValues
from contrat_desktop.exchange.sheet_reader import RowIssue, read_sheet
from contrat_desktop.exchange.workbook_file import open_workbook

CANDIDATES_LAYOUT = Layout(
    "candidats",
    "Liste de candidats au tirage au sort",
    (
        Column("key", "Identifiant", aliases=("N°", "Numéro", "Id", "N° électeur", "Référence")),
        Column(
            "name", "Nom", aliases=("Nom et prénom", "Nom prénom", "Nom complet", "Nom d'usage")
        ),
        Column("first_name", "Prénom", aliases=("Prénoms",)),
        Column(
            "sex",
            "Sexe",
            CellKind.CHOICE,
            aliases=("Genre", "S"),
            choices=tuple((s.value, s.label) for s in Sex),
        ),
        Column(
            "birth_year",
            "Année de naissance",
            CellKind.INTEGER,
            aliases=("Né(e) en", "Naissance", "Année naissance"),
        ),
        Column("district", "Quartier", aliases=("QPV", "Code QPV", "Quartier de résidence")),
    ),
    required=frozenset({"name"}),
)


@dataclass(frozen=True, slots=True)
class CandidateReading:
    candidates: CandidateList
    issues: tuple[RowIssue, ...]


def read_candidate_list(
    path: str | Path, *, name: str | None = None, source: str | None = None
) -> CandidateReading:
    """Read ``path``; raises ``WorkbookRefused`` (French) when nothing can be read."""
    path = Path(path)
    if path.suffix.lower() in {".csv", ".txt"}:
        rows, issues, digest = _csv_rows(path)
    else:
        book = open_workbook(path)
        reading = read_sheet(book, [CANDIDATES_LAYOUT])
        rows = [(r.row, r.values) for r in reading.rows if not r.errors]
        issues = [issue for r in reading.rows for issue in r.errors]
        digest = book.sha256
    candidates = []
    for number, values in rows:
        built = _candidate(number, values)
        if built is None:
            issues.append(RowIssue(path.name, number, "Nom", "", "Nom manquant : ligne ignorée."))
        else:
            candidates.append(built)
    if not candidates:
        raise WorkbookRefused(f"Aucun candidat lisible dans « {path.name} ».")
    listed = CandidateList(
        name or path.stem,
        source=source or path.name,
        candidates=tuple(candidates),
        file_sha256=digest,
    )
    return CandidateReading(listed, tuple(issues))


def _candidate(number: int, values: Any) -> Candidate | None:
    last, first = values.get("name") or "", values.get("first_name") or ""
    full = " ".join(part for part in (str(last).strip(), str(first).strip()) if part)
    if not full:
        return None
    sex = values.get("sex")
    return Candidate(
        key=str(values.get("key") or number),
        name=full,
        sex=Sex(sex) if sex else None,
        birth_year=values.get("birth_year"),
        district=str(values.get("district") or ""),
    )


def _csv_rows(path: Path) -> tuple[list[tuple[int, RowValues]], list[RowIssue], str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WorkbookRefused(f"Impossible de lire « {path.name} » : {os_reason(error)}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")  # a CSV saved by Excel on Windows
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    )
    lines = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not lines:
        raise WorkbookRefused(f"Le fichier « {path.name} » est vide.")
    columns = {c.key: c for c in CANDIDATES_LAYOUT.columns}
    mapped = match_columns(
        [("", h) for h in lines[0]], {k: c.match_keys() for k, c in columns.items()}
    )
    if "name" not in mapped.values():
        raise WorkbookRefused(f"Pas de colonne « Nom » dans la première ligne de « {path.name} ».")
    index = {key: n for n, key in enumerate(mapped.values())}
    rows, issues = [], []
    for number, line in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in line):
            continue
        cells = []
        for position, key in mapped.items():
            raw = line[position] if position < len(line) else ""
            try:
                cells.append(parse_cell(columns[key], raw)[0])
            except ValidationError as error:
                issues.append(RowIssue(path.name, number, columns[key].header, raw, error.message))
                cells = []
                break
        if cells:
            rows.append((number, RowValues(index, tuple(cells))))
    return rows, issues, hashlib.sha256(data).hexdigest()
