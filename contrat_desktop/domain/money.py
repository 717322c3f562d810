"""Money: integer cents, one French formatter and one tolerant parser.

Amounts never travel as floats. ``format_cents`` writes ``1 234,56 €`` with the French
typography (narrow no-break space between thousands, no-break space before the euro sign);
``parse_money`` reads what people type or what a workbook holds.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from contrat_desktop.domain.errors import ValidationError

THOUSANDS_SEPARATOR = "\u202f"  # narrow no-break space (French typography)
CURRENCY_SEPARATOR = "\u00a0"  # no-break space before the euro sign

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")
_CURRENCY = re.compile(r"(€|eur(?:os?)?)", re.IGNORECASE)
_DIGITS = re.compile(r"^\d+$")


def format_cents(cents: int, *, currency: bool = True) -> str:
    """``123456`` → ``1 234,56 €`` (with no-break spaces)."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    grouped = f"{units:,}".replace(",", THOUSANDS_SEPARATOR)
    text = f"{sign}{grouped},{rest:02d}"
    return f"{text}{CURRENCY_SEPARATOR}€" if currency else text


NO_AMOUNT = "—"  # no amount at that stage (none entered), which is not an amount of zero
AMOUNT_LEGEND = f"{NO_AMOUNT} : aucun montant à ce stade ; 0 € : montant nul."


def format_amount(cents: int | None) -> str:
    """``format_cents``, or « — » where no amount was entered (``None``)."""
    return NO_AMOUNT if cents is None else format_cents(cents)


def parse_money(value: object) -> int:
    """Return integer cents from a number or a text written the French or English way.

    Accepts ``1 234,56``, ``1 234,56 €``, ``1.234,56``, ``1234.56``, ``1234,5``, ``-12``,
    ints, Decimals and floats (as a spreadsheet cell gives them). Raises ``ValidationError``
    with a French message on anything else, including more than two decimals.
    """
    if isinstance(value, bool):
        raise ValidationError("Un montant est attendu, pas une valeur vrai/faux.")
    if isinstance(value, int):
        return value * 100
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError("Montant invalide (valeur non numérique).")
        return _to_cents(Decimal(repr(value)), str(value), allow_rounding=True)
    if isinstance(value, Decimal):
        return _to_cents(value, str(value), allow_rounding=False)
    if not isinstance(value, str):
        raise ValidationError(f"Montant illisible : {value!r}.")
    return _parse_text(value)


def _parse_text(original: str) -> int:
    text = _CURRENCY.sub("", original)
    text = _SPACES.sub("", text)
    if not text:
        raise ValidationError("Le montant est vide.")
    negative = False
    if text[0] in "-+":
        negative = text[0] == "-"
        text = text[1:]
    elif text.startswith("(") and text.endswith(")"):  # accounting negative
        negative = True
        text = text[1:-1]
    number = _normalise_separators(text, original)
    try:
        amount = Decimal(number)
    except InvalidOperation:
        raise ValidationError(f"Montant illisible : « {original.strip()} ».") from None
    cents = _to_cents(amount, original, allow_rounding=False)
    return -cents if negative else cents


def _normalise_separators(text: str, original: str) -> str:
    """Turn ``1.234,56`` / ``1,234.56`` / ``1234,5`` into ``1234.56``-like text."""
    has_comma, has_dot = "," in text, "." in text
    if has_comma and has_dot:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands_sep = "." if decimal_sep == "," else ","
        integer, _, fraction = text.rpartition(decimal_sep)
        groups = integer.split(thousands_sep)
        _check_groups(groups, original)
        return "".join(groups) + "." + fraction
    if has_comma:
        parts = text.split(",")
        if len(parts) == 2:
            return parts[0] + "." + parts[1]
        _check_groups(parts, original)  # 1,234,567: thousands only
        return "".join(parts)
    if has_dot:
        parts = text.split(".")
        if len(parts) == 2 and len(parts[1]) != 3:
            return text
        _check_groups(parts, original)  # 1.234 or 1.234.567: thousands
        return "".join(parts)
    return text


def _check_groups(groups: list[str], original: str) -> None:
    head, *tail = groups
    if not (_DIGITS.match(head) and 1 <= len(head) <= 3) and tail:
        raise ValidationError(f"Séparateurs de milliers incohérents : « {original.strip()} ».")
    if any(len(group) != 3 or not _DIGITS.match(group) for group in tail):
        raise ValidationError(f"Séparateurs de milliers incohérents : « {original.strip()} ».")


def _to_cents(amount: Decimal, original: str, *, allow_rounding: bool) -> int:
    if not amount.is_finite():
        raise ValidationError(f"Montant illisible : « {original.strip()} ».")
    scaled = amount * 100
    if scaled != scaled.to_integral_value() and not allow_rounding:
        raise ValidationError(
            f"Montant avec plus de deux décimales : « {original.strip()} » "
            "(les montants sont arrondis au centime)."
        )
    try:
        return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:  # beyond the decimal context's precision: no real amount
        raise ValidationError(f"Montant trop grand : « {original.strip()} ».") from None


def parse_optional_amount(text: str) -> int | None:
    """What an amount field holds: ``None`` when empty; raises on text or a negative amount."""
    if not text.strip():
        return None
    cents = parse_money(text)
    if cents < 0:
        raise ValidationError("Un montant ne peut pas être négatif.")
    return cents


def amount_or_none(text: str) -> int | None:
    """The amount typed, or ``None`` when it is empty or unreadable (see the field's error)."""
    try:
        return parse_optional_amount(text)
    except ValidationError:
        return None
