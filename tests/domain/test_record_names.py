"""One map names the kinds of record (``RECORD_LABELS``): the journal, the history tab, the
personal-data export, storage's messages and the CLI's ``--kind`` all read it."""

from __future__ import annotations

import pytest

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.journal import RECORD_KINDS, RECORD_LABELS, record_kind, with_article


def test_every_kind_the_filter_lists_has_a_name() -> None:
    assert set(RECORD_KINDS) <= set(RECORD_LABELS)


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Financement", "funding_line"),
        ("financements", "funding_line"),
        ("funding_line", "funding_line"),
        ("  REUNION ", "meeting"),
        ("Pièce jointe", "attachment"),
        ("pieces jointes", "attachment"),
        ("Correspondance de colonnes", "import_mapping"),
    ],
)
def test_a_kind_is_found_by_its_french_name_or_its_code(text: str, table: str) -> None:
    assert record_kind(text) == table


def test_an_unknown_kind_lists_the_names_in_french() -> None:
    with pytest.raises(ValidationError) as refused:
        record_kind("subvention")
    said = str(refused.value)
    assert "« subvention »" in said and "« Financement »" in said and "funding_line" not in said


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ("action", "l'action"),
        ("funding_line", "le financement"),
        ("meeting", "la réunion"),
        ("envelope", "l'enveloppe"),
        ("import_mapping", "la correspondance de colonnes"),
    ],
)
def test_a_record_in_a_sentence(table: str, said: str) -> None:
    assert with_article(table) == said
