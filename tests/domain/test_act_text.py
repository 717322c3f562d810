"""Acts written in a workbook cell and read back."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.act_text import acts_cell, parse_act, parse_acts_cell
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import ActKind, FundingLine

NAMES = {1: "État BOP 147", 2: "Ville"}
IDS = {"état bop 147": 1, "ville": 2}

numbers = st.text(alphabet="ABC0123456789-/", min_size=1, max_size=8)
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@given(
    kind=st.sampled_from([ActKind.DECREE, ActKind.AGREEMENT]),
    number=st.one_of(st.just(""), numbers),
    signed=st.one_of(st.none(), days),
)
def test_a_written_act_reads_back(kind: ActKind, number: str, signed: date | None) -> None:
    line = FundingLine(
        1, 1, granted_cents=100, act_kind=kind, act_number=number, act_signed_on=signed
    )
    (read,) = parse_acts_cell(acts_cell([line], NAMES) or "", IDS).values()
    assert read.matches(line)


def test_acts_that_differ_are_named_by_funder_and_a_cpo_keeps_its_years() -> None:
    lines = [
        FundingLine(9, 1, granted_cents=100, act_kind=ActKind.DECREE, act_number="12"),
        FundingLine(
            9, 2, granted_cents=100, act_kind=ActKind.MULTI_YEAR, cpo_first_year=2026,
            cpo_last_year=2028, act_signed_on=date(2026, 6, 2),
        ),
    ]  # fmt: skip
    cell = acts_cell(lines, NAMES)
    assert cell == "État BOP 147 : Arrêté n° 12 ; Ville : CPO pluriannuelle 2026-2028 du 02/06/2026"
    read = parse_acts_cell(cell or "", IDS)
    assert read[1].matches(lines[0]) and read[2].matches(lines[1])
    assert acts_cell([FundingLine(9, 1)], NAMES) is None


@pytest.mark.parametrize("text", ["Délibération du 12/05/2026", "Convention du 31/02/2026"])
def test_an_unreadable_act_is_refused_in_french(text: str) -> None:
    with pytest.raises(ValidationError, match=r"Acte illisible|impossible"):
        parse_act(text)
    with pytest.raises(ValidationError, match="Financeur inconnu"):
        parse_acts_cell("Région : Arrêté", IDS)
