"""Cell values read the French way; no input crashes a parser (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.exchange.cells import parse_cell
from contrat_desktop.exchange.layout import CellKind, Column

MONEY = Column("m", "Montant", CellKind.MONEY)
DATE = Column("d", "Date", CellKind.DATE)
SIRET = Column("s", "SIRET", CellKind.SIRET)
CHOICE = Column("c", "Avis", CellKind.CHOICE, choices=(("favorable", "Favorable"),))


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("1 234,56 €", 123456),
        ("1.234,56", 123456),
        ("1\u202f234,56\u00a0€", 123456),
        (1234.56, 123456),
        (1500.0, 150000),
        (12, 1200),
        ("  300 ", 30000),
    ],
)
def test_money_the_french_way(raw: object, cents: int) -> None:
    assert parse_cell(MONEY, raw) == (cents, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("31/12/2026", date(2026, 12, 31)),
        ("1/2/26", date(2026, 2, 1)),
        ("2026-03-04", date(2026, 3, 4)),
        (46022.0, date(2025, 12, 31)),
        (datetime(2026, 5, 1, 10, 0), date(2026, 5, 1)),
        (date(2026, 5, 1), date(2026, 5, 1)),
    ],
)
def test_dates_as_dates_text_or_serial_numbers(raw: object, expected: date) -> None:
    assert parse_cell(DATE, raw)[0] == expected


def test_impossible_date_is_a_french_error() -> None:
    with pytest.raises(ValidationError, match="Date impossible"):
        parse_cell(DATE, "31/02/2026")


def test_siret_typed_as_a_number_is_restored_and_flagged() -> None:
    value, warning = parse_cell(SIRET, 8012345800012.0)  # "08012345800012" lost its zero
    assert value == "08012345800012"
    assert warning is not None and "zéro initial restauré" in warning


def test_blank_and_spaces_are_none() -> None:
    assert parse_cell(MONEY, "   ") == (None, None)
    assert parse_cell(CHOICE, None) == (None, None)


def test_choice_accepts_labels_without_accents_or_case() -> None:
    assert parse_cell(CHOICE, " FAVORABLE ")[0] == "favorable"
    with pytest.raises(ValidationError, match="valeurs possibles"):
        parse_cell(CHOICE, "peut-être")


cell_values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@given(raw=cell_values, kind=st.sampled_from(list(CellKind)))
def test_no_cell_value_crashes_a_parser(raw: object, kind: CellKind) -> None:
    column = Column("k", "Colonne", kind, choices=CHOICE.choices)
    try:
        parse_cell(column, raw)
    except ValidationError as error:
        assert str(error)


@pytest.mark.parametrize(
    ("column", "raw", "reason"),
    [
        (SIRET, "12345678901234", "clé de contrôle"),
        (SIRET, "1234", "14 chiffres"),
        (MONEY, -12.5, "négatif"),
        (MONEY, "-1 500,00 €", "négatif"),
        (MONEY, "(300)", "négatif"),
        (DATE, "31/02/2026", "impossible"),
    ],
)
def test_cells_an_import_cannot_take_are_errors(column: Column, raw: object, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        parse_cell(column, raw)


def test_a_refused_siret_is_quoted_as_typed_not_as_cleaned_up() -> None:
    """QA walk, uxfix d: the message said « Titremodifiépourl'essai »."""
    with pytest.raises(ValidationError, match="« Titre modifié pour l'essai »"):
        parse_cell(SIRET, "Titre modifié pour l'essai")


@pytest.mark.parametrize("raw", [float("inf"), float("-inf"), float("nan")])
def test_a_postcode_that_is_no_number_is_refused_in_french(raw: float) -> None:
    """Found by the property test above: an infinite or NaN cell used to crash the parser."""
    with pytest.raises(ValidationError, match="5 chiffres"):
        parse_cell(Column("postcode", "Code postal", CellKind.POSTCODE), raw)
