"""The one rule deciding what format a written file takes: its extension, among the formats
the command or window can write; any other extension (or none) is refused by name in French,
before anything is read or written.

Every operation that writes a file calls ``file_format`` (``write_workbook`` does it for
workbooks); the window's save dialogs add the chosen filter's extension to a name that has
none (``ui/written_file.py``) and leave the rest to the same check.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from contrat_desktop.domain.errors import ValidationError

PDF = (".pdf",)
WORKBOOKS = (".xlsx", ".ods")
LABELS = {
    ".xlsx": ".xlsx (Excel)",
    ".ods": ".ods (LibreOffice, OpenDocument)",
    ".odt": ".odt (OpenDocument)",
    ".docx": ".docx (Word)",
    ".html": ".html (page web)",
    ".ics": ".ics (agenda)",
    ".csv": ".csv (SCDL)",
    ".cdv": ".cdv (dossier)",
    ".cdvenvoi": ".cdvenvoi (envoi)",
}


class UnknownFileFormat(ValidationError):
    """The target's extension names no format this file can be written in."""


def file_format(path: str | Path, allowed: Sequence[str]) -> str:
    """The format (``"pdf"``, ``"xlsx"``…) named by ``path``'s extension, one of ``allowed``
    (extensions with their dot); raises ``UnknownFileFormat`` with a French message."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise UnknownFileFormat(refusal(path, allowed), field="path")
    return suffix.lstrip(".")


def refusal(path: Path, allowed: Sequence[str]) -> str:
    """Why ``path`` cannot be written: its extension, and the ones that can."""
    shown = f"l'extension « {path.suffix} »" if path.suffix else "un nom sans extension"
    labels = [LABELS.get(s, s) for s in allowed]
    choices = " ou ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels)
    return (
        f"« {path.name} » : {shown} ne correspond à aucun format pris en charge ; "
        f"choisissez un fichier {choices}. Rien n'a été écrit."
    )
