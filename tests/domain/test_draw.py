"""The tirage au sort: reproducible, quotas honoured, infeasibility named, reserve replacement."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrat_desktop.domain.council import Sex
from contrat_desktop.domain.draw import (
    ALGORITHM_VERSION,
    Candidate,
    CandidateList,
    Dimension,
    DrawError,
    DrawRequest,
    Quota,
    candidate_pool,
    check_feasibility,
    draw,
    find_duplicates,
    list_checksum,
    replacement,
)
from contrat_desktop.domain.quotas import quota_problems
from tests.domain.draw_factory import DISTRICTS, make_list

YEAR = 2026
QUOTAS = (
    Quota(Dimension.SEX, "F", 10, 10),
    Quota(Dimension.SEX, "M", 10, 10),
    Quota(Dimension.AGE, "60+", 4),
    Quota(Dimension.DISTRICT, "QP094019", 5, 8),
)


def request(seed: str = "2026-03-14", **changes: object) -> DrawRequest:
    lists = (make_list("Électeurs", 300, 1), make_list("Locataires", 200, 2, start=1000))
    base = DrawRequest(lists, seats=20, seed=seed, reference_year=YEAR, quotas=QUOTAS)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_same_inputs_and_seed_give_the_same_draw_whatever_the_list_order() -> None:
    first = draw(request())
    again = draw(request())
    swapped = draw(replace(request(), lists=tuple(reversed(request().lists))))
    assert first.selected == again.selected == swapped.selected
    assert first.reserve == again.reserve == swapped.reserve
    assert first.algorithm_version == ALGORITHM_VERSION
    assert len(first.selected) == 20 and len(first.reserve) == 20
    assert not quota_problems(first.selected, QUOTAS, YEAR)
    assert draw(request(seed="autre graine")).selected != first.selected


def test_checksum_depends_on_content_only() -> None:
    one = make_list("A", 5)
    assert one.checksum == list_checksum(one.candidates) == make_list("B", 5).checksum
    changed = replace(one.candidates[0], name="Quelqu'un d'autre")
    assert CandidateList("A", candidates=(changed, *one.candidates[1:])).checksum != one.checksum


def test_duplicates_across_lists_are_found_and_drawn_once() -> None:
    person = Candidate("1", "Marie DUPONT", Sex.FEMALE, 1980, "QP094017")
    same = Candidate("77", "Dupont  Marie", Sex.FEMALE, 1980, "QP094017")
    other_year = Candidate("78", "Marie Dupont", Sex.FEMALE, 1981, "QP094017")
    lists = (
        CandidateList("Électeurs", candidates=(person,)),
        CandidateList("Volontaires", candidates=(same, other_year)),
    )
    duplicates = find_duplicates(lists)
    assert len(duplicates) == 1 and len(duplicates[0].occurrences) == 2
    assert {c.list_name for c in duplicates[0].occurrences} == {"Électeurs", "Volontaires"}
    assert len(candidate_pool(lists)) == 2


@pytest.mark.parametrize(
    ("quota", "named"),
    [
        (Quota(Dimension.SEX, "F", 400), "sexe F (au moins 400)"),
        (Quota(Dimension.DISTRICT, "QP000000", 1), "quartier QP000000 (au moins 1)"),
        (Quota(Dimension.AGE, "100+", 2), "âge 100+ (au moins 2)"),
        (Quota(Dimension.SEX, "F", 5, 3), "sexe F (au moins 5, au plus 3)"),
    ],
)
def test_an_infeasible_quota_is_named_before_drawing(quota: Quota, named: str) -> None:
    problems = check_feasibility(request(quotas=(quota,)))
    assert problems and named in problems[0]
    with pytest.raises(DrawError, match="Quota"):
        draw(request(quotas=(quota,)))


def test_minimums_beyond_seats_and_caps_below_seats_are_reported() -> None:
    too_many = (Quota(Dimension.SEX, "F", 12), Quota(Dimension.SEX, "M", 12))
    assert "dépassent les 20 sièges" in " ".join(check_feasibility(request(quotas=too_many)))
    capped = (Quota(Dimension.SEX, "F", 0, 5), Quota(Dimension.SEX, "M", 0, 5))
    assert "ne laissent que 10 sièges" in " ".join(check_feasibility(request(quotas=capped)))
    overlap = (Quota(Dimension.AGE, "18-40", 1), Quota(Dimension.AGE, "35-60", 1))
    assert "se chevauchent" in " ".join(check_feasibility(request(quotas=overlap)))


def test_quota_parsing() -> None:
    assert Quota.parse("sexe:f:20:22") == Quota(Dimension.SEX, "F", 20, 22)
    assert Quota.parse("âge:60 +:5:") == Quota(Dimension.AGE, "60+", 5, None)
    assert Quota.parse("quartier:QP094017:3") == Quota(Dimension.DISTRICT, "QP094017", 3)
    with pytest.raises(ValueError, match="illisible"):
        Quota.parse("taille:grand")


def test_cross_quotas_are_met_by_stepping_back() -> None:
    # Two seats, one woman, one man, one person aged 60+: only (old woman or old man) + other.
    people = (
        Candidate("1", "Jeune Femme", Sex.FEMALE, 2000),
        Candidate("2", "Jeune Homme", Sex.MALE, 2001),
        Candidate("3", "Ancienne Femme", Sex.FEMALE, 1950),
    )
    quotas = (
        Quota(Dimension.SEX, "F", 1, 1),
        Quota(Dimension.SEX, "M", 1, 1),
        Quota(Dimension.AGE, "60+", 1),
    )
    for seed in map(str, range(20)):
        result = draw(DrawRequest((CandidateList("L", candidates=people),), 2, seed, YEAR, quotas))
        assert {c.key for c in result.selected} == {"2", "3"}


def test_reserve_replacement_keeps_the_quotas() -> None:
    result = draw(request())
    members = list(result.selected)
    for leaving in members[:6]:
        chosen = replacement(members, leaving, result.reserve, QUOTAS, YEAR, used=result.selected)
        assert chosen is not None and chosen in result.reserve
        assert chosen.sex is leaving.sex  # sexes are capped at exactly 10 each
        assert not quota_problems([*(m for m in members if m is not leaving), chosen], QUOTAS, YEAR)
    women_only = tuple(c for c in result.reserve if c.sex is Sex.FEMALE)
    man = next(m for m in members if m.sex is Sex.MALE)
    assert replacement(members, man, women_only, QUOTAS, YEAR) is None


def test_replacement_after_an_earlier_vacancy() -> None:
    """A man left with nobody to replace him (the seat stayed vacant); then a woman leaves:
    the first woman of the reserve takes her seat, the men's quota staying as short as it was."""
    quotas = (Quota(Dimension.SEX, "F", 3, 3), Quota(Dimension.SEX, "M", 3, 3))

    def person(key: str, sex: Sex) -> Candidate:
        return Candidate(key, f"Personne {key}", sex, 1970, "QP094017")

    women = [person(f"F{n}", Sex.FEMALE) for n in range(3)]
    men = [person(f"M{n}", Sex.MALE) for n in range(2)]  # the third seat is vacant
    reserve = (person("R-M", Sex.MALE), person("R-F", Sex.FEMALE))
    chosen = replacement([*women, *men], women[0], reserve, quotas, YEAR)
    assert chosen is not None and chosen.key == "R-F"
    assert replacement([*women, *men], women[0], reserve[:1], quotas, YEAR) is None
    # and a man leaving is replaced by a man, never leaving the men shorter still
    chosen = replacement([*women, *men], men[0], reserve, quotas, YEAR)
    assert chosen is not None and chosen.key == "R-M"


