"""Cell values read the French way, and written back: one parser and one formatter per kind.

A parser takes what the reader gives (``str``, ``float``, ``int``, ``bool``, ``date``,
``datetime`` or ``None``) and returns the domain value, plus an optional warning; it raises
``ValidationError`` with a French reason when the cell cannot be used (an invalid SIRET, a
negative amount, an impossible date...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.framework import PATH_SEPARATOR
from contrat_desktop.domain.identifiers import (
    normalise_dauphin,
    normalise_siret,
    postcode_problem,
    siret_problem,
)
from contrat_desktop.domain.money import format_cents, parse_money
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.layout import CellKind, Column

EXCEL_EPOCH = date(1899, 12, 30)
_DATE_TEXT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+)?$")

Parsed = tuple[Any, str | None]  # value, warning


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_cell(column: Column, raw: Any) -> Parsed:
    """The domain value of ``raw`` for ``column`` (``None`` for a blank cell)."""
    if is_blank(raw):
        return None, None
    return PARSERS[column.kind](column, raw)


def _text(column: Column, raw: Any) -> Parsed:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw)), None
    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y %H:%M"), None
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y"), None
    return str(raw).strip(), None


def _money(column: Column, raw: Any) -> Parsed:
    if isinstance(raw, (date, datetime)):
        raise ValidationError(f"Un montant est attendu, pas une date ({_text(column, raw)[0]}).")
    if isinstance(raw, str):
        raw = raw.strip()
    cents = parse_money(raw)
    if cents < 0:
        raise ValidationError("Un montant ne peut pas être négatif.")
    return cents, None


def parse_date_value(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, bool):
        raise ValidationError("Une date est attendue, pas une valeur vrai/faux.")
    if isinstance(raw, (int, float)):
        if not 1 <= raw < 2_958_466:  # 31/12/9999
            raise ValidationError(f"Date illisible : {raw}.")
        return EXCEL_EPOCH + timedelta(days=int(raw))
    text = str(raw).strip()
    try:
        match = _DATE_TEXT.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        match = _ISO_DATE.match(text)
        if match:
            return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValidationError(f"Date impossible : « {text} ».") from None
    raise ValidationError(f"Date illisible : « {text} » (attendu jj/mm/aaaa).")


def _date(column: Column, raw: Any) -> Parsed:
    return parse_date_value(raw), None


def _integer(column: Column, raw: Any) -> Parsed:
    if isinstance(raw, bool):
        raise ValidationError("Un nombre entier est attendu.")
    if isinstance(raw, int):
        return raw, None
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw), None
        raise ValidationError(f"Un nombre entier est attendu, pas {raw}.".replace(".", ",", 1))
    text = re.sub(r"[\s\u00a0\u202f]", "", str(raw))
    if re.fullmatch(r"-?\d+", text):
        return int(text), None
    raise ValidationError(f"Un nombre entier est attendu, pas « {str(raw).strip()} ».")


def _siret(column: Column, raw: Any) -> Parsed:
    warning = None
    if isinstance(raw, float):
        if not raw.is_integer():
            raise ValidationError(f"SIRET illisible : {raw}.")
        raw = int(raw)
    siret = normalise_siret(raw)
    typed = str(raw).strip().replace(" ", "")
    if siret != typed and siret.lstrip("0") == typed.lstrip("0") and len(typed) < 14:
        warning = f"SIRET saisi comme un nombre : zéro initial restauré ({siret})."
    problem = siret_problem(siret, str(raw))
    if problem:
        raise ValidationError(problem)
    return siret, warning


def _postcode(column: Column, raw: Any) -> Parsed:
    """Five digits; one typed as a number (1000 for 01000) gets its leading zero back."""
    warning = None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not 1000 <= raw <= 99999 or raw != int(raw):  # NaN and infinities fail the range
            raise ValidationError(postcode_problem(str(raw)) or "")
        text = f"{int(raw):05d}"
        if raw < 10000:
            warning = f"Code postal saisi comme un nombre : zéro initial restauré ({text})."
        return text, warning
    text = str(raw).strip()
    problem = postcode_problem(text)
    if problem:
        raise ValidationError(problem)
    return text, None


def _dauphin(column: Column, raw: Any) -> Parsed:
    if isinstance(raw, float):
        if not raw.is_integer():
            raise ValidationError(f"Numéro Dauphin illisible : {raw}.")
        raw = int(raw)
    return normalise_dauphin(raw), None


@lru_cache(maxsize=256)
def _choice_index(choices: tuple[tuple[str, str], ...]) -> dict[str, str]:
    index = {header_key(code): code for code, _ in choices}
    index.update({header_key(label): code for code, label in choices})
    return index


def _choice(column: Column, raw: Any) -> Parsed:
    code = _choice_index(column.choices).get(header_key(raw))
    if code is not None:
        return code, None
    allowed = ", ".join(f"« {label} »" for _, label in column.choices)
    raise ValidationError(
        f"Valeur inconnue « {str(raw).strip()} » ; valeurs possibles : {allowed}."
    )


@lru_cache(maxsize=64)
def _path_index(paths: tuple[tuple[str, str], ...]) -> dict[str, int]:
    """Node id by full path (« Cohésion sociale › Éducation »; punctuation, case and accents
    aside), and by a node's own label where no other node has it (a pillar alone, as the
    exports before the full path wrote it; a State list's sub-theme)."""
    nodes = [(int(code), path) for code, path in paths if code.isdigit()]
    index: dict[str, int] = {}
    for code, path in nodes:  # the first of equal paths wins: active, latest generation
        index.setdefault(header_key(path), code)
    owners: dict[str, set[int]] = {}
    for code, path in nodes:
        owners.setdefault(header_key(path.rsplit(PATH_SEPARATOR, 1)[-1]), set()).add(code)
    for key, codes in owners.items():
        if len(codes) == 1 and key not in index:
            index[key] = codes.pop()
    return index


