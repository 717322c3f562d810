"""A hostile-file set of our own making, each imported by ``contrat-desktop-cli import`` in
a fresh process into the demo dossier.

Refused files (truncated, empty, zip bomb, wrong extension, password-protected, formulas
without cached values, too many rows, huge rows) must be refused or reported row by row
with a French message naming the file, exit code 1 or 2, no traceback, the dossier
byte-identical and no backup made. Accepted files must keep what they say: text cells
holding ``=HYPERLINK(...)``, ``+cmd``, ``@SUM`` are stored as that very text; an older
export imported after a newer one must not silently put back the values changed since.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.injection import PAYLOADS

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = re.compile(
    r"\b(the|is not|file|error|invalid|not found|denied|exception|traceback|no such)\b", re.I
)
LIMIT_SECONDS = 120
CSV = "Référence;Avis\n2016-CS-001;Favorable\n"
_RUN = (
    "import resource, sys\n"
    "from contrat_desktop.cli import main\n"
    "code = main(sys.argv[2:])\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    "sys.exit(code)\n"
)


@dataclass
class Outcome:
    name: str
    what: str
    exit_code: int = 0
    seconds: float = 0.0
    peak_mib: float = 0.0
    message: str = ""
    problems: list[str] = field(default_factory=list)


def _import(dossier: Path, workbook: Path, *extra: str) -> tuple[int, str, float, float]:
    peak_file = workbook.with_name(workbook.name + ".memoire")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(peak_file), "import", str(workbook), "--db",
         str(dossier), *extra],
        capture_output=True, text=True, timeout=LIMIT_SECONDS * 2,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    seconds = time.perf_counter() - start
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else 0.0
    peak_file.unlink(missing_ok=True)
    return done.returncode, done.stdout + done.stderr, seconds, peak


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_refused(dossier: Path, workbook: Path, what: str, *, may_apply: bool = False) -> Outcome:
    """The file must be refused (or reported row by row) and leave no trace; with
    ``may_apply`` it may also be imported, but never crash nor take unbounded time."""
    from contrat_desktop.storage.backup import list_backups

    before, backups = _digest(dossier), len(list_backups(dossier))
    code, text, seconds, peak = _import(dossier, workbook)
    outcome = Outcome(workbook.name, what, code, seconds, peak, text.strip()[:300])
    if code not in ((0, 1, 2) if may_apply else (1, 2)):
        outcome.problems.append(f"code de sortie {code}")
    if "Traceback" in text:
        outcome.problems.append("trace Python")
    if code and _digest(dossier) != before:
        outcome.problems.append("dossier modifié")
    if code and len(list_backups(dossier)) != backups:
        outcome.problems.append("sauvegarde créée")
    if workbook.name not in text:
        outcome.problems.append("le message ne nomme pas le fichier")
    english = ENGLISH.findall(text.replace(workbook.name, ""))
    if english:
        outcome.problems.append(f"anglais : {sorted(set(english))}")
    if seconds > LIMIT_SECONDS:
        outcome.problems.append(f"{seconds:.0f} s")
    return outcome


def hostile_set(folder: Path, dossier: Path) -> list[Outcome]:
    from contrat_desktop.operations.programmation_export import export_programmation
    from contrat_desktop.storage.database import open_dossier

    folder.mkdir(parents=True, exist_ok=True)
    export = folder / "programmation-2016.xlsx"
    with open_dossier(dossier, read_only=True) as opened:
        export_programmation(opened, 2016, export)
        export_programmation(opened, 2016, folder / "programmation-2016.ods")
    refused: list[tuple[str, Callable[[Path], Path]]] = [
        ("tronqué au milieu", lambda f: _write(f / "tronque.xlsx", _half(export))),
        ("vide (0 octet)", lambda f: _write(f / "vide.xlsx", b"")),
        ("bombe zip (2 millions de lignes, 2 Mo compressés)", _zip_bomb),
        ("PDF renommé en .xlsx", lambda f: _write(f / "pdf.xlsx", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj")),
        ("CSV renommé en .xlsx", lambda f: _write(f / "csv.xlsx", CSV.encode())),
        ("classeur .xlsx nommé .xls", lambda f: _copy(export, f / "classeur.xls")),
        ("OpenDocument nommé .xlsx", lambda f: _copy(f / "programmation-2016.ods", f / "ods.xlsx")),
        ("archive zip quelconque", _plain_zip),
        ("protégé par mot de passe", _password_protected),
        ("formules sans valeur calculée", _formulas_without_values),
        ("100 001 lignes", _too_many_rows),
    ]  # fmt: skip
    outcomes = [check_refused(dossier, make(folder), what) for what, make in refused]
    huge = "ligne de 16 384 colonnes, cellule de 32 767 caractères (importable)"
    outcomes.append(check_refused(dossier, _huge_rows(folder), huge, may_apply=True))
    outcomes.append(_text_that_looks_like_formulas(folder, dossier))
    outcomes.append(_older_export_after_newer(folder, dossier))
    return outcomes


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _half(path: Path) -> bytes:
    data = path.read_bytes()
    return data[: len(data) // 2]


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Programmation" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def _zip_bomb(folder: Path) -> Path:
    """A valid workbook whose one sheet inflates from about 2 MB to about 150 MB."""
    path = folder / "bombe.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _RELS),
            ("xl/workbook.xml", _WORKBOOK),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ):
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            sheet.write(
                b'<row r="1"><c r="A1" t="inlineStr"><is><t>R\xc3\xa9f\xc3\xa9rence</t></is></c>'
                b'<c r="B1" t="inlineStr"><is><t>Avis</t></is></c></row>'
            )
            for start in range(2, 2_000_002, 10_000):
                sheet.write(
                    b"".join(
                        b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>Favorable</t></is></c></row>'
                        % (n, n)
                        for n in range(start, start + 10_000)
                    )
                )
            sheet.write(b"</sheetData></worksheet>")
    return path


def _plain_zip(folder: Path) -> Path:
    path = folder / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("lisez-moi.txt", "Rien ici.")
    return path


def _password_protected(folder: Path) -> Path:
    """What Excel writes for a protected workbook: an OLE2 container holding the
    ``EncryptionInfo`` and ``EncryptedPackage`` streams (here without real encryption)."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    names = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return _write(folder / "protege.xlsx", header + names + bytes(2048))


