"""Named, append-only schema migrations (sqlite-utils ``Migrations``).

Never edit a migration that has shipped: add ``0002_...`` below it. Each step runs in one
transaction with the record of it having been applied. Statements are executed one by one
(``executescript`` would commit in the middle of the transaction). A new migration gets its
line in ``schema_versions.SCHEMA_MEANINGS`` too: opening a dossier reads which migrations it
lacks from that list, without importing this module (nor sqlite-utils) when none is pending.
"""

from __future__ import annotations

import json

from sqlite_utils import Database, Migrations

from contrat_desktop.storage.bilan_text_schema import BILAN_TEXT_SCHEMA
from contrat_desktop.storage.council_schema import COUNCIL_SCHEMA
from contrat_desktop.storage.exchange_schema import EXCHANGE_IDENTITY_SCHEMA
from contrat_desktop.storage.funding_schema import FUNDING_CYCLE_SCHEMA, PAID_ON_LINES_SCHEMA
from contrat_desktop.storage.journal import JOURNAL_INDEXES
from contrat_desktop.storage.money_totals_schema import MONEY_TOTALS_SCHEMA
from contrat_desktop.storage.reconciliation_schema import RECONCILIATION_SCHEMA
from contrat_desktop.storage.reminder_indexes_schema import REMINDER_INDEXES_SCHEMA
from contrat_desktop.storage.request_file_schema import (
    CERFA_12156_PIECES,
    REQUEST_FILE_SCHEMA,
    SEED_PIECES,
)
from contrat_desktop.storage.schema_initial import INITIAL_SCHEMA
from contrat_desktop.storage.schema_versions import (
    MIGRATION_SET,
    applied_names,
    known_names,
    pending_names,
)
from contrat_desktop.storage.search_index import SEARCH_SCHEMA
from contrat_desktop.storage.seed_0001 import seed_0001

__all__ = ["MIGRATIONS", "applied_names", "known_names", "pending_names"]
MIGRATIONS = Migrations(MIGRATION_SET)


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    for statement in INITIAL_SCHEMA:
        db.execute(statement)
    seed_0001(db)  # frozen as it shipped: a change to the seed files is a migration of its own


