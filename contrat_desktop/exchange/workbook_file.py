"""Open a workbook for import (.xlsx, .xlsm or .ods), or refuse it as a whole with a French
reason.

Checks run cheapest first: extension (it names the format), size, signature (an old ``.xls``
and a password-protected workbook are both OLE2 files), zip structure and the format it
holds (never an Excel workbook under an .ods name, nor the reverse), then the fast reader
(python-calamine reads both formats).
"""

from __future__ import annotations

import hashlib
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine

from contrat_desktop.domain.file_sizes import format_size
from contrat_desktop.exchange.csv_book import read_csv
from contrat_desktop.exchange.refusal import WorkbookRefused

log = logging.getLogger(__name__)
MAX_BYTES = 50_000_000  # « 50,0 Mo » in the decimal units of format_size
MAX_ROWS = 100_000
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
_SAVE_AS_XLSX = "ouvrez-le dans votre tableur et enregistrez-le au format .xlsx ou .ods"
READ_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods", ".csv": "csv"}
_KNOWN = "un classeur .xlsx (Excel) ou .ods (LibreOffice, OpenDocument)"


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    hidden: bool


@dataclass(frozen=True, slots=True)
class WorkbookFile:
    path: Path
    size_bytes: int
    sha256: str
    sheets: tuple[SheetInfo, ...]
    book: Any  # python_calamine.CalamineWorkbook
    kind: str = "xlsx"  # or "ods", "csv"

    @property
    def name(self) -> str:
        return self.path.name

    def visible_sheets(self) -> list[SheetInfo]:
        return [sheet for sheet in self.sheets if not sheet.hidden]

    def sheet(self, name: str) -> Any:
        """The sheet ``name`` to read: calamine's, or a long .xlsx sheet read by slices
        (``chunked_sheet.py``) so that it never sits in memory whole."""
        if self.kind == "xlsx":
            from contrat_desktop.exchange.chunked_sheet import long_sheet

            long = long_sheet(self.path, name)
            if long is not None:
                return long
        return self.book.get_sheet_by_name(name)

    def merged_ranges(self, sheet: Any, name: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The merged cells of ``sheet`` (a calamine sheet named ``name``) near its top."""
        if self.kind == "ods":  # calamine does not report them for OpenDocument
            from contrat_desktop.exchange.headers import HEADER_SCAN_ROWS
            from contrat_desktop.exchange.ods_scan import merged_ranges

            return merged_ranges(self.path, name, HEADER_SCAN_ROWS)
        return list(sheet.merged_cell_ranges or [])


def open_workbook(path: str | Path) -> WorkbookFile:
    """The workbook's sheets, size and checksum; raises ``WorkbookRefused``."""
    path = Path(path)
    name = path.name
    kind = READ_SUFFIXES.get(path.suffix.lower())
    if kind is None and path.suffix.lower() != ".xls":
        shown = f"l'extension « {path.suffix} »" if path.suffix else "un nom sans extension"
        raise WorkbookRefused(
            f"Le fichier « {name} » ne peut pas être importé : {shown} ne correspond à aucun "
            f"format de classeur connu. Importez {_KNOWN}."
        )
    try:
        size = path.stat().st_size
    except OSError:
        raise WorkbookRefused(f"Le fichier « {name} » est introuvable.") from None
    if size == 0:
        raise WorkbookRefused(f"Le fichier « {name} » est vide.")
    if size > MAX_BYTES:
        raise WorkbookRefused(
            f"Le fichier « {name} » est trop gros ({format_size(size)}) : "
            f"la limite est de {format_size(MAX_BYTES)}."
        )
    data = path.read_bytes()
    if kind == "csv":  # the State's lists as data.gouv.fr publishes them
        checksum, rows = read_csv(path, data)
        return WorkbookFile(path, size, checksum, (SheetInfo(rows.name, False),), rows, kind)
    _check_signature(name, data, kind or "xls")  # an .xls holding a zip: say rename it
    sha256 = hashlib.sha256(data).hexdigest()
    del data
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets = tuple(
            SheetInfo(meta.name, meta.visible != python_calamine.SheetVisibleEnum.Visible)
            for meta in book.sheets_metadata
            if meta.typ == python_calamine.SheetTypeEnum.WorkSheet
        )
    except python_calamine.PasswordError:
        raise _protected(name) from None
    except Exception as error:  # calamine raises several unrelated types on broken files
        raise _corrupted(name, error) from None
    if not sheets:
        raise WorkbookRefused(f"Le classeur « {name} » ne contient aucune feuille de calcul.")
    return WorkbookFile(path, size, sha256, sheets, book, kind or "xlsx")


def _check_signature(name: str, data: bytes, kind: str) -> None:
    if data.startswith(_OLE2):
        if _ENCRYPTED in data:
            raise _protected(name)
        raise WorkbookRefused(
            f"Le fichier « {name} » est un classeur Excel ancien (.xls) : {_SAVE_AS_XLSX}, "
            "puis importez ce nouveau fichier."
        )
    if not data.startswith(b"PK"):
        raise WorkbookRefused(f"Le fichier « {name} » n'est pas {_KNOWN}.")
    try:
        with zipfile.ZipFile(_BytesSource(data)) as archive:
            names = set(archive.namelist())
            holds = "ods" if "mimetype" in names and archive.read("mimetype") == _ODS else ""
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError) as error:
        raise _corrupted(name, error) from None
    if not holds and "xl/workbook.xml" in names:
        holds = "xlsx"
    if holds == "ods" and "content.xml" not in names:
        raise _corrupted(name, "content.xml absent")
    if not holds:
        raise WorkbookRefused(f"Le fichier « {name} » n'est pas {_KNOWN}.")
    if holds != kind:
        described = {"xlsx": "un classeur Excel (.xlsx)", "ods": "un classeur OpenDocument (.ods)"}
        raise WorkbookRefused(
            f"Le fichier « {name} » est {described[holds]} enregistré sous une autre "
            f"extension : renommez-le en .{holds}, puis importez-le à nouveau."
        )


def _protected(name: str) -> WorkbookRefused:
    return WorkbookRefused(
        f"Le classeur « {name} » est protégé par un mot de passe : ouvrez-le dans votre "
        "tableur, retirez le mot de passe, enregistrez-le, puis importez-le à nouveau."
    )


def _corrupted(name: str, error: object) -> WorkbookRefused:
    """The reader's own (English) words go to the log, the user reads French."""
    log.info("workbook %s unreadable: %s", name, error)
    what = (
        "incomplet (tronqué pendant une copie ou un téléchargement ?) ou endommagé"
        if isinstance(error, (zipfile.BadZipFile, EOFError))
        else "endommagé"
    )
    return WorkbookRefused(
        f"Le classeur « {name} » est {what} et ne peut pas être lu. "
        "Demandez à l'expéditeur de vous le renvoyer."
    )


class _BytesSource:
    """A seekable view of bytes for ``zipfile`` without copying them."""

    def __init__(self, data: bytes) -> None:
        self._view = memoryview(data)
        self._position = 0

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._position, 2: len(self._view)}[whence]
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else self._position + size
        chunk = bytes(self._view[self._position : end])
        self._position += len(chunk)
        return chunk

    def seekable(self) -> bool:
        return True
