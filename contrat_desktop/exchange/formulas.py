"""Find formulas saved without their computed value (written by a program, never opened),
in an .xlsx here and in an .ods by ``ods_scan``.

Such a cell reads as empty, so the import would silently lose it. The sheet's XML is
scanned in chunks straight from the zip: a ``<f>`` element in a cell with no ``<v>`` value.
The caller decides which of those cells matter (the export's own totals row does not).
``FormulasAhead`` looks while the sheets are being read: unzipping, like calamine's reading,
lets another thread run, so the scan mostly costs no waiting.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

_FORMULA = re.compile(rb"<f[ >/]")
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_VALUE = re.compile(rb"<v>[^<]")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CHUNK = 4 * 1024 * 1024


def sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding ``sheet_name`` (``xl/worksheets/sheet1.xml``)."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PKG_REL}Relationship")}
    for sheet in book.iter(f"{_MAIN}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{_REL}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def uncached_formulas(path: Path, sheet_name: str) -> Iterator[tuple[int, int, str]]:
    """Each formula cell without a cached value: (row, 1-based; column, 0-based; ``B5``)."""
    if path.suffix.lower() == ".csv":
        return  # text only: no formula
    if path.suffix.lower() == ".ods":
        from contrat_desktop.exchange import ods_scan

        yield from ods_scan.uncached_formulas(path, sheet_name)
        return
    with zipfile.ZipFile(path) as archive:
        part = sheet_part(archive, sheet_name)
        if part is None or part not in archive.namelist():
            return
        with archive.open(part) as stream:
            carry = b""
            while True:
                chunk = stream.read(CHUNK)
                data = carry + chunk
                if not chunk:
                    yield from _scan(data)
                    return
                cut = data.rfind(b"</c>")
                cut = cut + 4 if cut >= 0 else 0
                yield from _scan(data[:cut])
                carry = data[cut:]


class FormulasAhead:
    """The uncached formulas of the sheets ``names``, looked for in a background thread from
    now on; ``of(name)`` waits for them (a sheet not named is scanned then)."""

    def __init__(self, path: Path, names: Iterable[str]) -> None:
        self.path = path
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="formules")
        self.found: dict[str, Future[list[tuple[int, int, str]]]] = {
            name: pool.submit(_listed, path, name) for name in names
        }
        pool.shutdown(wait=False)  # the scans queued still run; nothing waits for them here

    def of(self, name: str) -> list[tuple[int, int, str]]:
        """As ``uncached_formulas(path, name)`` gives them; its errors are raised here."""
        found = self.found.get(name)
        return found.result() if found is not None else _listed(self.path, name)


def _listed(path: Path, name: str) -> list[tuple[int, int, str]]:
    return list(uncached_formulas(path, name))


def _scan(data: bytes) -> Iterator[tuple[int, int, str]]:
    """The cells of ``data`` (whole cells) holding a formula and no value; only the cells
    around each ``<f`` are looked at (a sheet of values costs one search)."""
    end = 0
    for formula in _FORMULA.finditer(data):
        if formula.start() < end:
            continue  # in the cell just looked at
        start = data.rfind(b"<c", 0, formula.start())
        cell = _CELL.match(data, start) if start >= 0 else None
        if cell is None:
            continue
        end = cell.end()
        body = cell.group(2) or b""
        if not _VALUE.search(body):
            ref = _REF.search(cell.group(1))
            yield _position(ref.group(1).decode()) if ref else (0, 0, "?")


def _position(ref: str) -> tuple[int, int, str]:
    letters = ref.rstrip("0123456789")
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(ref[len(letters) :]), column - 1, ref