_EXCHANGE_SCHEMA = [
    # What the préfecture fills in the programmation workbook.
    "ALTER TABLE action ADD COLUMN opinion TEXT",
    "ALTER TABLE action ADD COLUMN observations TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE import_journal (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        layout TEXT NOT NULL,
        sheet TEXT NOT NULL DEFAULT '',
        new_rows INTEGER NOT NULL DEFAULT 0,
        updated_rows INTEGER NOT NULL DEFAULT 0,
        unchanged_rows INTEGER NOT NULL DEFAULT 0,
        error_rows INTEGER NOT NULL DEFAULT 0,
        skipped_rows INTEGER NOT NULL DEFAULT 0,
        amount_cents INTEGER NOT NULL DEFAULT 0,
        backup_path TEXT NOT NULL DEFAULT ''
    ) STRICT""",
    """CREATE TABLE import_mapping (
        id INTEGER PRIMARY KEY,
        layout TEXT NOT NULL,
        source_key TEXT NOT NULL,
        source_label TEXT NOT NULL DEFAULT '',
        mapping TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (layout, source_key)
    ) STRICT""",
]


@MIGRATIONS(name="0002_exchange")
def m0002_exchange(db: Database) -> None:
    for statement in _EXCHANGE_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0003_action_search")
def m0003_action_search(db: Database) -> None:
    for statement in SEARCH_SCHEMA:
        db.execute(statement)


_MEETINGS_SCHEMA = [
    """CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        council_member INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE body_member (
        id INTEGER PRIMARY KEY,
        body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
        seat TEXT NOT NULL DEFAULT 'titulaire',
        position INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (body_id, person_id)
    ) STRICT""",
    """CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE RESTRICT,
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL DEFAULT 120,
        place TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        next_meeting TEXT NOT NULL DEFAULT '',
        minutes_status TEXT NOT NULL DEFAULT 'brouillon',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    "CREATE INDEX idx_meeting_body ON meeting(body_id, starts_at)",
    """CREATE TABLE agenda_item (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        presenter TEXT NOT NULL DEFAULT '',
        duration_minutes INTEGER NOT NULL DEFAULT 15,
        notes TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    "CREATE INDEX idx_agenda_item_meeting ON agenda_item(meeting_id, position)",
    """CREATE TABLE attendance (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
        presence TEXT NOT NULL DEFAULT 'absent',
        represented_by TEXT NOT NULL DEFAULT '',
        invited INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (meeting_id, person_id)
    ) STRICT""",
    """CREATE TABLE examined_action (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE RESTRICT,
        position INTEGER NOT NULL DEFAULT 0,
        opinion TEXT,
        conditions TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (meeting_id, action_id)
    ) STRICT""",
    "CREATE INDEX idx_examined_action_action ON examined_action(action_id)",
    """CREATE TABLE examined_amount (
        examined_action_id INTEGER NOT NULL REFERENCES examined_action(id) ON DELETE CASCADE,
        funder_id INTEGER NOT NULL REFERENCES funder(id) ON DELETE RESTRICT,
        amount_cents INTEGER NOT NULL,
        PRIMARY KEY (examined_action_id, funder_id)
    ) STRICT, WITHOUT ROWID""",
    """CREATE TABLE follow_up (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        who TEXT NOT NULL,
        what TEXT NOT NULL,
        due_on TEXT,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE minutes_document (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        validated_at TEXT NOT NULL,
        validated_by TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL
    ) STRICT""",
    "CREATE INDEX idx_minutes_document_meeting ON minutes_document(meeting_id)",
]


@MIGRATIONS(name="0004_meetings")
def m0004_meetings(db: Database) -> None:
    for statement in _MEETINGS_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0005_council")
def m0005_council(db: Database) -> None:
    for statement in COUNCIL_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0006_exchange_identity")
def m0006_exchange_identity(db: Database) -> None:
    for statement in EXCHANGE_IDENTITY_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0007_journal_indexes")
def m0007_journal_indexes(db: Database) -> None:
    """The journal page reads the audit newest first, filtered by date, author or kind."""
    for statement in JOURNAL_INDEXES:
        db.execute(statement)


# What the seed files changed after 0001 shipped: the logo is kept inside the dossier (52d20d4,
# replacing an unused path) and the retention periods of the council's data (70668ae).
# Dossiers made since hold them from their own 0001 and keep what they hold (OR IGNORE).
_SETTINGS_SINCE_0001 = {
    "logo": None,
    "council.retention_months": 24,
    "council.candidate_lists_retention_months": 2,
}


@MIGRATIONS(name="0008_seed_settings")
def m0008_seed_settings(db: Database) -> None:
    db.execute("DELETE FROM setting WHERE key = 'logo_path' AND value = '\"\"'")
    for key, value in _SETTINGS_SINCE_0001.items():
        db.execute(
            "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)",
            [key, json.dumps(value, ensure_ascii=False)],
        )


@MIGRATIONS(name="0009_commune_version")
def m0009_commune_version(db: Database) -> None:
    # communes are edited one by one in the settings, guarded by their version
    db.execute("ALTER TABLE commune ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


@MIGRATIONS(name="0010_campaign_closed")
def m0010_campaign_closed(db: Database) -> None:
    # a closed campaign takes no renewal any more (its call for projects is over)
    db.execute("ALTER TABLE campaign ADD COLUMN closed INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS(name="0011_funder_siret")
def m0011_funder_siret(db: Database) -> None:
    """The SIRET of a funder: the attribuant of its grants in the open data (SCDL)."""
    db.execute("ALTER TABLE funder ADD COLUMN siret TEXT NOT NULL DEFAULT ''")


@MIGRATIONS(name="0012_funding_cycle")
def m0012_funding_cycle(db: Database) -> None:
    for statement in FUNDING_CYCLE_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0013_holder_dissolved")
def m0013_holder_dissolved(db: Database) -> None:
    # a dissolved holder's actions are not renewed into the next campaign
    db.execute("ALTER TABLE holder ADD COLUMN dissolved_on TEXT")


@MIGRATIONS(name="0014_bilan_texts")
def m0014_bilan_texts(db: Database) -> None:
    """The qualitative parts of the yearly report, per year and section."""
    for statement in BILAN_TEXT_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0015_request_file")
def m0015_request_file(db: Database) -> None:
    for statement in REQUEST_FILE_SCHEMA:
        db.execute(statement)
    for position, piece in enumerate(CERFA_12156_PIECES):
        db.execute(SEED_PIECES, [*piece, position])


@MIGRATIONS(name="0016_reconciliation")
def m0016_reconciliation(db: Database) -> None:
    for statement in RECONCILIATION_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0017_paid_on_lines")
def m0017_paid_on_lines(db: Database) -> None:
    for statement in PAID_ON_LINES_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0018_money_totals")
def m0018_money_totals(db: Database) -> None:
    for statement in MONEY_TOTALS_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0019_reminder_indexes")
def m0019_reminder_indexes(db: Database) -> None:
    for statement in REMINDER_INDEXES_SCHEMA:
        db.execute(statement)
