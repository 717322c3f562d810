from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import format_cents, parse_money


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1 234,56", 123456),
        ("1 234,56 €", 123456),
        ("1\u202f234,56\u00a0€", 123456),
        ("1.234,56", 123456),
        ("1234.56", 123456),
        ("1234,5", 123450),
        ("1,234.56", 123456),
        ("1.234.567", 123456700),
        ("1.234", 123400),  # French thousands separator
        ("12.5", 1250),
        ("0", 0),
        ("-12,30", -1230),
        ("(45,00)", -4500),
        ("  23 000 EUR ", 2300000),
        ("7 164 euros", 716400),
    ],
)
def test_parse_what_people_type(text: str, cents: int) -> None:
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    ("value", "cents"),
    [(22555.73, 2255573), (7164, 716400), (Decimal("10.10"), 1010), (0.1 + 0.2, 30)],
)
def test_parse_spreadsheet_numbers(value: object, cents: int) -> None:
    assert parse_money(value) == cents


@pytest.mark.parametrize(
    "text", ["", "abc", "12,345", "1.23.4", "1 2,3,4", "12,3a", "€", True, None, "1,2.3,4"]
)
def test_garbage_is_refused_in_french(text: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_money(text)
    assert any(word in str(caught.value) for word in ("Montant", "montant", "Séparateurs"))


def test_format_is_french() -> None:
    assert format_cents(123456) == "1\u202f234,56\u00a0€"
    assert format_cents(-5) == "-0,05\u00a0€"
    assert format_cents(100_000_000, currency=False) == "1\u202f000\u202f000,00"


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_format_then_parse_round_trips(cents: int) -> None:
    assert parse_money(format_cents(cents)) == cents
    assert parse_money(format_cents(cents, currency=False)) == cents
    assert parse_money(format_cents(cents).replace("\u202f", " ").replace("\u00a0", " ")) == cents


@given(st.integers(min_value=0, max_value=10**11))
def test_english_and_dotted_forms_round_trip(cents: int) -> None:
    units, rest = divmod(cents, 100)
    assert parse_money(f"{units}.{rest:02d}") == cents
    assert parse_money(f"{units:,}.{rest:02d}") == cents
    assert parse_money(f"{units:,}".replace(",", ".") + f",{rest:02d}") == cents


def test_amount_fields_accept_empty_refuse_negative() -> None:
    from contrat_desktop.domain.money import amount_or_none, parse_optional_amount

    assert parse_optional_amount("  ") is None
    assert parse_optional_amount("1 234,5") == 123450
    with pytest.raises(ValidationError, match="négatif"):
        parse_optional_amount("-3")
    assert amount_or_none("-3") is None and amount_or_none("abc") is None