people_strategy = st.lists(
    st.tuples(
        st.sampled_from((Sex.FEMALE, Sex.MALE)),
        st.integers(1940, 2008),
        st.sampled_from(DISTRICTS),
    ),
    min_size=1,
    max_size=12,
)
quota_strategy = st.lists(
    st.one_of(
        st.tuples(st.just(Dimension.SEX), st.sampled_from(("F", "M"))),
        st.tuples(st.just(Dimension.AGE), st.sampled_from(("18-39", "40-59", "60+"))),
        st.tuples(st.just(Dimension.DISTRICT), st.sampled_from(DISTRICTS)),
    ).flatmap(
        lambda dv: st.tuples(
            st.just(dv), st.integers(0, 3), st.one_of(st.none(), st.integers(0, 6))
        )
    ),
    max_size=4,
    unique_by=lambda q: q[0],
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people_strategy, quota_strategy, st.integers(1, 6), st.text(max_size=8))
def test_quotas_are_honoured_whenever_some_choice_honours_them(
    people: list[tuple[Sex, int, str]],
    raw_quotas: list[tuple[tuple[Dimension, str], int, int | None]],
    seats: int,
    seed: str,
) -> None:
    candidates = tuple(
        Candidate(str(n), f"Personne {n}", sex, year, district)
        for n, (sex, year, district) in enumerate(people)
    )
    quotas = tuple(Quota(d, v, low, high) for (d, v), low, high in raw_quotas)
    req = DrawRequest((CandidateList("L", candidates=candidates),), seats, seed, YEAR, quotas)
    solvable = seats <= len(candidates) and any(
        not quota_problems(group, quotas, YEAR)
        for group in itertools.combinations(candidates, seats)
    )
    if not solvable:
        with pytest.raises(DrawError):
            draw(req)
        return
    result = draw(req)
    assert len(result.selected) == seats
    assert len(set(result.selected)) == seats
    assert not quota_problems(result.selected, quotas, YEAR)
    assert draw(req) == result


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_quotas_hold_over_many_seeds_on_large_pools(seed: int, pool_seed: int) -> None:
    lists = (make_list("A", 150, pool_seed), make_list("B", 100, pool_seed + 1, start=500))
    req = DrawRequest(lists, 20, str(seed), YEAR, QUOTAS)
    result = draw(req)
    assert not quota_problems(result.selected, QUOTAS, YEAR)
    assert not set(result.selected) & set(result.reserve)
