"""The schema version as people read it."""

from __future__ import annotations

from contrat_desktop.storage.migrations import MIGRATIONS, known_names
from contrat_desktop.storage.schema_versions import SCHEMA_MEANINGS, schema_label


def test_every_schema_version_says_what_it_brought() -> None:
    assert set(known_names()) <= set(SCHEMA_MEANINGS)
    assert schema_label("0017_paid_on_lines") == f"17 ({SCHEMA_MEANINGS['0017_paid_on_lines']})"
    assert schema_label("0099_unknown") == "99"


def test_the_names_opening_reads_are_the_migrations_in_their_order() -> None:
    # opening a dossier reads them from SCHEMA_MEANINGS, without importing sqlite-utils
    assert [migration.name for migration in MIGRATIONS._migrations] == list(SCHEMA_MEANINGS)
    assert known_names() == list(SCHEMA_MEANINGS)
