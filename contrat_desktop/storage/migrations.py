"""Named, append-only schema migrations (sqlite-utils ``Migrations``).

Never edit a migration that has shipped: add ``0002_...`` below it. Each step runs in one
transaction with the record of it having been applied. Statements are executed one by one
(``executescript`` would commit in the middle of the transaction).
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from contrat_desktop.storage.council_schema import COUNCIL_SCHEMA
from contrat_desktop.storage.search_index import SEARCH_SCHEMA
from contrat_desktop.storage.seeds import seed_reference_data

MIGRATIONS = Migrations("contrat_desktop")

_BENEFICIARY_COLUMNS = """
    {p}_total INTEGER, {p}_women INTEGER, {p}_men INTEGER,
    {p}_age_0_5 INTEGER, {p}_age_6_11 INTEGER, {p}_age_12_17 INTEGER,
    {p}_age_18_25 INTEGER, {p}_age_26_64 INTEGER, {p}_age_65_plus INTEGER,
    {p}_qpv_share_percent INTEGER
"""

_INITIAL_SCHEMA = [
    """CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE contract (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        start_year INTEGER NOT NULL,
        end_year INTEGER NOT NULL,
        epci TEXT NOT NULL DEFAULT '',
        signatories TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE commune (
        id INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contract(id) ON DELETE CASCADE,
        insee_code TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (contract_id, insee_code)
    ) STRICT""",
    """CREATE TABLE district (
        id INTEGER PRIMARY KEY,
        contract_id INTEGER REFERENCES contract(id) ON DELETE SET NULL,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        generation INTEGER NOT NULL DEFAULT 2015,
        population INTEGER,
        commune_codes TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE campaign (
        id INTEGER PRIMARY KEY,
        contract_id INTEGER REFERENCES contract(id) ON DELETE SET NULL,
        year INTEGER NOT NULL UNIQUE,
        launch_date TEXT,
        filing_deadline TEXT,
        committee_dates TEXT NOT NULL DEFAULT '[]',
        priorities TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE framework_node (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES framework_node(id) ON DELETE RESTRICT,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        generation INTEGER NOT NULL DEFAULT 2015,
        position INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    "CREATE INDEX idx_framework_node_parent ON framework_node(parent_id)",
    """CREATE TABLE holder (
        id INTEGER PRIMARY KEY,
        legal_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        acronym TEXT NOT NULL DEFAULT '',
        siret TEXT NOT NULL DEFAULT '',
        rna TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        postcode TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        legal_representative TEXT NOT NULL DEFAULT '',
        contact_name TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        dauphin_account TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    "CREATE INDEX idx_holder_siret ON holder(siret)",
    """CREATE TABLE funder (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        short_name TEXT NOT NULL DEFAULT '',
        instructing_service TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE envelope (
        id INTEGER PRIMARY KEY,
        funder_id INTEGER NOT NULL REFERENCES funder(id) ON DELETE RESTRICT,
        year INTEGER NOT NULL,
        amount_cents INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (funder_id, year)
    ) STRICT""",
    f"""CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        holder_id INTEGER NOT NULL REFERENCES holder(id) ON DELETE RESTRICT,
        campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE RESTRICT,
        status TEXT NOT NULL,
        dauphin_number TEXT NOT NULL DEFAULT '',
        renewal_of_id INTEGER REFERENCES action(id) ON DELETE SET NULL,
        multi_year INTEGER NOT NULL DEFAULT 0,
        framework_node_id INTEGER REFERENCES framework_node(id) ON DELETE RESTRICT,
        description TEXT NOT NULL DEFAULT '',
        objectives TEXT NOT NULL DEFAULT '',
        target_public TEXT NOT NULL DEFAULT '',
        {_BENEFICIARY_COLUMNS.format(p="beneficiaries")},
        start_date TEXT,
        end_date TEXT,
        place TEXT NOT NULL DEFAULT '',
        total_cost_cents INTEGER NOT NULL DEFAULT 0,
        own_funds_cents INTEGER NOT NULL DEFAULT 0,
        other_income_cents INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    "CREATE INDEX idx_action_campaign ON action(campaign_id)",
    "CREATE INDEX idx_action_holder ON action(holder_id)",
    "CREATE INDEX idx_action_renewal ON action(renewal_of_id)",
    "CREATE INDEX idx_action_dauphin ON action(dauphin_number)",
    """CREATE TABLE action_district (
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        district_id INTEGER NOT NULL REFERENCES district(id) ON DELETE RESTRICT,
        PRIMARY KEY (action_id, district_id)
    ) STRICT, WITHOUT ROWID""",
    """CREATE TABLE action_axis (
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        node_id INTEGER NOT NULL REFERENCES framework_node(id) ON DELETE RESTRICT,
        PRIMARY KEY (action_id, node_id)
    ) STRICT, WITHOUT ROWID""",
    """CREATE TABLE status_change (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        source TEXT,
        target TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
    ) STRICT""",
    "CREATE INDEX idx_status_change_action ON status_change(action_id)",
    """CREATE TABLE funding_line (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        funder_id INTEGER NOT NULL REFERENCES funder(id) ON DELETE RESTRICT,
        requested_cents INTEGER NOT NULL DEFAULT 0,
        proposed_cents INTEGER,
        granted_cents INTEGER,
        decision_reference TEXT NOT NULL DEFAULT '',
        decision_date TEXT,
        act_kind TEXT,
        multi_year_agreement INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (action_id, funder_id)
    ) STRICT""",
    "CREATE INDEX idx_funding_line_funder ON funding_line(funder_id)",
    """CREATE TABLE payment (
        id INTEGER PRIMARY KEY,
        funding_line_id INTEGER NOT NULL REFERENCES funding_line(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        paid_on TEXT NOT NULL,
        accounting_reference TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    "CREATE INDEX idx_payment_line ON payment(funding_line_id)",
    f"""CREATE TABLE report (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL UNIQUE REFERENCES action(id) ON DELETE CASCADE,
        received_on TEXT,
        realised_cost_cents INTEGER,
        realised_funding_cents INTEGER,
        gap_explanation TEXT NOT NULL DEFAULT '',
        {_BENEFICIARY_COLUMNS.format(p="beneficiaries")},
        sessions_held INTEGER,
        objectives_met TEXT,
        assessment TEXT NOT NULL DEFAULT '',
        follow_up TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE attachment (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        added_on TEXT NOT NULL,
        added_by TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL
    ) STRICT""",
    "CREATE INDEX idx_attachment_action ON attachment(action_id)",
    """CREATE TABLE body_kind (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        steering INTEGER NOT NULL DEFAULT 0
    ) STRICT""",
    """CREATE TABLE body (
        id INTEGER PRIMARY KEY,
        kind_code TEXT NOT NULL REFERENCES body_kind(code) ON UPDATE CASCADE,
        name TEXT NOT NULL,
        chairs TEXT NOT NULL DEFAULT '',
        min_meetings_per_year INTEGER NOT NULL DEFAULT 1,
        quorum_count INTEGER,
        quorum_fraction_percent INTEGER,
        council_required INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        operation TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT
    ) STRICT""",
    "CREATE INDEX idx_audit_entity ON audit(entity, entity_id)",
]


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    for statement in _INITIAL_SCHEMA:
        db.execute(statement)
    seed_reference_data(db)


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


def applied_names(db: Database) -> list[str]:
    return [migration.name for migration in MIGRATIONS.applied(db)]


def known_names() -> list[str]:
    return [migration.name for migration in MIGRATIONS._migrations]


def pending_names(db: Database) -> list[str]:
    return [migration.name for migration in MIGRATIONS.pending(db)]
