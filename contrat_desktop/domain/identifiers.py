"""Official identifiers: SIRET (Luhn, with La Poste's exception), RNA, Dauphin file numbers."""

from __future__ import annotations

import re

from contrat_desktop.domain.errors import ValidationError

LA_POSTE_SIREN = "356000000"
_RNA = re.compile(r"^W\d{9}$")
_DAUPHIN = re.compile(r"^(?:DA)?(\d{8})$")


_DOUBLED = {str(d): (2 * d if d < 5 else 2 * d - 9) for d in range(10)}


def luhn_valid(digits: str) -> bool:
    """True when the digit string passes the Luhn checksum (every second digit from the
    right doubled, less 9 when above 9)."""
    doubled = _DOUBLED
    return (sum(map(int, digits[::-2])) + sum(doubled[c] for c in digits[-2::-2])) % 10 == 0


def normalise_siret(value: str | int) -> str:
    """Strip spaces; restore leading zeros lost when a spreadsheet stored it as a number."""
    text = str(value).strip().replace(" ", "").replace("\u00a0", "").replace(".", "")
    if isinstance(value, int) or (text.isdigit() and 9 < len(text) < 14):
        text = text.zfill(14)
    return text


def same_body(first_siret: str, second_siret: str) -> bool:
    """Two SIRETs of one legal body (the same SIREN, their first nine digits)."""
    return bool(first_siret) and first_siret[:9] == second_siret[:9]


def siret_problem(siret: str, typed: str | None = None) -> str | None:
    """Return a French explanation when ``siret`` (normalised) is not a valid SIRET, else
    ``None``; the message quotes ``typed``, what the person wrote, when given."""
    if not siret.isdigit() or len(siret) != 14:
        shown = siret if typed is None else typed.strip()
        return f"Le SIRET « {shown} » doit compter exactement 14 chiffres."
    if siret.startswith(LA_POSTE_SIREN):
        # La Poste's establishments do not follow Luhn: their digit sum is a multiple of 5.
        if sum(int(char) for char in siret) % 5 == 0 or luhn_valid(siret):
            return None
        return f"Le SIRET « {siret} » (La Poste) a une clé de contrôle invalide."
    if not luhn_valid(siret[:9]):
        return f"Le SIREN « {siret[:9]} » du SIRET « {siret} » a une clé de contrôle invalide."
    if not luhn_valid(siret):
        return f"Le SIRET « {siret} » a une clé de contrôle invalide (faute de frappe ?)."
    return None


def validate_siret(value: str | int) -> str:
    """Return the normalised SIRET or raise ``ValidationError``."""
    siret = normalise_siret(value)
    problem = siret_problem(siret, str(value))
    if problem:
        raise ValidationError(problem, field="siret")
    return siret


def validate_rna(value: str) -> str:
    """RNA number: ``W`` followed by 9 digits. Returns it upper-cased."""
    rna = value.strip().upper().replace(" ", "")
    if not _RNA.match(rna):
        raise ValidationError(
            f"Le numéro RNA « {value.strip()} » doit être un W suivi de 9 chiffres "
            "(ex. W941234567).",
            field="rna",
        )
    return rna


def normalise_dauphin(value: str | int) -> str:
    """Dauphin file number: 8 digits; GISPRO writes ``DA`` + 8 digits. Returns the 8 digits."""
    text = str(value).strip().upper().replace(" ", "")
    if isinstance(value, int) or text.isdigit():
        text = text.zfill(8)
    match = _DAUPHIN.match(text)
    if not match:
        raise ValidationError(
            f"Le numéro de dossier Dauphin « {str(value).strip()} » doit compter 8 chiffres "
            "(éventuellement précédés de DA).",
            field="dauphin_number",
        )
    return match.group(1)


def with_luhn_digit(digits: str) -> str:
    """Append the digit that makes ``digits`` pass the Luhn check (to make test identifiers)."""
    for candidate in "0123456789":
        if luhn_valid(digits + candidate):
            return digits + candidate
    raise AssertionError("unreachable: one Luhn digit always fits")


def make_siret(siren_digits: str, establishment_digits: str) -> str:
    """A valid SIRET from 8 SIREN digits and 4 establishment digits (check digits added)."""
    siren = with_luhn_digit(siren_digits)
    return with_luhn_digit(siren + establishment_digits)


def postcode_problem(postcode: str) -> str | None:
    """Why ``postcode`` is not a French postcode (five digits; Corsica's departments 2A and
    2B are written 20000 to 20620 in postcodes), or None."""
    if re.fullmatch(r"[0-9]{5}", postcode):
        return None
    corsica = postcode[:2].upper() in {"2A", "2B"}
    why = " (la Corse s'écrit 20xxx, pas 2A ou 2B)" if corsica else ""
    return f"Le code postal « {postcode} » doit compter 5 chiffres{why}."
