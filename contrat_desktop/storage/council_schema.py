"""Tables of the conseil citoyen (migration ``0005_council``): councils, members (mandates,
consent), candidate lists with their checksum and source, candidates, and draws with their
seed, algorithm version, quotas, result and reserve (JSON)."""

from __future__ import annotations

COUNCIL_SCHEMA = [
    """CREATE TABLE council (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        district_codes TEXT NOT NULL DEFAULT '[]',
        recognition_act_number TEXT NOT NULL DEFAULT '',
        recognition_act_date TEXT,
        host_structure TEXT NOT NULL DEFAULT '',
        internal_rules TEXT NOT NULL DEFAULT '',
        installed_on TEXT,
        renewal_due_on TEXT,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE council_draw (
        id INTEGER PRIMARY KEY,
        council_id INTEGER REFERENCES council(id) ON DELETE RESTRICT,
        drawn_at TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        witnesses TEXT NOT NULL DEFAULT '[]',
        seats INTEGER NOT NULL,
        seed TEXT NOT NULL,
        algorithm_version TEXT NOT NULL,
        reference_year INTEGER NOT NULL,
        lists TEXT NOT NULL DEFAULT '[]',
        quotas TEXT NOT NULL DEFAULT '[]',
        selected TEXT NOT NULL DEFAULT '[]',
        reserve TEXT NOT NULL DEFAULT '[]',
        pool_size INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE council_member (
        id INTEGER PRIMARY KEY,
        council_id INTEGER NOT NULL REFERENCES council(id) ON DELETE RESTRICT,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
        college TEXT NOT NULL,
        entry_date TEXT NOT NULL,
        sex TEXT,
        birth_year INTEGER,
        district TEXT NOT NULL DEFAULT '',
        designation TEXT NOT NULL DEFAULT 'volontaire',
        draw_list TEXT NOT NULL DEFAULT '',
        draw_id INTEGER REFERENCES council_draw(id) ON DELETE SET NULL,
        organisation TEXT NOT NULL DEFAULT '',
        exit_date TEXT,
        exit_reason TEXT NOT NULL DEFAULT '',
        steering_representative INTEGER NOT NULL DEFAULT 0,
        official INTEGER NOT NULL DEFAULT 0,
        consent_date TEXT,
        consent_purpose TEXT NOT NULL DEFAULT '',
        anonymised_on TEXT,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    "CREATE INDEX idx_council_member_council ON council_member(council_id, entry_date)",
    "CREATE INDEX idx_council_member_person ON council_member(person_id)",
    """CREATE TABLE candidate_list (
        id INTEGER PRIMARY KEY,
        council_id INTEGER REFERENCES council(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        checksum TEXT NOT NULL,
        file_sha256 TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        keep INTEGER NOT NULL DEFAULT 0,
        purged_on TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE candidate (
        id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL REFERENCES candidate_list(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        sex TEXT,
        birth_year INTEGER,
        district TEXT NOT NULL DEFAULT ''
    ) STRICT""",
    "CREATE INDEX idx_candidate_list ON candidate(list_id, position)",
]
