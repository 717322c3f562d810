"""Shapes of INSEE commune codes and QPV codes, and the rules of communes and districts."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.contract import Commune, District
from contrat_desktop.domain.territory import (
    commune_department,
    commune_problems,
    district_code_problem,
    district_generation,
    district_problems,
    insee_problem,
)
from tests.conftest import SHARED_DATA

VITRY = Commune("94081", "Vitry-sur-Seine")
IVRY = Commune("94041", "Ivry-sur-Seine")


@pytest.mark.parametrize("code", ["94081", "01001", "2A004", "2B033", "97411", "97608", "75056"])
def test_insee_codes_accepted(code: str) -> None:
    assert insee_problem(code) is None


@pytest.mark.parametrize("code", ["9408", "940811", "00123", "20004", "96001", "9A081", "97911"])
def test_insee_codes_refused_with_the_expected_shape(code: str) -> None:
    problem = insee_problem(code)
    assert problem is not None and code in problem and "5 caractères" in problem


@pytest.mark.parametrize(
    ("code", "generation"),
    [("QP094043", 2015), ("QP02A001", 2015), ("QP971012", 2015), ("QN09401M", 2024),
     ("QN07511M", 2024), ("QN09301N", 2024), ("QN01302I", 2024)],
)  # fmt: skip
def test_qpv_codes_of_both_geographies(code: str, generation: int) -> None:
    assert district_code_problem(code) is None
    assert district_generation(code) == generation


@pytest.mark.parametrize(
    "code", ["QP94043", "QP0940431", "QN094013", "QN09401X", "QX094043", "CN09401M", "QP000043"]
)
def test_qpv_codes_refused(code: str) -> None:
    problem = district_code_problem(code)
    assert problem is not None and code in problem and "QP094043" in problem


@given(st.text(max_size=10))
def test_a_code_is_accepted_only_with_its_geography(text: str) -> None:
    generation = district_generation(text)
    assert (district_code_problem(text) is None) == (generation is not None)
    if generation is not None:
        assert len(text) == 8 and text.startswith("QP" if generation == 2015 else "QN")


@given(st.from_regex(r"\A(0[1-9]|[13-8][0-9]|2[1-9]|9[0-5])[0-9]{3}\Z"))
def test_every_metropolitan_insee_code_gives_its_department(code: str) -> None:
    assert insee_problem(code) is None
    assert district_code_problem(f"QP{commune_department(code)}001") is None


def test_real_2015_qpv_codes_pass() -> None:
    table = SHARED_DATA / "hackaviz2021" / "qp.csv"
    if not table.exists():
        pytest.skip(f"données publiques absentes ({table})")
    with table.open(encoding="utf-8-sig") as handle:
        codes = [row["code_qp"] for row in csv.DictReader(handle)]
    assert len(codes) > 100
    assert [c for c in codes if district_code_problem(c) or district_generation(c) != 2015] == []


def test_commune_rules() -> None:
    assert commune_problems(VITRY, [IVRY]) == []
    problems = commune_problems(Commune("94041", " "), [IVRY])
    assert {p.field for p in problems} == {"name", "insee_code"}
    assert "Ivry-sur-Seine a déjà le code INSEE 94041" in problems[1].message


def test_district_rules() -> None:
    communes = [VITRY, IVRY]
    good = District("QN09401M", "Balzac", 2024, 4800, ("94081", "94041"))
    assert district_problems(good, communes) == []
    wrong = District("QP075001", "", 2024, -1, ("93066",))
    messages = [p.message for p in district_problems(wrong, communes)]
    assert "Le nom du quartier est obligatoire." in messages
    assert any("quartier de 2015, pas de 2024" in m for m in messages)
    assert "La population ne peut être négative." in messages
    assert "La commune de code INSEE 93066 n'est pas une commune du contrat." in messages
    elsewhere = District("QP075001", "Goutte d'Or", 2015, None, ("94081",))
    (problem,) = district_problems(elsewhere, communes)
    assert "(département 75) ne peut être rattaché à Vitry-sur-Seine" in problem.message
    alone = District("QP094043", "Les Hautes-Noues", 2015)
    assert "au moins une commune" in district_problems(alone, communes)[0].message


def test_every_qpv_code_in_the_shared_public_data_passes() -> None:
    """Every QPV code written anywhere in ../shared/data (ANCT lists, adultes-relais and
    FONJEP posts, hackaviz table) is accepted: today they are all of the 2015 shape."""
    if not SHARED_DATA.exists():
        pytest.skip(f"données publiques absentes ({SHARED_DATA})")
    found: set[str] = set()
    for path in SHARED_DATA.rglob("*"):
        if path.suffix in {".csv", ".json"}:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            found.update(re.findall(r"\bQ[PN][0-9A-Z]{6}\b", text))
    assert len(found) > 100
    assert sorted(c for c in found if district_code_problem(c)) == []
    for wrong in ("QP09401M", "QN094001", "QN09401X", "QP94043", "QN0940M"):
        assert "n'est pas valide" in (district_code_problem(wrong) or "")