def _formulas_without_values(folder: Path) -> Path:
    import openpyxl

    path = folder / "formules.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Programmation"
    sheet.append(["Référence", "Intitulé de l'action", "Montant demandé"])
    for n in range(1, 6):
        sheet.append([f"2016-CS-{n:03d}", f"Action {n}", f"=1000*{n}"])
    book.save(path)  # openpyxl stores no calculated value
    return path


def _too_many_rows(folder: Path) -> Path:
    import xlsxwriter

    path = folder / "trop-de-lignes.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Programmation")
    sheet.write_row(0, 0, ["Référence", "Avis"])
    for row in range(1, 100_002):
        sheet.write_string(row, 0, f"2016-CS-{row:06d}")
        sheet.write_string(row, 1, "Favorable")
    book.close()
    return path


def _huge_rows(folder: Path) -> Path:
    import xlsxwriter

    path = folder / "lignes-enormes.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Programmation")
    sheet.write_row(0, 0, ["Référence", "Intitulé de l'action", "Observations"])
    sheet.write_row(1, 0, ["2016-CS-001", "Action", "x" * 32_767])
    for column in range(16_384):
        sheet.write_string(2, column, "2016-CS-002" if column == 0 else "y")
    book.close()
    return path


def _text_that_looks_like_formulas(folder: Path, dossier: Path) -> Outcome:
    """Observations ``=HYPERLINK(...)``, ``+cmd``, ``@SUM`` in text cells: stored as text.
    (A fresh export: the files before may have changed the dossier since the first.)"""
    import openpyxl

    from contrat_desktop.operations.programmation_export import export_programmation
    from contrat_desktop.storage.database import open_dossier

    export = folder / "export-avant-texte.xlsx"
    with open_dossier(dossier, read_only=True) as opened:
        export_programmation(opened, 2016, export)
    path = folder / "texte-piege.xlsx"
    book = openpyxl.load_workbook(export)
    sheet = book["Programmation"]
    header = next(r for r in range(1, 10) if "Observations" in [c.value for c in sheet[r]])
    column = [c.value for c in sheet[header]].index("Observations") + 1
    texts = list(PAYLOADS.values())
    references = []
    for offset, text in enumerate(texts, start=1):
        cell = sheet.cell(header + offset, column)
        cell.value, cell.data_type = text, "s"  # a text cell, as a spreadsheet would keep it
        references.append(sheet.cell(header + offset, 2).value)
    book.save(path)
    code, text, seconds, peak = _import(dossier, path)
    outcome = Outcome(path.name, "texte qui ressemble à des formules", code, seconds, peak)
    outcome.message = text.strip()[:300]
    with open_dossier(dossier, read_only=True) as opened:
        stored = dict(
            opened.db.execute(
                f"SELECT reference, observations FROM action WHERE reference IN "
                f"({', '.join('?' for _ in references)})",
                references,
            ).fetchall()
        )
    wrong = [ref for ref, want in zip(references, texts, strict=True) if stored.get(ref) != want]
    if code != 0 or wrong:
        outcome.problems.append(f"code {code}, observations différentes : {wrong}")
    return outcome


