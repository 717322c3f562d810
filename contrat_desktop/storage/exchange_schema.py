"""The schema of ``0006_exchange_identity``: who a dossier is (its contract, itself, main or
service copy), a stable identity for each action across dossiers, the sync points of the
actions exchanged by packages, and the journal of packages written and applied.

Shipped: never edit it; later changes are new migrations.
"""

from __future__ import annotations

EXCHANGE_IDENTITY_SCHEMA = [
    # A stable identity that travels with the action from one dossier to another (service
    # copies, packages); references may collide between two dossiers, uids do not.
    "ALTER TABLE action ADD COLUMN uid TEXT",
    "UPDATE action SET uid = lower(hex(randomblob(16)))",
    "CREATE UNIQUE INDEX idx_action_uid ON action(uid)",
    """CREATE TRIGGER action_uid_given AFTER INSERT ON action WHEN NEW.uid IS NULL
    BEGIN
        UPDATE action SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
    END""",
    # One row: the dossier's identity. role: 'principal' (the chef de projet's) or 'service'
    # (a copy made from the main dossier for a municipal service or a holder).
    """CREATE TABLE dossier_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        contract_uid TEXT NOT NULL,
        dossier_uid TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'principal',
        service_name TEXT NOT NULL DEFAULT '',
        origin_uid TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL
    ) STRICT""",
    """INSERT INTO dossier_identity (id, contract_uid, dossier_uid, made_at)
    VALUES (1, lower(hex(randomblob(16))), lower(hex(randomblob(16))),
            strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))""",
    # What this dossier last knew of an action exchanged with a peer dossier, as marks in the
    # audit trails (the last audit id): main_mark in the main dossier's, local_mark in this
    # one's. The audit rows after a mark are the edits made since; ids, unlike clocks, never
    # tie or drift between two computers.
    """CREATE TABLE exchange_sync (
        action_uid TEXT NOT NULL,
        peer_uid TEXT NOT NULL,
        main_mark INTEGER NOT NULL,
        local_mark INTEGER NOT NULL,
        PRIMARY KEY (action_uid, peer_uid)
    ) STRICT""",
    """CREATE TABLE package_journal (
        id INTEGER PRIMARY KEY,
        package_uid TEXT NOT NULL,
        kind TEXT NOT NULL,
        direction TEXT NOT NULL,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        peer_uid TEXT NOT NULL,
        peer_label TEXT NOT NULL DEFAULT '',
        actions INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        conflicts_kept INTEGER NOT NULL DEFAULT 0,
        audit_mark INTEGER NOT NULL DEFAULT 0,
        backup_path TEXT NOT NULL DEFAULT ''
    ) STRICT""",
    "CREATE INDEX idx_package_journal_uid ON package_journal(package_uid)",
]
