"""The schema of the first migration (``0001_initial``). Shipped: never edit it; later
changes are new migrations in ``migrations.py``."""

from __future__ import annotations

_BENEFICIARY_COLUMNS = """
    {p}_total INTEGER, {p}_women INTEGER, {p}_men INTEGER,
    {p}_age_0_5 INTEGER, {p}_age_6_11 INTEGER, {p}_age_12_17 INTEGER,
    {p}_age_18_25 INTEGER, {p}_age_26_64 INTEGER, {p}_age_65_plus INTEGER,
    {p}_qpv_share_percent INTEGER
"""

INITIAL_SCHEMA = [
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
