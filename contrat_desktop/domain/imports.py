"""What an import leaves behind: its journal entry, and the column mapping saved per source."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportJournalEntry:
    """One applied import: file, checksum, who, when, counts and the backup taken before."""

    at: str
    who: str
    file_name: str
    sha256: str
    layout: str
    sheet: str = ""
    new_rows: int = 0
    updated_rows: int = 0
    unchanged_rows: int = 0
    error_rows: int = 0
    skipped_rows: int = 0
    amount_cents: int = 0
    backup_path: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SavedMapping:
    """The columns a user confirmed for one kind of source workbook (same headers)."""

    layout: str
    source_key: str  # the workbook's normalised headers
    mapping: dict[int, str]  # sheet column index → column key
    source_label: str = ""  # the file name it was saved from
    saved_at: str = ""
    id: int | None = None
    version: int = 1
