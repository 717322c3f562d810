"""A French postcode is five digits; Corsica's departments (2A, 2B) are written 20xxx in
postcodes (QA item 13: « 9A » was accepted)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.holders import Holder, holder_problems
from contrat_desktop.domain.identifiers import postcode_problem


@given(st.integers(0, 99_999))
def test_five_digits_are_a_postcode(number: int) -> None:
    assert postcode_problem(f"{number:05d}") is None


@given(st.text(max_size=8).filter(lambda t: not (len(t) == 5 and t.isascii() and t.isdigit())))
def test_anything_else_is_refused_in_french(text: str) -> None:
    assert postcode_problem(text) == f"Le code postal « {text} » doit compter 5 chiffres." or (
        "la Corse s'écrit 20xxx" in (postcode_problem(text) or "")
    )


@pytest.mark.parametrize("typed", ["9A", "2A004", "2B 200", "9435", "943500", "94 350", "٩٤٣٥٠"])
def test_a_holder_with_a_wrong_postcode_is_refused_on_that_field(typed: str) -> None:
    problems = holder_problems(Holder("Association", postcode=typed))
    assert [p.field for p in problems] == ["postcode"]
    assert f"« {typed} » doit compter 5 chiffres" in str(problems[0])
    if typed.startswith("2"):
        assert "la Corse s'écrit 20xxx, pas 2A ou 2B" in str(problems[0])
    assert holder_problems(Holder("Association", postcode="20000")) == []
