"""The attributive acts of an action written in one workbook cell and read back:
« Convention n° 2026-14 du 12/05/2026 », or, when its funders' acts differ,
« État BOP 147 : Arrêté n° 12 ; Ville : Convention n° C-3 du 02/06/2026 »."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import ActKind, ActLine, FundingLine

_ACT = re.compile(
    r"^(?P<kind>arr[eê]t[eé]|convention|cpo(?: pluriannuelle)?)"
    r"(?: (?P<first>\d{4}) ?- ?(?P<last>\d{4}))?"
    r"(?: n° ?(?P<number>.+?))?"
    r"(?: du (?P<signed>\d{1,2}/\d{1,2}/\d{4}))?$",
    re.IGNORECASE,
)
EXAMPLE = "« Convention n° 2026-14 du 12/05/2026 »"


@dataclass(frozen=True, slots=True)
class ActText:
    kind: ActKind
    number: str = ""
    signed_on: date | None = None
    first_year: int | None = None
    last_year: int | None = None

    def matches(self, line: FundingLine) -> bool:
        return (
            line.act_kind is self.kind
            and line.act_number == self.number
            and line.act_signed_on == self.signed_on
            and line.cpo_first_year == self.first_year
            and line.cpo_last_year == self.last_year
        )


def acts_cell(lines: Sequence[ActLine], names: Mapping[int, str]) -> str | None:
    """The acts of an action's lines in one cell (None when no act is recorded)."""
    labels = {line.funder_id: line.act_label() for line in lines if line.act_kind}
    if not labels:
        return None
    granted = [line for line in lines if line.granted_cents]
    if len(set(labels.values())) == 1 and labels.keys() >= {line.funder_id for line in granted}:
        return next(iter(labels.values()))
    return " ; ".join(f"{names.get(f, f'n° {f}')} : {text}" for f, text in labels.items())


def parse_act(text: str) -> ActText:
    match = _ACT.match(" ".join(text.split()))
    if match is None:
        raise ValidationError(
            f"Acte illisible : « {text} » (attendu par exemple {EXAMPLE}).", field="act"
        )
    word = match["kind"].lower()
    kind = (
        ActKind.DECREE
        if word.startswith("arr")
        else ActKind.AGREEMENT
        if word == "convention"
        else ActKind.MULTI_YEAR
    )
    signed = None
    if match["signed"]:
        try:
            signed = datetime.strptime(match["signed"], "%d/%m/%Y").date()
        except ValueError:
            raise ValidationError(
                f"Date de l'acte impossible : « {match['signed']} ».", field="act"
            ) from None
    first = int(match["first"]) if match["first"] else None
    last = int(match["last"]) if match["last"] else None
    return ActText(kind, (match["number"] or "").strip(), signed, first, last)


def parse_acts_cell(text: str, funders: Mapping[str, int]) -> dict[int | None, ActText]:
    """Funder id → its act (``None``: the act of every granted line). ``funders`` maps the
    names a cell may use (name or short name) to funder ids."""
    found: dict[int | None, ActText] = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        name, colon, rest = part.partition(" : ")
        if colon:
            funder = funders.get(name.strip().casefold())
            if funder is None:
                raise ValidationError(f"Financeur inconnu dans l'acte : « {name.strip()} ».")
            found[funder] = parse_act(rest)
        else:
            found[None] = parse_act(part)
    return found
