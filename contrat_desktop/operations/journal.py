"""The journal of the dossier: every change, newest first, filtered, read a page at a time,
and written to a workbook or a PDF (the journal page and ``contrat-desktop-cli journal``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.field_labels import FIELD_LABELS, field_label
from contrat_desktop.domain.field_values import display_value, snapshot, snapshot_text
from contrat_desktop.domain.journal import ACT_LABELS, RECORD_LABELS, JournalFilter, JournalLine
from contrat_desktop.exchange.file_format import file_format
from contrat_desktop.storage.audit import AuditEntry
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.journal import (
    AuditQuery,
    audit_authors,
    audit_count,
    audit_page,
    audit_rows,
    code_names,
    record_names,
)

Names = dict[str, dict[Any, str]]
PAGE = 200
MAX_PDF_LINES = 20_000
LONGEST_VALUE = 400  # characters of a snapshot shown in a cell


def stored_query(wanted: JournalFilter) -> AuditQuery:
    wanted.check()
    text = wanted.text.strip()
    folded = text.casefold()
    fields = (
        tuple(name for name, label in FIELD_LABELS.items() if folded in label.casefold())
        if len(folded) >= 3
        else ()
    )
    until = wanted.until + timedelta(days=1) if wanted.until else None
    return AuditQuery(
        since=wanted.since.isoformat() if wanted.since else None,
        before=until.isoformat() if until else None,
        who=wanted.who or None,
        entity=wanted.kind or None,
        text=text,
        fields=fields,
    )


def journal_page(
    dossier: Dossier,
    wanted: JournalFilter,
    after: JournalLine | None,
    names: Names,
    limit: int = PAGE,
) -> list[JournalLine]:
    """The next ``limit`` lines after ``after`` (the last line shown), newest first."""
    key = (after.at, after.id) if after is not None else None
    entries = audit_page(dossier.db, stored_query(wanted), key, limit)
    return readable(dossier, entries, names)


def journal_count(dossier: Dossier, wanted: JournalFilter) -> int:
    return audit_count(dossier.db, stored_query(wanted))


def journal_authors(dossier: Dossier) -> list[str]:
    return audit_authors(dossier.db)


def journal_lines(dossier: Dossier, wanted: JournalFilter, names: Names) -> Iterator[JournalLine]:
    """Every matching line newest first (read and named a batch at a time)."""
    batch: list[AuditEntry] = []
    for entry in audit_rows(dossier.db, stored_query(wanted)):
        batch.append(entry)
        if len(batch) == 2_000:
            yield from readable(dossier, batch, names)
            batch = []
    yield from readable(dossier, batch, names)


def readable(dossier: Dossier, entries: list[AuditEntry], names: Names) -> list[JournalLine]:
    wanted: dict[str, list[int]] = defaultdict(list)
    for entry in entries:
        if entry.entity_id is not None:
            wanted[entry.entity].append(entry.entity_id)
    records = record_names(dossier.db, wanted)
    names = {**code_names(dossier.db), **names}
    if wanted.keys() & {"import_mapping", "import_journal"}:
        names = {**names, **import_names(dossier)}
    return [_line(entry, records, names) for entry in entries]


def import_names(dossier: Dossier) -> Names:
    """The kinds of workbook an import reads by their titles (« Tableau de programmation »)
    and their columns by their headers (« Porteur », « État – Accordé »), by key."""
    from contrat_desktop.operations.imports import TARGETS
    from contrat_desktop.storage.repositories import Repositories

    repos = Repositories(dossier)
    layouts: dict[Any, str] = {}
    columns: dict[Any, str] = {}
    for name, target in TARGETS.items():
        layout = target.layout(repos)
        layouts[name] = layout.title
        for column in layout.columns:
            shown = f"{column.group} – {column.header}" if column.group else column.header
            columns.setdefault(column.key, shown)
    return {"layout": layouts, "column": columns}


def _line(entry: AuditEntry, records: Names, names: Names) -> JournalLine:
    table = entry.entity
    record_value = snapshot(entry.new_value if entry.operation != "delete" else entry.old_value)
    record = RECORD_LABELS.get(table, table.replace("_", " "))
    name = records.get(table, {}).get(entry.entity_id or 0, "")
    if not name and record_value:
        keys = ("reference", "name", "legal_name", "title", "file_name")
        name = next((str(record_value[k]) for k in keys if record_value.get(k)), "")
    if not name and entry.entity_id is not None:
        name = f"n° {entry.entity_id}"
    act = ACT_LABELS.get(entry.operation, entry.operation.replace("_", " ").capitalize())
    what = f"{act} – {record} {name}".strip()
    field = entry.field or ""
    if entry.operation in {"create", "delete"} and record_value is not None:
        summary = snapshot_text(record_value, names, table, empty=("0",))
        old, new = (summary, "") if entry.operation == "delete" else ("", summary)
    elif field:
        old = display_value(field, entry.old_value, names, table)
        new = display_value(field, entry.new_value, names, table)
    else:
        old = display_value("", entry.old_value, names, table)
        new = (
            snapshot_text(record_value, names, table, empty=("0",))
            if record_value is not None
            else display_value("", entry.new_value, names, table)
        )
    return JournalLine(
        id=entry.id or 0,
        at=entry.at,
        who=entry.who,
        what=what,
        field=field_label(field, table) if field else "",
        old=_short(old),
        new=_short(new),
    )


def _short(text: str) -> str:
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def write_journal(
    dossier: Dossier,
    wanted: JournalFilter,
    target: str | Path,
    names: Names,
    *,
    organisation: str = "",
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> int:
    """Write the filtered journal to ``target`` (.xlsx, .ods or .pdf); the number of lines.

    Refused, with nothing written, when nothing matches, when the suffix is neither, or
    when a PDF would be too long to print."""
    target = Path(target)
    suffix = "." + file_format(target, (".xlsx", ".ods", ".pdf"))
    count = journal_count(dossier, wanted)
    if count == 0:
        raise ValidationError(
            f"Aucune modification ne correspond au filtre ({wanted.describe()}) : "
            "aucun fichier n'a été écrit."
        )
    if suffix == ".pdf" and count > MAX_PDF_LINES:
        raise ValidationError(
            f"Le journal filtré compte {count} lignes : trop pour un PDF "
            f"({MAX_PDF_LINES} au plus). Restreignez la période ou exportez en .xlsx ou .ods."
        )
    lines = _counted(journal_lines(dossier, wanted, names), count, progress)
    title = f"Journal des modifications – {dossier.path.stem}"
    if suffix != ".pdf":
        from contrat_desktop.exchange.journal_workbook import write_journal_workbook

        write_journal_workbook(lines, target, title, wanted.describe())
    else:
        from contrat_desktop.exchange.atomic_file import replaced_atomically
        from contrat_desktop.reports.journal import journal_pdf

        content = journal_pdf(
            list(lines), title, wanted.describe(), organisation, now or datetime.now()
        )
        with replaced_atomically(target) as temporary:
            temporary.write_bytes(content)
    return count


def _counted(
    lines: Iterable[JournalLine], total: int, progress: Callable[[int, int], None] | None
) -> Iterator[JournalLine]:
    for number, line in enumerate(lines, start=1):
        if progress is not None and number % 2_000 == 0:
            progress(number, total)
        yield line
