import pytest

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.identifiers import (
    luhn_valid,
    make_siret,
    normalise_dauphin,
    normalise_siret,
    siret_problem,
    validate_rna,
    validate_siret,
)

VALID_SIRETS = [
    "73282932000074",  # a published SIRET (Apple France)
    "35600000000048",  # La Poste (digit sum multiple of 5, Luhn fails)
    "35600000049837",  # La Poste, another establishment
    make_siret("21940079", "0001"),
]
INVALID_SIRETS = [
    "73282932000075",  # last digit changed
    "7328293200007",  # 13 digits
    "732829320000745",  # 15 digits
    "7328293200007A",  # a letter
    "35600000000049",  # La Poste with a wrong key
    "12345678900000",  # SIREN key wrong
]


@pytest.mark.parametrize("siret", VALID_SIRETS)
def test_valid_sirets_pass(siret: str) -> None:
    assert siret_problem(siret) is None
    assert validate_siret(siret) == siret


@pytest.mark.parametrize("siret", INVALID_SIRETS)
def test_invalid_sirets_are_explained_in_french(siret: str) -> None:
    problem = siret_problem(siret)
    assert problem is not None and "SIRE" in problem
    with pytest.raises(ValidationError) as caught:
        validate_siret(siret)
    assert caught.value.field == "siret"


def test_siret_typed_as_a_number_gets_its_leading_zero_back() -> None:
    siret = make_siret("04422181", "0001")
    assert siret.startswith("0")
    assert normalise_siret(int(siret)) == siret
    assert validate_siret(int(siret)) == siret
    assert normalise_siret(" 732 829 320 00074 ") == "73282932000074"


def test_luhn_on_known_numbers() -> None:
    assert luhn_valid("732829320")
    assert not luhn_valid("732829321")


@pytest.mark.parametrize("rna", ["W941234567", "w751000123", " W 941234567 "])
def test_valid_rna(rna: str) -> None:
    assert validate_rna(rna).startswith("W")
    assert len(validate_rna(rna)) == 10


@pytest.mark.parametrize(
    "rna", ["941234567", "W94123456", "W9412345678", "X941234567", "W94123456A"]
)
def test_invalid_rna(rna: str) -> None:
    with pytest.raises(ValidationError, match="W suivi de 9 chiffres"):
        validate_rna(rna)


def test_dauphin_numbers() -> None:
    assert normalise_dauphin("DA12345678") == "12345678"
    assert normalise_dauphin(1234567) == "01234567"
    with pytest.raises(ValidationError, match="8 chiffres"):
        normalise_dauphin("DA123")