def _framework(column: Column, raw: Any) -> Parsed:
    node_id = _path_index(column.choices).get(header_key(raw))
    if node_id is not None:
        return node_id, None
    example = next((p for _, p in column.choices if PATH_SEPARATOR in p), "")
    raise ValidationError(
        f"« {str(raw).strip()} » n'est pas dans le cadre stratégique du dossier : écrivez le "
        f"chemin complet, niveaux séparés par « {PATH_SEPARATOR.strip()} »"
        + (f" (par exemple « {example} »)." if example else ".")
    )


PARSERS: dict[CellKind, Callable[[Column, Any], Parsed]] = {
    CellKind.TEXT: _text,
    CellKind.LONG_TEXT: _text,
    CellKind.MONEY: _money,
    CellKind.DATE: _date,
    CellKind.INTEGER: _integer,
    CellKind.YEAR: _integer,
    CellKind.SIRET: _siret,
    CellKind.POSTCODE: _postcode,
    CellKind.DAUPHIN: _dauphin,
    CellKind.CHOICE: _choice,
    CellKind.FRAMEWORK: _framework,
}


def display(column: Column, value: Any) -> str:
    """A value as a person reads it in a preview (``1 234,56 €``, ``31/12/2026``)."""
    if value is None or value == "":
        return "(vide)"
    if column.kind is CellKind.MONEY:
        return format_cents(int(value))
    if column.kind is CellKind.DATE and isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if column.kind is CellKind.CHOICE or column.kind is CellKind.FRAMEWORK:
        return column.label_of(str(value))
    return str(value)


def cell_value(column: Column, value: Any) -> Any:
    """What the export writes: euros as numbers, dates as dates, choices as labels."""
    if value is None:
        return None
    if column.kind is CellKind.MONEY:
        return int(value) / 100
    if column.kind is CellKind.CHOICE or column.kind is CellKind.FRAMEWORK:
        return column.label_of(str(value))
    return value