def _older_export_after_newer(folder: Path, dossier: Path) -> Outcome:
    """Export, change 10 observations in the dossier, export again and import that one,
    then import the first export, returned with an avis on every row (a row returned
    unedited brings nothing): the 10 changes must not be silently put back."""
    import openpyxl

    from contrat_desktop.operations.programmation_export import export_programmation
    from contrat_desktop.storage.database import open_dossier

    older, newer = folder / "export-ancien.xlsx", folder / "export-recent.xlsx"
    with open_dossier(dossier, daily_backup=False) as opened:
        export_programmation(opened, 2016, older)
        book = openpyxl.load_workbook(older)
        sheet = book["Programmation"]
        avis = next(c.column for c in sheet[4] if c.value == "Avis")
        for row in range(5, sheet.max_row):  # the last row holds the totals
            sheet.cell(row=row, column=avis).value = "Favorable"
        book.save(older)
        ids = [row[0] for row in opened.db.execute(
            "SELECT a.id FROM action a JOIN campaign c ON c.id = a.campaign_id "
            "WHERE c.year = 2016 ORDER BY a.id LIMIT 10")]  # fmt: skip
        with opened.db.atomic():
            for action_id in ids:
                opened.writer.update(
                    "action", action_id, {"observations": "Changée après l'export"},
                    opened.db.execute("SELECT version FROM action WHERE id = ?",
                                      [action_id]).fetchone()[0],
                )  # fmt: skip
        export_programmation(opened, 2016, newer)
    _import(dossier, newer)
    code, text, seconds, peak = _import(dossier, older, "--json")
    outcome = Outcome(older.name, "export ancien importé après un plus récent", code, seconds)
    outcome.peak_mib, outcome.message = peak, text.strip()[:300]
    with open_dossier(dossier, read_only=True) as opened:
        kept = opened.db.execute(
            f"SELECT count(*) FROM action WHERE observations = ? AND id IN "
            f"({', '.join('?' for _ in ids)})",
            ["Changée après l'export", *ids],
        ).fetchone()[0]
    if kept != len(ids):
        outcome.problems.append(f"{len(ids) - kept} valeur(s) remise(s) en arrière sans conflit")
    return outcome


def measure(folder: Path) -> list[Outcome]:
    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.samples import fill_demo

    folder.mkdir(parents=True, exist_ok=True)
    dossier = create_dossier(folder / "demo.cdv", fill=fill_demo, force=True)
    return hostile_set(folder / "fichiers", dossier)
